package io.k2connect.notification;

import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.TransactionSmsNotificationResult;
import io.k2connect.internal.JsonBodies;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transaction SMS notifications: a custom SMS to the payer of a Buy Goods transaction
 * (docs/k2-api.md §8; a v1 endpoint that K2 deprecates in v2, which has no replacement,
 * so it stays on {@code /api/v1} whatever the client's {@link io.k2connect.ApiVersion}).
 * Obtain it from {@link io.k2connect.K2Client#notifications()}.
 */
public final class NotificationService {

	static final String PATH = "/api/v1/transaction_sms_notifications";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#notifications()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public NotificationService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Sends an SMS to the payer of a received transaction
	 * ({@code POST /api/v1/transaction_sms_notifications}). K2 answers at once; the
	 * outcome arrives later as a signed {@code transaction_sms_notification} result at
	 * the request's callback URL.
	 * @param request the notification
	 * @return where K2 keeps the notification
	 */
	public ResourceLocation sendTransactionSmsNotification(TransactionSmsNotificationRequest request) {
		return sendTransactionSmsNotification(request, RequestOptions.defaults());
	}

	/**
	 * Sends an SMS to the payer of a received transaction, with per-call options; see
	 * {@link #sendTransactionSmsNotification(TransactionSmsNotificationRequest)}.
	 * @param request the notification
	 * @param options per-call options
	 * @return where K2 keeps the notification
	 */
	public ResourceLocation sendTransactionSmsNotification(TransactionSmsNotificationRequest request,
			RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(PATH, body(request), options);
	}

	/**
	 * Reads the SMS notification's status ({@code GET} its location). The same document
	 * K2 posts to the callback URL.
	 * @param location what
	 * {@link #sendTransactionSmsNotification(TransactionSmsNotificationRequest)} returned
	 * @return the SMS notification's current state
	 */
	public TransactionSmsNotificationResult transactionNotificationStatus(ResourceLocation location) {
		return transactionNotificationStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the SMS notification's status, with per-call options; see
	 * {@link #transactionNotificationStatus(ResourceLocation)}.
	 * @param location what
	 * {@link #sendTransactionSmsNotification(TransactionSmsNotificationRequest)} returned
	 * @param options per-call options
	 * @return the SMS notification's current state
	 */
	public TransactionSmsNotificationResult transactionNotificationStatus(ResourceLocation location,
			RequestOptions options) {
		return this.transport.status(location, TransactionSmsNotificationResult.class, options);
	}

	static ObjectNode body(TransactionSmsNotificationRequest request) {
		ObjectNode body = JsonBodies.object()
			.put("webhook_event_reference", request.webhookEventReference())
			.put("message", request.message());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "NotificationService[" + this.transport.baseUrl() + "]";
	}

}
