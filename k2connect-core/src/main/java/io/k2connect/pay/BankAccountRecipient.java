package io.k2connect.pay;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import io.k2connect.model.SettlementMethod;

/**
 * A bank account PAY recipient ({@code "type": "bank_account"} of
 * {@code POST /api/v1/pay_recipients}, docs/k2-api.md §5.1).
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
public record BankAccountRecipient(String accountName, String accountNumber, String bankBranchRef,
		SettlementMethod settlementMethod) implements PayRecipient {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public BankAccountRecipient {
		Validator v = new Validator();
		accountName = v.requiredText("pay_recipient.account_name", accountName);
		accountNumber = v.requiredText("pay_recipient.account_number", accountNumber);
		bankBranchRef = v.requiredText("pay_recipient.bank_branch_ref", bankBranchRef);
		settlementMethod = v.required("pay_recipient.settlement_method", settlementMethod);
		v.throwIfInvalid();
	}

	/** Always {@link PayDestinationType#BANK_ACCOUNT}. */
	@Override
	public PayDestinationType type() {
		return PayDestinationType.BANK_ACCOUNT;
	}

}
