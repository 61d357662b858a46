package io.k2connect.paymentlink;

import java.net.URI;
import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.internal.JsonBodies;
import io.k2connect.internal.JsonReaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payment links (v2, docs/k2-api.md §13): create a link a customer opens to pay your
 * till, read its state, cancel it. Obtain it from
 * {@link io.k2connect.K2Client#paymentLinks()}.
 */
public final class PaymentLinkService {

	static final String PATH = "/api/v2/payment_links";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#paymentLinks()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public PaymentLinkService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Creates a payment link ({@code POST /api/v2/payment_links}). Its status document
	 * carries the link to give the customer; once paid, a signed {@code payment_link}
	 * result arrives at the request's callback URL.
	 * @param request the payment link
	 * @return where K2 keeps the payment link
	 */
	public ResourceLocation createPaymentLink(PaymentLinkRequest request) {
		return createPaymentLink(request, RequestOptions.defaults());
	}

	/**
	 * Creates a payment link, with per-call options; see
	 * {@link #createPaymentLink(PaymentLinkRequest)}.
	 * @param request the payment link
	 * @param options per-call options
	 * @return where K2 keeps the payment link
	 */
	public ResourceLocation createPaymentLink(PaymentLinkRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(PATH, body(request), options);
	}

	/**
	 * Reads the payment link's status ({@code GET} its location, i.e.
	 * {@code /api/v2/payment_links/<id>}): the link, {@code Active} until paid, then the
	 * payment. The same document K2 posts to the callback URL.
	 * @param location what {@link #createPaymentLink(PaymentLinkRequest)} returned
	 * @return the payment link's current state
	 */
	public PaymentLinkResult paymentLinkStatus(ResourceLocation location) {
		return paymentLinkStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the payment link's status, with per-call options; see
	 * {@link #paymentLinkStatus(ResourceLocation)}.
	 * @param location what {@link #createPaymentLink(PaymentLinkRequest)} returned
	 * @param options per-call options
	 * @return the payment link's current state
	 */
	public PaymentLinkResult paymentLinkStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, PaymentLinkResult.class, options);
	}

	/**
	 * Cancels a payment link ({@code POST /api/v2/payment_links/<id>/cancel}), so that it
	 * can no longer be paid. K2 answers {@code 200} with a message.
	 * @param location what {@link #createPaymentLink(PaymentLinkRequest)} returned
	 * @return K2's answer
	 */
	public PaymentLinkCancellation cancelPaymentLink(ResourceLocation location) {
		return cancelPaymentLink(location, RequestOptions.defaults());
	}

	/**
	 * Cancels a payment link, with per-call options; see
	 * {@link #cancelPaymentLink(ResourceLocation)}.
	 * @param location what {@link #createPaymentLink(PaymentLinkRequest)} returned
	 * @param options per-call options
	 * @return K2's answer
	 */
	public PaymentLinkCancellation cancelPaymentLink(ResourceLocation location, RequestOptions options) {
		Objects.requireNonNull(location, "location must not be null");
		String link = location.location().toString();
		while (link.endsWith("/")) {
			link = link.substring(0, link.length() - 1);
		}
		// An empty JSON object, as the Node SDK sends it: K2 reads no field.
		K2Transport.Answer answer = this.transport.post(URI.create(link + "/cancel"), JsonBodies.object(), options);
		JsonNode json = JsonReaders.tryParseObject(answer.body());
		return new PaymentLinkCancellation(JsonReaders.text(json, "message"));
	}

	static ObjectNode body(PaymentLinkRequest request) {
		ObjectNode body = JsonBodies.object();
		JsonBodies.number(body, "amount", request.amount());
		body.put("currency", request.currency()).put("till_number", request.tillNumber());
		JsonBodies.optional(body, "payment_reference", request.paymentReference());
		JsonBodies.optional(body, "note", request.note());
		JsonBodies.metadata(body, request.metadata());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "PaymentLinkService[" + this.transport.baseUrl() + "]";
	}

}
