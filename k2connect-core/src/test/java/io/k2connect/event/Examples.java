package io.k2connect.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the K2 example payloads that the tests share (copied from
 * k2connect-core/src/test/resources/k2-api/examples).
 */
public final class Examples {

	private Examples() {
	}

	/** The event id of {@code webhook-buygoods_transaction_received.json}. */
	public static final String TILL_PAYMENT_EVENT_ID = "2133dbfb-24b9-40fc-ae57-2d7559785760";

	/** The transaction id ({@code event.resource.id}) of the same example. */
	public static final String TILL_PAYMENT_RESOURCE_ID = "458712f-gr76y-24b9-40fc-ae57-2d35785760";

	/**
	 * The {@code buygoods_transaction_received} example as a different till payment: its
	 * event id is {@code id} and its transaction id is derived from it, so that every
	 * {@code id} gives a delivery of its own.
	 */
	public static byte[] tillPayment(String id) {
		String example = new String(bytes("webhook-buygoods_transaction_received.json"), StandardCharsets.UTF_8);
		return example.replace(TILL_PAYMENT_EVENT_ID, id)
			.replace(TILL_PAYMENT_RESOURCE_ID, "transaction-" + id)
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The exact bytes of {@code /k2-api/examples/<name>} on the test classpath. */
	public static byte[] bytes(String name) {
		try (InputStream in = Examples.class.getResourceAsStream("/k2-api/examples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No example " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
