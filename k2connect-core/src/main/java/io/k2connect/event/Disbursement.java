package io.k2connect.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One payout of a transfer: an element of {@code disbursements} in a
 * {@code settlement_transfer_completed} webhook or in a {@code transfer_batches} entry of
 * a {@code payment}, {@code settlement_transfer} or {@code send_money} result
 * (docs/k2-webhooks.md §3.6, §4.2, §4.3, §4.6). Which fields are present depends on the
 * payload.
 *
 * @param amount {@code amount}
 * @param status {@code status}, e.g. {@code Transferred}
 * @param destinationType {@code destination_type}, e.g. {@code Mobile Wallet} or
 * {@code mobile_wallet}
 * @param originationTime {@code origination_time}
 * @param destinationReference {@code destination_reference}
 * @param transactionReference {@code transaction_reference} ({@code null} for some bank
 * payouts)
 * @param phoneNumber {@code phone_number} (send money)
 * @param nickname {@code nickname} (send money)
 * @param favourite {@code favourite} (send money)
 * @param errors {@code errors} (send money), a list joined with {@code "; "}
 */
public record Disbursement(@Nullable BigDecimal amount, @Nullable String status, @Nullable String destinationType,
		@Nullable OffsetDateTime originationTime, @Nullable String destinationReference,
		@Nullable String transactionReference, @Nullable String phoneNumber, @Nullable String nickname,
		@Nullable Boolean favourite, @Nullable String errors) {

}
