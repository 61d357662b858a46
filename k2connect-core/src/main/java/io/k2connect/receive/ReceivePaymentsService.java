package io.k2connect.receive;

import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.internal.JsonBodies;
import tools.jackson.databind.node.ObjectNode;

/**
 * Receive payments: M-PESA STK push (docs/k2-api.md §4). Obtain it from
 * {@link io.k2connect.K2Client#receivePayments()}.
 */
public final class ReceivePaymentsService {

	static final String COLLECTION = "/incoming_payments";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#receivePayments()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public ReceivePaymentsService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Asks the customer's phone to pay ({@code POST /api/{v1|v2}/incoming_payments}). K2
	 * answers at once; the outcome arrives later as a signed {@code incoming_payment}
	 * result at the request's callback URL, or through {@code paymentRequestStatus}.
	 * @param request the payment request
	 * @return where K2 keeps the payment request
	 */
	public ResourceLocation createPaymentRequest(PaymentRequest request) {
		return createPaymentRequest(request, RequestOptions.defaults());
	}

	/**
	 * Asks the customer's phone to pay, with per-call options; see
	 * {@link #createPaymentRequest(PaymentRequest)}.
	 * @param request the payment request
	 * @param options per-call options
	 * @return where K2 keeps the payment request
	 */
	public ResourceLocation createPaymentRequest(PaymentRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(this.transport.versioned(COLLECTION), body(request), options);
	}

	/**
	 * Reads the payment request's status ({@code GET} its location): {@code Pending},
	 * then {@code Success} with the received transaction, or {@code Failed} with K2's
	 * reason. The same document K2 posts to the callback URL.
	 * @param location what {@link #createPaymentRequest(PaymentRequest)} returned
	 * @return the payment request's current state
	 */
	public IncomingPaymentResult paymentRequestStatus(ResourceLocation location) {
		return paymentRequestStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the payment request's status, with per-call options; see
	 * {@link #paymentRequestStatus(ResourceLocation)}.
	 * @param location what {@link #createPaymentRequest(PaymentRequest)} returned
	 * @param options per-call options
	 * @return the payment request's current state
	 */
	public IncomingPaymentResult paymentRequestStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, IncomingPaymentResult.class, options);
	}

	static ObjectNode body(PaymentRequest request) {
		ObjectNode body = JsonBodies.object()
			.put("payment_channel", request.paymentChannel())
			.put("till_number", request.tillNumber());
		ObjectNode subscriber = body.putObject("subscriber");
		JsonBodies.optional(subscriber, "first_name", request.firstName());
		JsonBodies.optional(subscriber, "middle_name", request.middleName());
		JsonBodies.optional(subscriber, "last_name", request.lastName());
		subscriber.put("phone_number", request.phoneNumber());
		JsonBodies.optional(subscriber, "email", request.email());
		JsonBodies.amount(body, request.currency(), request.amount());
		JsonBodies.metadata(body, request.metadata());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "ReceivePaymentsService[" + this.transport.baseUrl() + "]";
	}

}
