package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Webhook topic {@code m2m_transaction_received} (v1): another Kopo Kopo merchant paid
 * this one (docs/k2-webhooks.md §3.5). The resource has no reference and no till number.
 *
 * @param id {@code id}, the webhook event id
 * @param topic {@code topic}
 * @param createdAt {@code created_at}
 * @param eventType {@code event.type} ({@code Merchant to Merchant Transaction})
 * @param resourceId {@code event.resource.id}
 * @param originationTime {@code event.resource.origination_time}
 * @param sendingMerchant {@code event.resource.sending_merchant}, the paying merchant's
 * name
 * @param amount {@code event.resource.amount}
 * @param currency {@code event.resource.currency}
 * @param status {@code event.resource.status}
 * @param links {@code _links}
 */
public record M2mTransactionReceived(@Nullable String id, @Nullable String topic, @Nullable OffsetDateTime createdAt,
		@Nullable String eventType, @Nullable String resourceId, @Nullable OffsetDateTime originationTime,
		@Nullable String sendingMerchant, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable String status, @Nullable EventLinks links) implements K2Event {

	/** The K2 topic of this record. */
	public static final String TOPIC = "m2m_transaction_received";

}
