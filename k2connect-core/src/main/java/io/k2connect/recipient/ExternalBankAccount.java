package io.k2connect.recipient;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import io.k2connect.model.SettlementMethod;
import org.jspecify.annotations.Nullable;

/**
 * A bank account external recipient ({@code "type": "bank_account"} of
 * {@code POST /api/v2/external_recipients}, docs/k2-api.md §10).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones.
 *
 * @param accountName the name the account is held in
 * @param accountNumber the account number
 * @param bankBranchRef the K2 reference (a UUID from the K2 dashboard) of the account's
 * bank branch
 * @param settlementMethod how K2 moves the money to the account, or {@code null} to leave
 * it to K2 (the Node SDK sends it, the Python SDK does not)
 * @param nickname the name K2 shows for the recipient, or {@code null}
 */
public record ExternalBankAccount(String accountName, String accountNumber, String bankBranchRef,
		@Nullable SettlementMethod settlementMethod, @Nullable String nickname) implements ExternalRecipient {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public ExternalBankAccount {
		Validator v = new Validator();
		accountName = v.requiredText("external_recipient.account_name", accountName);
		accountNumber = v.requiredText("external_recipient.account_number", accountNumber);
		bankBranchRef = v.requiredText("external_recipient.bank_branch_ref", bankBranchRef);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Always {@link ExternalRecipientType#BANK_ACCOUNT}. */
	@Override
	public ExternalRecipientType type() {
		return ExternalRecipientType.BANK_ACCOUNT;
	}

}
