package io.k2connect;

/**
 * Told of every request a {@link K2Client} created at K2: each create call that K2
 * answered with {@code 201} and a {@code Location} (an STK push, a payment, a transfer, a
 * reversal, a payment link, a polling request, an SMS notification, a webhook
 * subscription...). An application uses it to remember the requests whose result it is
 * waiting for, so that a result whose callback never came can be fetched from its
 * location; the Spring Boot starter's recovery does exactly that.
 *
 * <p>
 * Called on the thread that made the call, after K2 accepted the request and before the
 * location is returned to the caller. What it throws is logged and otherwise ignored: the
 * request was made (money may have moved), so the caller must learn its location however
 * the observer fares. Implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface K2CreateObserver {

	/**
	 * A request was created.
	 * @param path the API path it was posted to, e.g. {@code /api/v2/incoming_payments}
	 * @param location where K2 keeps it: its status document, and the {@code _links.self}
	 * of its result
	 */
	void created(String path, ResourceLocation location);

}
