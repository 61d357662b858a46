package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Result type {@code payment_link}: a v2 payment link, as created or as paid
 * (docs/k2-webhooks.md §4.8).
 *
 * @param id {@code data.id}
 * @param type {@code data.type}
 * @param status {@code attributes.status}, e.g. {@code Processed}
 * @param createdAt {@code attributes.created_at}
 * @param tillName {@code attributes.till_name}
 * @param tillNumber {@code attributes.till_number}
 * @param paymentReference {@code attributes.payment_reference}
 * @param currency {@code attributes.currency}
 * @param amount {@code attributes.amount}, a number or a string on the wire
 * @param note {@code attributes.note}
 * @param paymentLink {@code attributes.payment_link}
 * @param errors {@code attributes.errors}; a list is joined with {@code "; "}
 * @param metadata {@code attributes.metadata}
 * @param links {@code attributes._links}
 */
public record PaymentLinkResult(@Nullable String id, @Nullable String type, @Nullable String status,
		@Nullable OffsetDateTime createdAt, @Nullable String tillName, @Nullable String tillNumber,
		@Nullable String paymentReference, @Nullable String currency, @Nullable BigDecimal amount,
		@Nullable String note, @Nullable PaymentLinkDetails paymentLink, @Nullable String errors,
		@Nullable Map<String, @Nullable Object> metadata, @Nullable ResultLinks links) implements K2Result {

	/** The K2 {@code data.type} of this record. */
	public static final String TYPE = "payment_link";

	/** Copies the metadata so that the record stays a value. */
	public PaymentLinkResult {
		metadata = Values.map(metadata);
	}

	/** Whether the link has been paid ({@code payment_link.status} {@code Paid}). */
	public boolean isPaid() {
		return this.paymentLink != null && this.paymentLink.isPaid();
	}

}
