package io.k2connect.event;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code attributes.transfer_batches} in a {@code payment},
 * {@code settlement_transfer} or {@code send_money} result (docs/k2-webhooks.md §4.2,
 * §4.3, §4.6).
 *
 * @param status {@code status}, e.g. {@code Transferred}
 * @param amount {@code amount} (send money only)
 * @param disbursements {@code disbursements}
 */
public record TransferBatch(@Nullable String status, @Nullable BigDecimal amount,
		@Nullable List<Disbursement> disbursements) {

	/** Copies the list so that the record stays a value. */
	public TransferBatch {
		disbursements = Values.list(disbursements);
	}

}
