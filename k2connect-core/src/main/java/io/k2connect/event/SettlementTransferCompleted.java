package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Webhook topic {@code settlement_transfer_completed}: funds were settled to the
 * merchant's bank account or mobile wallet (docs/k2-webhooks.md §3.6). The resource has
 * no reference of its own.
 *
 * @param id {@code id}, the webhook event id
 * @param topic {@code topic}
 * @param createdAt {@code created_at}
 * @param eventType {@code event.type} ({@code Settlement Transfer})
 * @param resourceId {@code event.resource.id}, the transfer batch
 * @param originationTime {@code event.resource.origination_time}
 * @param amount {@code event.resource.amount}
 * @param currency {@code event.resource.currency}
 * @param status {@code event.resource.status}, e.g. {@code Transferred}
 * @param destination {@code event.resource.destination}
 * @param disbursements {@code event.resource.disbursements}
 * @param links {@code _links}
 */
public record SettlementTransferCompleted(@Nullable String id, @Nullable String topic,
		@Nullable OffsetDateTime createdAt, @Nullable String eventType, @Nullable String resourceId,
		@Nullable OffsetDateTime originationTime, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable String status, @Nullable SettlementDestination destination,
		@Nullable List<Disbursement> disbursements, @Nullable EventLinks links) implements K2Event {

	/** The K2 topic of this record. */
	public static final String TOPIC = "settlement_transfer_completed";

	/** Copies the collections so that the record stays a value. */
	public SettlementTransferCompleted {
		disbursements = Values.list(disbursements);
	}

}
