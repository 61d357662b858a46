package io.k2connect.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code transaction_sms_notification}: the outcome of sending an SMS to the
 * payer of a buy-goods transaction (v1, docs/k2-webhooks.md §4.5).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}, e.g. {@code Success}
 * @param message {@code attributes.message}: the text sent
 * @param webhookEventReference {@code attributes.webhook_event_reference}: the id of the
 * {@code buygoods_transaction_received} webhook the SMS is about
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record TransactionSmsNotificationResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable String message, @Nullable String webhookEventReference,
		@Nullable Map<String, @Nullable Object> metadata, @Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "transaction_sms_notification";

	/** Copies the metadata so that the record stays a value. */
	public TransactionSmsNotificationResult {
		metadata = Values.map(metadata);
	}

}
