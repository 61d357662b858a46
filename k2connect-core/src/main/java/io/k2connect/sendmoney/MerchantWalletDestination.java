package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Move funds to one of your own M-PESA wallets, a transfer account added with
 * {@link io.k2connect.transfer.TransferService#addMobileWalletSettlementAccount(io.k2connect.transfer.MobileWalletSettlementAccount)}
 * ({@code "type": "merchant_wallet"} in the {@code destinations} of
 * {@code POST /api/v2/send_money}, docs/k2-api.md §9).
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param reference the transfer account's K2 reference ({@code account_reference}, from
 * the K2 web app or the account's status document)
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param description what the transfer is for, or {@code null}
 */
public record MerchantWalletDestination(String reference, BigDecimal amount,
		@Nullable String description) implements SendMoneyDestination {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public MerchantWalletDestination {
		Validator v = new Validator();
		reference = v.requiredText("reference", reference);
		amount = v.amount("amount", amount);
		description = v.optionalText(description);
		v.throwIfInvalid();
	}

	/**
	 * A transfer without description.
	 * @param reference the transfer account's K2 reference
	 * @param amount the amount
	 * @return the destination
	 * @throws K2ValidationException naming every broken field
	 */
	public static MerchantWalletDestination of(String reference, BigDecimal amount) {
		return new MerchantWalletDestination(reference, amount, null);
	}

	/** Always {@link SendMoneyDestinationType#MERCHANT_WALLET}. */
	@Override
	public SendMoneyDestinationType type() {
		return SendMoneyDestinationType.MERCHANT_WALLET;
	}

}
