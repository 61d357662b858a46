package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * Send money to someone's M-PESA wallet ({@code "type": "mobile_wallet"} in the
 * {@code destinations} of {@code POST /api/v2/send_money}, docs/k2-api.md §9). Build one
 * with {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields; the phone number is kept in the {@code 254…} form (no plus sign) that
 * send money wants.
 *
 * @param phoneNumber the wallet's phone, any Kenyan form; kept as {@code 254…}
 * @param network the mobile network, e.g. {@value #SAFARICOM}
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param description what the money is for
 * @param nickname the name K2 shows for the recipient, or {@code null}
 * @param favourite whether K2 keeps the recipient as a saved one
 */
public record MobileWalletDestination(String phoneNumber, String network, BigDecimal amount, String description,
		@Nullable String nickname, boolean favourite) implements SendMoneyDestination {

	/** The network name K2 documents for M-PESA wallets. */
	public static final String SAFARICOM = "Safaricom";

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public MobileWalletDestination {
		Validator v = new Validator();
		phoneNumber = v.msisdn("phone_number", phoneNumber);
		// Required but not limited to SAFARICOM: K2 documents no closed list of networks.
		network = v.requiredText("network", network);
		amount = v.amount("amount", amount);
		description = v.requiredText("description", description);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Starts building a mobile wallet destination; the network defaults to M-PESA. */
	public static Builder builder() {
		return new Builder();
	}

	/** Always {@link SendMoneyDestinationType#MOBILE_WALLET}. */
	@Override
	public SendMoneyDestinationType type() {
		return SendMoneyDestinationType.MOBILE_WALLET;
	}

	/**
	 * Builds a {@link MobileWalletDestination}; {@link #build()} checks every rule at
	 * once.
	 */
	public static final class Builder extends ExternalDestinationBuilder<Builder> {

		private @Nullable String phoneNumber;

		private String network = SAFARICOM;

		private Builder() {
		}

		/**
		 * The wallet's phone: 07…, 01…, 7…, 2547… or +2547…. Required.
		 * @param phoneNumber the phone number
		 * @return this builder
		 */
		public Builder phoneNumber(String phoneNumber) {
			this.phoneNumber = phoneNumber;
			return this;
		}

		/**
		 * The mobile network; default {@value MobileWalletDestination#SAFARICOM}.
		 * @param network the network
		 * @return this builder
		 */
		public Builder network(String network) {
			this.network = network;
			return this;
		}

		/**
		 * Builds the destination.
		 * @return the destination
		 * @throws K2ValidationException naming every broken field
		 */
		@Override
		public MobileWalletDestination build() {
			return new MobileWalletDestination(this.phoneNumber, this.network, this.amount, this.description,
					this.nickname, this.favourite);
		}

	}

}
