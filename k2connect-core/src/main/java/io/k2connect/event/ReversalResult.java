package io.k2connect.event;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code reversal} (or {@code reversals}, as the docs and one Ruby spec spell
 * it): the outcome of a v2 request to reverse a received transaction (docs/k2-webhooks.md
 * §4.7).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}: {@code reversal} or {@code reversals}
 * @param status {@code attributes.status}: {@code Received}, {@code Scheduled},
 * {@code Processed}
 * @param createdAt {@code attributes.created_at}
 * @param transactionReference {@code attributes.transaction_reference}: the reversed
 * transaction
 * @param reason {@code attributes.reason}
 * @param reversalBulkPayment {@code attributes.reversal_bulk_payment}, {@code null} until
 * processed
 * @param errors {@code attributes.errors}; a list is joined with {@code "; "}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record ReversalResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime createdAt, @Nullable String transactionReference, @Nullable String reason,
		@Nullable ReversalBulkPayment reversalBulkPayment, @Nullable String errors,
		@Nullable Map<String, @Nullable Object> metadata, @Nullable ResultLinks links) implements K2Result {

	/** The {@code data.type} of this record in K2's payloads. */
	public static final String TYPE = "reversal";

	/** The {@code data.type} of this record in K2's documentation. */
	public static final String TYPE_PLURAL = "reversals";

	/** Copies the metadata so that the record stays a value. */
	public ReversalResult {
		metadata = Values.map(metadata);
	}

	/** Whether K2 has processed the reversal: status {@code Processed} (any case). */
	public boolean isProcessed() {
		return Values.is(this.status, "Processed");
	}

}
