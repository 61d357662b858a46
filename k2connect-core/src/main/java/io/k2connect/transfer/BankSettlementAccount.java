package io.k2connect.transfer;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import io.k2connect.model.SettlementMethod;

/**
 * A bank account of the merchant's own that K2 may settle funds to
 * ({@code POST /api/v1/merchant_bank_accounts}, docs/k2-api.md §6.1).
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
 */
public record BankSettlementAccount(String accountName, String accountNumber, String bankBranchRef,
		SettlementMethod settlementMethod) {

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
		v.throwIfInvalid();
	}

}
