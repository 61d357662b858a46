package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A received M-PESA buy-goods transaction: {@code attributes.event.resource} of a
 * successful {@code incoming_payment} result (docs/k2-webhooks.md §4.1), and the
 * {@code resource} of each {@code polling} transaction (§4.4).
 *
 * @param id {@code id}
 * @param reference {@code reference}, the M-PESA receipt
 * @param originationTime {@code origination_time}
 * @param senderPhoneNumber {@code sender_phone_number}
 * @param hashedSenderPhone {@code hashed_sender_phone} (newer payloads only)
 * @param amount {@code amount}, a string or a number on the wire
 * @param currency {@code currency}
 * @param tillNumber {@code till_number}
 * @param system {@code system}, e.g. {@code Lipa Na M-PESA}
 * @param status {@code status}, e.g. {@code Received}
 * @param senderFirstName {@code sender_first_name}
 * @param senderMiddleName {@code sender_middle_name}
 * @param senderLastName {@code sender_last_name}
 */
public record IncomingPaymentResource(@Nullable String id, @Nullable String reference,
		@Nullable OffsetDateTime originationTime, @Nullable String senderPhoneNumber,
		@Nullable String hashedSenderPhone, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable String tillNumber, @Nullable String system, @Nullable String status, @Nullable String senderFirstName,
		@Nullable String senderMiddleName, @Nullable String senderLastName) {

}
