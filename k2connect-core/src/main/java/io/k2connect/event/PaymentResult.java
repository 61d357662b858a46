package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code payment}: an outgoing PAY payment to a pay recipient (v1,
 * docs/k2-webhooks.md §4.2).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}, e.g. {@code Processed} or {@code Scheduled}
 * @param createdAt {@code attributes.created_at}
 * @param amount {@code attributes.amount.value}
 * @param currency {@code attributes.amount.currency}
 * @param transferBatches {@code attributes.transfer_batches}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record PaymentResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime createdAt, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable List<TransferBatch> transferBatches, @Nullable Map<String, @Nullable Object> metadata,
		@Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "payment";

	/** Copies the collections so that the record stays a value. */
	public PaymentResult {
		transferBatches = Values.list(transferBatches);
		metadata = Values.map(metadata);
	}

	/** Whether K2 has processed the request: status {@code Processed} (any case). */
	public boolean isProcessed() {
		return Values.is(this.status, "Processed");
	}

}
