package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Send money to someone's Buy Goods till ({@code "type": "till"} in the
 * {@code destinations} of {@code POST /api/v2/send_money}, docs/k2-api.md §9). Build one
 * with {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param tillNumber the till number, e.g. {@code 519953}
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param description what the money is for
 * @param nickname the name K2 shows for the recipient, or {@code null}
 * @param favourite whether K2 keeps the recipient as a saved one
 */
public record TillDestination(String tillNumber, BigDecimal amount, String description, @Nullable String nickname,
		boolean favourite) implements SendMoneyDestination {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public TillDestination {
		Validator v = new Validator();
		tillNumber = v.requiredText("till_number", tillNumber);
		amount = v.amount("amount", amount);
		description = v.requiredText("description", description);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Starts building a till destination. */
	public static Builder builder() {
		return new Builder();
	}

	/** Always {@link SendMoneyDestinationType#TILL}. */
	@Override
	public SendMoneyDestinationType type() {
		return SendMoneyDestinationType.TILL;
	}

	/** Builds a {@link TillDestination}; {@link #build()} checks every rule at once. */
	public static final class Builder extends ExternalDestinationBuilder<Builder> {

		private @Nullable String tillNumber;

		private Builder() {
		}

		/**
		 * The till number. Required.
		 * @param tillNumber the till number
		 * @return this builder
		 */
		public Builder tillNumber(String tillNumber) {
			this.tillNumber = tillNumber;
			return this;
		}

		/**
		 * Builds the destination.
		 * @return the destination
		 * @throws K2ValidationException naming every broken field
		 */
		@Override
		public TillDestination build() {
			return new TillDestination(this.tillNumber, this.amount, this.description, this.nickname, this.favourite);
		}

	}

}
