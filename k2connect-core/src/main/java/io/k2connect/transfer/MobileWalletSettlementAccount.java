package io.k2connect.transfer;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A mobile wallet of the merchant's own that K2 may settle or send funds to: a transfer
 * account ({@code POST /api/v2/merchant_wallets}, docs/k2-api.md §11, or
 * {@code POST /api/v1/merchant_wallets}, §6.2, with {@link io.k2connect.ApiVersion#V1}).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones; the phone number is kept in the {@code +254…} form K2 wants.
 *
 * @param firstName the wallet holder's first name
 * @param lastName the wallet holder's last name
 * @param phoneNumber the wallet's phone, any Kenyan form; kept as {@code +254…}
 * @param network the mobile network, e.g. {@value #SAFARICOM}
 * @param nickname the name K2 shows for the wallet, or {@code null}; v2 only
 */
public record MobileWalletSettlementAccount(String firstName, String lastName, String phoneNumber, String network,
		@Nullable String nickname) {

	/** The network name K2 documents for M-PESA wallets. */
	public static final String SAFARICOM = "Safaricom";

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public MobileWalletSettlementAccount {
		Validator v = new Validator();
		firstName = v.requiredText("first_name", firstName);
		lastName = v.requiredText("last_name", lastName);
		phoneNumber = v.phone("phone_number", phoneNumber);
		// Required but not limited to SAFARICOM: K2 documents no closed list of networks.
		network = v.requiredText("network", network);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/**
	 * A wallet without nickname, as v1 takes it.
	 * @param firstName the wallet holder's first name
	 * @param lastName the wallet holder's last name
	 * @param phoneNumber the wallet's phone, any Kenyan form
	 * @param network the mobile network
	 * @throws K2ValidationException naming every broken field
	 */
	public MobileWalletSettlementAccount(String firstName, String lastName, String phoneNumber, String network) {
		this(firstName, lastName, phoneNumber, network, null);
	}

	/**
	 * The same wallet with a nickname (v2 only).
	 * @param nickname the name K2 shows for the wallet
	 * @return the wallet
	 * @throws K2ValidationException naming every broken field
	 */
	public MobileWalletSettlementAccount withNickname(String nickname) {
		return new MobileWalletSettlementAccount(this.firstName, this.lastName, this.phoneNumber, this.network,
				nickname);
	}

	/**
	 * An M-PESA wallet on the {@value #SAFARICOM} network.
	 * @param firstName the wallet holder's first name
	 * @param lastName the wallet holder's last name
	 * @param phoneNumber the wallet's phone: 07…, 01…, 7…, 2547… or +2547…
	 * @return the settlement account
	 * @throws K2ValidationException naming every broken field
	 */
	public static MobileWalletSettlementAccount safaricom(String firstName, String lastName, String phoneNumber) {
		return new MobileWalletSettlementAccount(firstName, lastName, phoneNumber, SAFARICOM);
	}

}
