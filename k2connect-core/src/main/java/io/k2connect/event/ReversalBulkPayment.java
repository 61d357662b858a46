package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The money movement of a reversal: {@code attributes.reversal_bulk_payment} of a
 * {@code reversal} result (docs/k2-webhooks.md §4.7).
 *
 * @param amount {@code amount}
 * @param status {@code status}, e.g. {@code Transferred}
 * @param originationTime {@code origination_time}
 * @param transactionReference {@code transaction_reference}: the reversal's own reference
 */
public record ReversalBulkPayment(@Nullable BigDecimal amount, @Nullable String status,
		@Nullable OffsetDateTime originationTime, @Nullable String transactionReference) {

}
