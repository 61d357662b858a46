package io.k2connect.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code polling}: the transactions K2 replayed for a polling request
 * (docs/k2-webhooks.md §4.4).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}, e.g. {@code Success}
 * @param createdAt {@code attributes.created_at} (modelled by the .NET SDK)
 * @param fromTime {@code attributes.from_time}
 * @param toTime {@code attributes.to_time}
 * @param scope {@code attributes.scope}, e.g. {@code Company} or {@code Till}
 * @param scopeReference {@code attributes.scope_reference}: the till number, {@code null}
 * for a company
 * @param transactions {@code attributes.transactions}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record PollingResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime createdAt, @Nullable OffsetDateTime fromTime, @Nullable OffsetDateTime toTime,
		@Nullable String scope, @Nullable String scopeReference, @Nullable List<PollingTransaction> transactions,
		@Nullable Map<String, @Nullable Object> metadata, @Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "polling";

	/** Copies the collections so that the record stays a value. */
	public PollingResult {
		transactions = Values.list(transactions);
		metadata = Values.map(metadata);
	}

}
