package io.k2connect.benchmarks.throughput;

import java.io.IOException;
import java.io.InputStream;

import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Diagnosis only, not part of the bar: the webhook endpoint's work cut into cumulative
 * stages, each answering like the webhook endpoint, so that the load driver
 * ({@code --endpoints empty,stage-read,stage-verify,stage-parse,webhook}) can tell under
 * HTTP load what each stage costs:
 * <ul>
 * <li>{@code /stage/read}: read the body;</li>
 * <li>{@code /stage/verify}: read, check the signature (a verifier with the app's API
 * key);</li>
 * <li>{@code /stage/parse}: read, check and parse (the starter's result processor, as the
 * webhook endpoint does).</li>
 * </ul>
 * The full endpoint adds the delivery key, the de-duplication registry and the event.
 */
@RestController
class StageController {

	private static final String ANSWER = "{\"outcome\":\"accepted\",\"message\":\"Received.\"}";

	private final K2SignatureVerifier verifier = new K2SignatureVerifier(ThroughputApp.API_KEY);

	private final ObjectProvider<K2ResultProcessor> processor;

	/**
	 * The processor, looked up on first use and kept: {@code ObjectProvider.getObject()}
	 * resolves the bean again on every call, which cost more under load than the parse
	 * this stage is there to measure.
	 */
	private volatile @Nullable K2ResultProcessor resolved;

	StageController(ObjectProvider<K2ResultProcessor> processor) {
		this.processor = processor;
	}

	@PostMapping("/stage/read")
	ResponseEntity<String> read(HttpServletRequest request) throws IOException {
		body(request);
		return ok();
	}

	@PostMapping("/stage/verify")
	ResponseEntity<String> verify(HttpServletRequest request) throws IOException {
		byte[] body = body(request);
		this.verifier.verify(body, request.getHeader(K2SignatureVerifier.HEADER));
		return ok();
	}

	@PostMapping("/stage/parse")
	ResponseEntity<String> parse(HttpServletRequest request) throws IOException {
		byte[] body = body(request);
		processor().process(body, request.getHeader(K2SignatureVerifier.HEADER));
		return ok();
	}

	private K2ResultProcessor processor() {
		K2ResultProcessor processor = this.resolved;
		if (processor == null) {
			processor = this.processor.getObject();
			this.resolved = processor;
		}
		return processor;
	}

	private static byte[] body(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static ResponseEntity<String> ok() {
		return ResponseEntity.status(HttpStatus.OK).contentType(MediaType.APPLICATION_JSON).body(ANSWER);
	}

}
