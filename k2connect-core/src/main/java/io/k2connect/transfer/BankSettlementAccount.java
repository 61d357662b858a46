package io.k2connect.transfer;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import io.k2connect.model.SettlementMethod;
import org.jspecify.annotations.Nullable;

/**
 * A bank account of the merchant's own that K2 may settle or send funds to: a transfer
 * account ({@code POST /api/v2/merchant_bank_accounts}, docs/k2-api.md §11, or
 * {@code POST /api/v1/merchant_bank_accounts}, §6.1, with
 * {@link io.k2connect.ApiVersion#V1}).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones.
 *
 * @param accountName the name the account is held in
 * @param accountNumber the account number
 * @param bankBranchRef the K2 reference (a UUID from the K2 dashboard) of the account's
 * bank branch
 * @param settlementMethod how K2 moves the money to the account
 * @param nickname the name K2 shows for the account, or {@code null}; v2 only
 */
public record BankSettlementAccount(String accountName, String accountNumber, String bankBranchRef,
		SettlementMethod settlementMethod, @Nullable String nickname) {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public BankSettlementAccount {
		Validator v = new Validator();
		accountName = v.requiredText("account_name", accountName);
		accountNumber = v.requiredText("account_number", accountNumber);
		bankBranchRef = v.requiredText("bank_branch_ref", bankBranchRef);
		settlementMethod = v.required("settlement_method", settlementMethod);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/**
	 * An account without nickname, as v1 takes it.
	 * @param accountName the name the account is held in
	 * @param accountNumber the account number
	 * @param bankBranchRef the K2 reference of the account's bank branch
	 * @param settlementMethod how K2 moves the money to the account
	 * @throws K2ValidationException naming every broken field
	 */
	public BankSettlementAccount(String accountName, String accountNumber, String bankBranchRef,
			SettlementMethod settlementMethod) {
		this(accountName, accountNumber, bankBranchRef, settlementMethod, null);
	}

	/**
	 * The same account with a nickname (v2 only).
	 * @param nickname the name K2 shows for the account
	 * @return the account
	 * @throws K2ValidationException naming every broken field
	 */
	public BankSettlementAccount withNickname(String nickname) {
		return new BankSettlementAccount(this.accountName, this.accountNumber, this.bankBranchRef,
				this.settlementMethod, nickname);
	}

}
