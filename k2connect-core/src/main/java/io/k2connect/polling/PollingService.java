package io.k2connect.polling;

import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PollingResult;
import io.k2connect.internal.JsonBodies;
import io.k2connect.internal.Timestamps;
import tools.jackson.databind.node.ObjectNode;

/**
 * Polling: asking K2 to replay the transactions of a time window, e.g. to catch up on
 * missed webhooks (docs/k2-api.md §7). Obtain it from
 * {@link io.k2connect.K2Client#polling()}.
 */
public final class PollingService {

	static final String COLLECTION = "/polling";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#polling()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public PollingService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Asks K2 for the transactions of a time window ({@code POST /api/{v1|v2}/polling}).
	 * K2 answers at once; the transactions arrive later as a signed {@code polling}
	 * result at the request's callback URL.
	 * @param request the polling request
	 * @return where K2 keeps the polling request
	 */
	public ResourceLocation createPollingRequest(PollingRequest request) {
		return createPollingRequest(request, RequestOptions.defaults());
	}

	/**
	 * Asks K2 for the transactions of a time window, with per-call options; see
	 * {@link #createPollingRequest(PollingRequest)}.
	 * @param request the polling request
	 * @param options per-call options
	 * @return where K2 keeps the polling request
	 */
	public ResourceLocation createPollingRequest(PollingRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(this.transport.versioned(COLLECTION), body(request), options);
	}

	/**
	 * Reads the polling request's status ({@code GET} its location): when it has
	 * succeeded, the transactions of the window. The same document K2 posts to the
	 * callback URL.
	 * @param location what {@link #createPollingRequest(PollingRequest)} returned
	 * @return the polling request's current state
	 */
	public PollingResult pollingRequestStatus(ResourceLocation location) {
		return pollingRequestStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the polling request's status, with per-call options; see
	 * {@link #pollingRequestStatus(ResourceLocation)}.
	 * @param location what {@link #createPollingRequest(PollingRequest)} returned
	 * @param options per-call options
	 * @return the polling request's current state
	 */
	public PollingResult pollingRequestStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, PollingResult.class, options);
	}

	static ObjectNode body(PollingRequest request) {
		String scopeReference = request.scopeReference();
		ObjectNode body = JsonBodies.object()
			.put("scope", request.scope().wireValue())
			// K2's own example sends "" for company scope, so the key is always there.
			.put("scope_reference", (scopeReference != null) ? scopeReference : "")
			.put("from_time", Timestamps.format(request.fromTime()))
			.put("to_time", Timestamps.format(request.toTime()));
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "PollingService[" + this.transport.baseUrl() + "]";
	}

}
