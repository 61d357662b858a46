package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Send money to someone's bank account ({@code "type": "bank_account"} in the
 * {@code destinations} of {@code POST /api/v2/send_money}, docs/k2-api.md §9). Build one
 * with {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param bankBranchRef the K2 reference (a UUID from the K2 dashboard) of the account's
 * bank branch
 * @param accountName the name the account is held in
 * @param accountNumber the account number
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param description what the money is for
 * @param nickname the name K2 shows for the recipient, or {@code null}
 * @param favourite whether K2 keeps the recipient as a saved one
 */
public record BankAccountDestination(String bankBranchRef, String accountName, String accountNumber, BigDecimal amount,
		String description, @Nullable String nickname, boolean favourite) implements SendMoneyDestination {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public BankAccountDestination {
		Validator v = new Validator();
		bankBranchRef = v.requiredText("bank_branch_ref", bankBranchRef);
		accountName = v.requiredText("account_name", accountName);
		accountNumber = v.requiredText("account_number", accountNumber);
		amount = v.amount("amount", amount);
		description = v.requiredText("description", description);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Starts building a bank account destination. */
	public static Builder builder() {
		return new Builder();
	}

	/** Always {@link SendMoneyDestinationType#BANK_ACCOUNT}. */
	@Override
	public SendMoneyDestinationType type() {
		return SendMoneyDestinationType.BANK_ACCOUNT;
	}

	/**
	 * Builds a {@link BankAccountDestination}; {@link #build()} checks every rule at
	 * once.
	 */
	public static final class Builder extends ExternalDestinationBuilder<Builder> {

		private @Nullable String bankBranchRef;

		private @Nullable String accountName;

		private @Nullable String accountNumber;

		private Builder() {
		}

		/**
		 * The K2 reference (a UUID) of the account's bank branch. Required.
		 * @param bankBranchRef the branch reference
		 * @return this builder
		 */
		public Builder bankBranchRef(String bankBranchRef) {
			this.bankBranchRef = bankBranchRef;
			return this;
		}

		/**
		 * The name the account is held in. Required.
		 * @param accountName the account name
		 * @return this builder
		 */
		public Builder accountName(String accountName) {
			this.accountName = accountName;
			return this;
		}

		/**
		 * The account number. Required.
		 * @param accountNumber the account number
		 * @return this builder
		 */
		public Builder accountNumber(String accountNumber) {
			this.accountNumber = accountNumber;
			return this;
		}

		/**
		 * Builds the destination.
		 * @return the destination
		 * @throws K2ValidationException naming every broken field
		 */
		@Override
		public BankAccountDestination build() {
			return new BankAccountDestination(this.bankBranchRef, this.accountName, this.accountNumber, this.amount,
					this.description, this.nickname, this.favourite);
		}

	}

}
