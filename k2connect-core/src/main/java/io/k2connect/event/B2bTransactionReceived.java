package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Webhook topic {@code b2b_transaction_received}: another till paid the merchant's till
 * (External Till to Till, docs/k2-webhooks.md §3.3).
 *
 * @param id {@code id}, the webhook event id
 * @param topic {@code topic}
 * @param createdAt {@code created_at}
 * @param eventType {@code event.type}
 * @param resourceId {@code event.resource.id}
 * @param reference {@code event.resource.reference}, the M-PESA receipt
 * @param originationTime {@code event.resource.origination_time}
 * @param sendingTill {@code event.resource.sending_till}, the paying till
 * @param amount {@code event.resource.amount}
 * @param currency {@code event.resource.currency}
 * @param tillNumber {@code event.resource.till_number}, the receiving till
 * @param system {@code event.resource.system}
 * @param status {@code event.resource.status}
 * @param links {@code _links}
 */
public record B2bTransactionReceived(@Nullable String id, @Nullable String topic, @Nullable OffsetDateTime createdAt,
		@Nullable String eventType, @Nullable String resourceId, @Nullable String reference,
		@Nullable OffsetDateTime originationTime, @Nullable String sendingTill, @Nullable BigDecimal amount,
		@Nullable String currency, @Nullable String tillNumber, @Nullable String system, @Nullable String status,
		@Nullable EventLinks links) implements K2Event {

	/** The K2 topic of this record. */
	public static final String TOPIC = "b2b_transaction_received";

}
