package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Send money to a Pay Bill account ({@code "type": "paybill"} in the {@code destinations}
 * of {@code POST /api/v2/send_money}, docs/k2-api.md §9). Build one with
 * {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param paybillNumber the Pay Bill (business) number, e.g. {@code 815581}
 * @param paybillAccountNumber the account number to pay into at that Pay Bill
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param description what the money is for
 * @param nickname the name K2 shows for the recipient, or {@code null}
 * @param favourite whether K2 keeps the recipient as a saved one
 */
public record PaybillDestination(String paybillNumber, String paybillAccountNumber, BigDecimal amount,
		String description, @Nullable String nickname, boolean favourite) implements SendMoneyDestination {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public PaybillDestination {
		Validator v = new Validator();
		paybillNumber = v.requiredText("paybill_number", paybillNumber);
		paybillAccountNumber = v.requiredText("paybill_account_number", paybillAccountNumber);
		amount = v.amount("amount", amount);
		description = v.requiredText("description", description);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Starts building a Pay Bill destination. */
	public static Builder builder() {
		return new Builder();
	}

	/** Always {@link SendMoneyDestinationType#PAYBILL}. */
	@Override
	public SendMoneyDestinationType type() {
		return SendMoneyDestinationType.PAYBILL;
	}

	/**
	 * Builds a {@link PaybillDestination}; {@link #build()} checks every rule at once.
	 */
	public static final class Builder extends ExternalDestinationBuilder<Builder> {

		private @Nullable String paybillNumber;

		private @Nullable String paybillAccountNumber;

		private Builder() {
		}

		/**
		 * The Pay Bill (business) number. Required.
		 * @param paybillNumber the Pay Bill number
		 * @return this builder
		 */
		public Builder paybillNumber(String paybillNumber) {
			this.paybillNumber = paybillNumber;
			return this;
		}

		/**
		 * The account number at that Pay Bill. Required.
		 * @param paybillAccountNumber the account number
		 * @return this builder
		 */
		public Builder paybillAccountNumber(String paybillAccountNumber) {
			this.paybillAccountNumber = paybillAccountNumber;
			return this;
		}

		/**
		 * Builds the destination.
		 * @return the destination
		 * @throws K2ValidationException naming every broken field
		 */
		@Override
		public PaybillDestination build() {
			return new PaybillDestination(this.paybillNumber, this.paybillAccountNumber, this.amount, this.description,
					this.nickname, this.favourite);
		}

	}

}
