package io.k2connect.pay;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A mobile wallet PAY recipient ({@code "type": "mobile_wallet"} of
 * {@code POST /api/v1/pay_recipients}, docs/k2-api.md §5.1). Build one with
 * {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields; the phone number is kept in the {@code +254…} form K2 wants.
 *
 * @param firstName the recipient's first name
 * @param lastName the recipient's last name
 * @param phoneNumber the wallet's phone, any Kenyan form; kept as {@code +254…}
 * @param network the mobile network, e.g. {@value #SAFARICOM}
 * @param email the recipient's e-mail; optional, as in the PHP, Node and .NET SDKs
 * (Python v1 requires it)
 */
public record MobileWalletRecipient(String firstName, String lastName, String phoneNumber, String network,
		@Nullable String email) implements PayRecipient {

	/** The network name K2 documents for M-PESA wallets. */
	public static final String SAFARICOM = "Safaricom";

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public MobileWalletRecipient {
		Validator v = new Validator();
		firstName = v.requiredText("pay_recipient.first_name", firstName);
		lastName = v.requiredText("pay_recipient.last_name", lastName);
		phoneNumber = v.phone("pay_recipient.phone_number", phoneNumber);
		// Required but not limited to SAFARICOM: K2 documents no closed list of networks.
		network = v.requiredText("pay_recipient.network", network);
		email = v.optionalText(email);
		v.check(email == null || email.matches("[^@\\s]+@[^@\\s]+"), "pay_recipient.email",
				"must be an e-mail address");
		v.throwIfInvalid();
	}

	/** Starts building a mobile wallet recipient. */
	public static Builder builder() {
		return new Builder();
	}

	/** Always {@link PayDestinationType#MOBILE_WALLET}. */
	@Override
	public PayDestinationType type() {
		return PayDestinationType.MOBILE_WALLET;
	}

	/**
	 * Builds a {@link MobileWalletRecipient}; {@link #build()} checks every rule at once.
	 */
	public static final class Builder {

		private @Nullable String firstName;

		private @Nullable String lastName;

		private @Nullable String phoneNumber;

		private @Nullable String network;

		private @Nullable String email;

		private Builder() {
		}

		/** The recipient's first name. Required. */
		public Builder firstName(String firstName) {
			this.firstName = firstName;
			return this;
		}

		/** The recipient's last name. Required. */
		public Builder lastName(String lastName) {
			this.lastName = lastName;
			return this;
		}

		/** The wallet's phone: 07…, 01…, 7…, 2547… or +2547…. Required. */
		public Builder phoneNumber(String phoneNumber) {
			this.phoneNumber = phoneNumber;
			return this;
		}

		/**
		 * The mobile network, e.g. {@value MobileWalletRecipient#SAFARICOM}. Required.
		 */
		public Builder network(String network) {
			this.network = network;
			return this;
		}

		/** The recipient's e-mail. */
		public Builder email(String email) {
			this.email = email;
			return this;
		}

		/**
		 * Builds the recipient.
		 * @return the recipient
		 * @throws K2ValidationException naming every broken field
		 */
		public MobileWalletRecipient build() {
			return new MobileWalletRecipient(this.firstName, this.lastName, this.phoneNumber, this.network, this.email);
		}

	}

}
