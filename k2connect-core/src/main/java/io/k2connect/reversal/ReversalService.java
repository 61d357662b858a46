package io.k2connect.reversal;

import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.ReversalResult;
import io.k2connect.internal.JsonBodies;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reversals (v2, docs/k2-api.md §12): give back a C2B or B2B transaction received at your
 * till (K2's docs: within the last 30 days). Obtain it from
 * {@link io.k2connect.K2Client#reversals()}.
 */
public final class ReversalService {

	static final String PATH = "/api/v2/reversals";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#reversals()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public ReversalService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Asks K2 to reverse a transaction ({@code POST /api/v2/reversals}). K2 answers at
	 * once; the outcome arrives later as a signed {@code reversal} result at the
	 * request's callback URL. The request is never sent twice.
	 * @param request the reversal
	 * @return where K2 keeps the reversal
	 */
	public ResourceLocation initiateReversal(ReversalRequest request) {
		return initiateReversal(request, RequestOptions.defaults());
	}

	/**
	 * Asks K2 to reverse a transaction, with per-call options; see
	 * {@link #initiateReversal(ReversalRequest)}.
	 * @param request the reversal
	 * @param options per-call options
	 * @return where K2 keeps the reversal
	 */
	public ResourceLocation initiateReversal(ReversalRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(PATH, body(request), options);
	}

	/**
	 * Reads the reversal's status ({@code GET} its location, i.e.
	 * {@code /api/v2/reversals/<id>}): {@code Received}, {@code Scheduled}, then
	 * {@code Processed} with its bulk payment. The same document K2 posts to the callback
	 * URL, whether K2 types it {@code reversal} or {@code reversals}.
	 * @param location what {@link #initiateReversal(ReversalRequest)} returned
	 * @return the reversal's current state
	 */
	public ReversalResult reversalStatus(ResourceLocation location) {
		return reversalStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the reversal's status, with per-call options; see
	 * {@link #reversalStatus(ResourceLocation)}.
	 * @param location what {@link #initiateReversal(ReversalRequest)} returned
	 * @param options per-call options
	 * @return the reversal's current state
	 */
	public ReversalResult reversalStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, ReversalResult.class, options);
	}

	static ObjectNode body(ReversalRequest request) {
		ObjectNode body = JsonBodies.object()
			.put("transaction_reference", request.transactionReference())
			.put("reason", request.reason());
		JsonBodies.metadata(body, request.metadata());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "ReversalService[" + this.transport.baseUrl() + "]";
	}

}
