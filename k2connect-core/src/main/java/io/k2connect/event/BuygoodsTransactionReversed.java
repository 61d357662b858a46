package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Webhook topic {@code buygoods_transaction_reversed}: a buy-goods payment to the till
 * was reversed (docs/k2-webhooks.md §3.2).
 *
 * @param id {@code id}, the webhook event id
 * @param topic {@code topic}
 * @param createdAt {@code created_at}
 * @param eventType {@code event.type} ({@code Buygoods Transaction})
 * @param resourceId {@code event.resource.id}
 * @param reference {@code event.resource.reference}, the M-PESA receipt of the original
 * payment
 * @param originationTime {@code event.resource.origination_time}
 * @param reversalTime {@code event.resource.reversal_time} (read by the Python SDK; in no
 * known payload)
 * @param senderPhoneNumber {@code event.resource.sender_phone_number}
 * @param hashedSenderPhone {@code event.resource.hashed_sender_phone}, if sent
 * @param amount {@code event.resource.amount}
 * @param currency {@code event.resource.currency}
 * @param tillNumber {@code event.resource.till_number}
 * @param system {@code event.resource.system}
 * @param status {@code event.resource.status}, e.g. {@code Reversed}
 * @param senderFirstName {@code event.resource.sender_first_name}
 * @param senderMiddleName {@code event.resource.sender_middle_name}
 * @param senderLastName {@code event.resource.sender_last_name}
 * @param links {@code _links}
 */
public record BuygoodsTransactionReversed(@Nullable String id, @Nullable String topic,
		@Nullable OffsetDateTime createdAt, @Nullable String eventType, @Nullable String resourceId,
		@Nullable String reference, @Nullable OffsetDateTime originationTime, @Nullable OffsetDateTime reversalTime,
		@Nullable String senderPhoneNumber, @Nullable String hashedSenderPhone, @Nullable BigDecimal amount,
		@Nullable String currency, @Nullable String tillNumber, @Nullable String system, @Nullable String status,
		@Nullable String senderFirstName, @Nullable String senderMiddleName, @Nullable String senderLastName,
		@Nullable EventLinks links) implements K2Event {

	/** The K2 topic of this record. */
	public static final String TOPIC = "buygoods_transaction_reversed";

}
