package io.k2connect.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code send_money}: the outcome of a v2 send-money request to one or more
 * destinations (docs/k2-webhooks.md §4.6).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}: {@code Scheduled}, then {@code Processed}
 * @param createdAt {@code attributes.created_at}
 * @param sourceIdentifier {@code attributes.source_identifier}
 * @param destinations {@code attributes.destinations}: the request's destinations echoed
 * back, each as plain Java values (their fields differ by destination type)
 * @param currency {@code attributes.currency}
 * @param transferBatches {@code attributes.transfer_batches}, {@code null} until
 * processed
 * @param errors {@code attributes.errors}; a list is joined with {@code "; "}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record SendMoneyResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime createdAt, @Nullable String sourceIdentifier,
		@Nullable List<Map<String, @Nullable Object>> destinations, @Nullable String currency,
		@Nullable List<TransferBatch> transferBatches, @Nullable String errors,
		@Nullable Map<String, @Nullable Object> metadata, @Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "send_money";

	/** Copies the collections so that the record stays a value. */
	public SendMoneyResult {
		destinations = Values.list(destinations);
		transferBatches = Values.list(transferBatches);
		metadata = Values.map(metadata);
	}

	/** Whether K2 has processed the request: status {@code Processed} (any case). */
	public boolean isProcessed() {
		return Values.is(this.status, "Processed");
	}

}
