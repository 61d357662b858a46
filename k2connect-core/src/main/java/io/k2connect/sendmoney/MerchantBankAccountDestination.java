package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Move funds to one of your own bank accounts, a transfer account added with
 * {@link io.k2connect.transfer.TransferService#addBankSettlementAccount(io.k2connect.transfer.BankSettlementAccount)}
 * ({@code "type": "merchant_bank_account"} in the {@code destinations} of
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
public record MerchantBankAccountDestination(String reference, BigDecimal amount,
		@Nullable String description) implements SendMoneyDestination {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public MerchantBankAccountDestination {
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
	public static MerchantBankAccountDestination of(String reference, BigDecimal amount) {
		return new MerchantBankAccountDestination(reference, amount, null);
	}

	/** Always {@link SendMoneyDestinationType#MERCHANT_BANK_ACCOUNT}. */
	@Override
	public SendMoneyDestinationType type() {
		return SendMoneyDestinationType.MERCHANT_BANK_ACCOUNT;
	}

}
