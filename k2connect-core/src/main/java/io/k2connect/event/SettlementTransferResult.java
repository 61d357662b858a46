package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code settlement_transfer}: a transfer of funds to the merchant's own
 * settlement accounts (v1, docs/k2-webhooks.md §4.3).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}, e.g. {@code Processed}
 * @param createdAt {@code attributes.created_at}
 * @param amount {@code attributes.amount.value}; {@code null} for a blind transfer
 * @param currency {@code attributes.amount.currency}
 * @param transferBatches {@code attributes.transfer_batches}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record SettlementTransferResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime createdAt, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable List<TransferBatch> transferBatches, @Nullable Map<String, @Nullable Object> metadata,
		@Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "settlement_transfer";

	/** Copies the collections so that the record stays a value. */
	public SettlementTransferResult {
		transferBatches = Values.list(transferBatches);
		metadata = Values.map(metadata);
	}

	/** Whether K2 has processed the request: status {@code Processed} (any case). */
	public boolean isProcessed() {
		return Values.is(this.status, "Processed");
	}

}
