package io.k2connect.event;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code incoming_payment}: the outcome of an M-PESA STK push payment request
 * (docs/k2-webhooks.md §4.1). {@link #resource()} is set on success only;
 * {@link #errors()} says why a payment failed.
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}: {@code Pending}, {@code Success} or
 * {@code Failed}
 * @param initiationTime {@code attributes.initiation_time}
 * @param eventType {@code attributes.event.type} ({@code Incoming Payment Request})
 * @param resource {@code attributes.event.resource}: the received transaction,
 * {@code null} while pending or when failed
 * @param errors {@code attributes.event.errors}, e.g.
 * {@code The balance is insufficient for
 * the transaction}; a list is joined with {@code "; "}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record IncomingPaymentResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime initiationTime, @Nullable String eventType, @Nullable IncomingPaymentResource resource,
		@Nullable String errors, @Nullable Map<String, @Nullable Object> metadata,
		@Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "incoming_payment";

	/** Copies the metadata so that the record stays a value. */
	public IncomingPaymentResult {
		metadata = Values.map(metadata);
	}

	/** Whether the customer paid: status {@code Success} (any case). */
	public boolean isSuccess() {
		return Values.is(this.status, "Success");
	}

	/**
	 * Whether the payment failed: status {@code Failed} (any case); see
	 * {@link #errors()}.
	 */
	public boolean isFailed() {
		return Values.is(this.status, "Failed");
	}

	/** Whether the customer has not answered yet: status {@code Pending} (any case). */
	public boolean isPending() {
		return Values.is(this.status, "Pending");
	}

}
