package io.k2connect.benchmarks.throughput;

import java.io.IOException;
import java.io.InputStream;

import javax.crypto.Mac;

import io.k2connect.benchmarks.WebhookBenchmark;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

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
 *
 * <p>
 * And, apart from the stages, {@code /floor}: the least any endpoint that checks and
 * reads a webhook must do, the JMH baseline {@code hmacPlusTreeParse} over HTTP. It reads
 * the body, computes its HMAC-SHA256 with the JDK's {@link Mac} (one initialised per
 * thread), tree-parses it with a default {@link JsonMapper}, and answers exactly as
 * {@code /empty} does (200, no body). Its ratio to {@code /empty} says what the
 * throughput bar leaves for everything else: when it is below 0.90, no endpoint that
 * verifies and parses a delivery can hold 0.90 of {@code /empty} on that machine.
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

	private final JsonMapper mapper = new JsonMapper();

	private final ThreadLocal<Mac> macs = ThreadLocal
		.withInitial(() -> WebhookBenchmark.hmacSha256(ThroughputApp.API_KEY));

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

	@PostMapping("/floor")
	ResponseEntity<Void> floor(HttpServletRequest request) throws IOException {
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(request.getContentLength());
		}
		if (this.macs.get().doFinal(body).length != 32 || !this.mapper.readTree(body).isObject()) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.ok().build();
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
