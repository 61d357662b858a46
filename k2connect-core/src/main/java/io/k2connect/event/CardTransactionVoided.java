package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Webhook topic {@code card_transaction_voided} (v2): a card payment to the till was
 * voided. No sample payload exists (docs/k2-webhooks.md §3.8), so the fields follow the
 * Ruby SDK's parser and the whole resource is also kept as a map.
 *
 * @param id {@code id}, the webhook event id
 * @param topic {@code topic}
 * @param createdAt {@code created_at}
 * @param eventType {@code event.type}
 * @param resourceId {@code event.resource.id}
 * @param reference {@code event.resource.reference}
 * @param originationTime {@code event.resource.origination_time}
 * @param amount {@code event.resource.amount}
 * @param currency {@code event.resource.currency}
 * @param status {@code event.resource.status}
 * @param tillNumber {@code event.resource.till_number}
 * @param customerCcNumber {@code event.resource.customer_cc_number} (masked card number)
 * @param resource {@code event.resource} as plain Java values
 * @param links {@code _links}
 */
public record CardTransactionVoided(@Nullable String id, @Nullable String topic, @Nullable OffsetDateTime createdAt,
		@Nullable String eventType, @Nullable String resourceId, @Nullable String reference,
		@Nullable OffsetDateTime originationTime, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable String status, @Nullable String tillNumber, @Nullable String customerCcNumber,
		@Nullable Map<String, @Nullable Object> resource, @Nullable EventLinks links) implements K2Event {

	/** The K2 topic of this record. */
	public static final String TOPIC = "card_transaction_voided";

	/** Copies the collections so that the record stays a value. */
	public CardTransactionVoided {
		resource = Values.map(resource);
	}

}
