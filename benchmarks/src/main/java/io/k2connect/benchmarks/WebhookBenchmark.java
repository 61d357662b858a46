package io.k2connect.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import io.k2connect.webhook.K2Signatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook path on a ~1 KB {@code buygoods_transaction_received} body (K2's documented
 * example): the SDK's verify + parse next to its two unavoidable costs, an HMAC-SHA256 of
 * the body and a bare Jackson tree parse, alone and together. The bar is
 * {@link #verifyAndParse} within 1.10x of {@link #hmacPlusTreeParse}, in the same run.
 *
 * <p>
 * The baselines are deliberately cheap: the HMAC reuses one initialised {@link Mac} per
 * thread, and the tree parse uses a default {@link JsonMapper}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WebhookBenchmark {

	private static final String API_KEY = "10af7ad062a21d9c841877f87b7dec3dbe51aeb3";

	private byte[] body;

	private String signature;

	private Mac mac;

	private JsonMapper mapper;

	private K2PayloadParser parser;

	private K2SignatureVerifier verifier;

	private K2ResultProcessor processor;

	@Setup
	public void setUp() {
		this.body = resource("/buygoods_transaction_received.json");
		this.signature = K2Signatures.sign(this.body, API_KEY);
		this.mac = hmacSha256(API_KEY);
		this.mapper = JsonMapper.builder().build();
		this.parser = new K2PayloadParser();
		this.verifier = new K2SignatureVerifier(API_KEY);
		this.processor = new K2ResultProcessor(this.verifier, this.parser);
		// Fail fast if the fixture stopped being what the benchmark claims to measure.
		K2Payload payload = this.processor.process(this.body, this.signature);
		if (!(payload instanceof BuygoodsTransactionReceived) || this.body.length < 900) {
			throw new IllegalStateException("Fixture is not a ~1 KB buygoods webhook: " + payload);
		}
	}

	/**
	 * The SDK: verify the signature on the raw bytes, then parse into the typed record.
	 */
	@Benchmark
	public K2Payload verifyAndParse() {
		return this.processor.process(this.body, this.signature);
	}

	/** The SDK's signature check alone (HMAC, hex decode, constant-time compare). */
	@Benchmark
	public void verifyOnly() {
		this.verifier.verify(this.body, this.signature);
	}

	/** The SDK's parse alone (one streaming read straight into the record). */
	@Benchmark
	public K2Payload parseOnly() {
		return this.parser.parse(this.body);
	}

	/** Baseline: HMAC-SHA256 of the body with a reused, initialised Mac. */
	@Benchmark
	public byte[] hmacOnly() {
		return this.mac.doFinal(this.body);
	}

	/** Baseline: a bare Jackson tree parse of the body. */
	@Benchmark
	public JsonNode treeParseOnly() {
		return this.mapper.readTree(this.body);
	}

	/** Baseline: the two together, the floor of any verify-then-parse. */
	@Benchmark
	public void hmacPlusTreeParse(Blackhole blackhole) {
		blackhole.consume(this.mac.doFinal(this.body));
		blackhole.consume(this.mapper.readTree(this.body));
	}

	/**
	 * The baselines' HMAC: a {@link Mac} for HmacSHA256 initialised with {@code key}, as
	 * any verifier of K2's signature needs; for this benchmark, {@link PairedRatio} and
	 * the throughput app's {@code /floor}.
	 */
	public static Mac hmacSha256(String key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK offers no HmacSHA256", ex);
		}
	}

	static byte[] resource(String name) {
		try (InputStream in = WebhookBenchmark.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
