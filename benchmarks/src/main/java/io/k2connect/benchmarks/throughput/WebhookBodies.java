package io.k2connect.benchmarks.throughput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import io.k2connect.webhook.K2Signatures;

/**
 * A pool of signed {@code buygoods_transaction_received} webhooks (K2's documented
 * 972-byte example), each with its own event id, generated before any timing starts.
 *
 * <p>
 * Every body differs from the example only in the event id (in {@code id} and in
 * {@code _links.self}); the ids keep the example's length, so every body has the same
 * size. The first eight hex digits are random per pool, so that a second run against the
 * same server does not repeat the first run's ids.
 */
final class WebhookBodies {

	static final String EXAMPLE_RESOURCE = "/buygoods_transaction_received.json";

	private static final String EXAMPLE_ID = "2133dbfb-24b9-40fc-ae57-2d7559785760";

	/** The example's transaction id: a till payment's delivery key. */
	private static final String EXAMPLE_RESOURCE_ID = "458712f-gr76y-24b9-40fc-ae57-2d35785760";

	private final byte[][] bodies;

	private final String[] signatures;

	private WebhookBodies(byte[][] bodies, String[] signatures) {
		this.bodies = bodies;
		this.signatures = signatures;
	}

	static WebhookBodies generate(int count, String apiKey) {
		String example = new String(example(), StandardCharsets.UTF_8);
		if (!example.contains("\"id\": \"" + EXAMPLE_ID + "\"")
				|| !example.contains("\"id\": \"" + EXAMPLE_RESOURCE_ID + "\"")) {
			throw new IllegalStateException("The example webhook no longer has the expected event and transaction ids");
		}
		int nonce = ThreadLocalRandom.current().nextInt();
		byte[][] bodies = new byte[count][];
		String[] signatures = new String[count];
		for (int i = 0; i < count; i++) {
			String id = String.format("%08x-0000-4000-8000-%012x", nonce, i);
			byte[] body = example.replace(EXAMPLE_ID, id)
				.replace(EXAMPLE_RESOURCE_ID, "transaction-" + id)
				.getBytes(StandardCharsets.UTF_8);
			bodies[i] = body;
			signatures[i] = K2Signatures.sign(body, apiKey);
		}
		return new WebhookBodies(bodies, signatures);
	}

	static byte[] example() {
		try (InputStream in = WebhookBodies.class.getResourceAsStream(EXAMPLE_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(EXAMPLE_RESOURCE + " is not on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.bodies.length;
	}

	byte[] body(int index) {
		return this.bodies[index];
	}

	String signature(int index) {
		return this.signatures[index];
	}

}
