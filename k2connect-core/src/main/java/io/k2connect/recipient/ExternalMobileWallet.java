package io.k2connect.recipient;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * An M-PESA wallet external recipient ({@code "type": "mobile_wallet"} of
 * {@code POST /api/v2/external_recipients}, docs/k2-api.md §10).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones; the phone number is kept in the {@code +254…} form K2 wants.
 *
 * @param firstName the recipient's first name
 * @param lastName the recipient's last name
 * @param phoneNumber the wallet's phone, any Kenyan form; kept as {@code +254…}
 * @param network the mobile network, e.g. {@value #SAFARICOM}
 * @param email the recipient's e-mail, or {@code null}
 * @param nickname the name K2 shows for the recipient, or {@code null}
 */
public record ExternalMobileWallet(String firstName, String lastName, String phoneNumber, String network,
		@Nullable String email, @Nullable String nickname) implements ExternalRecipient {

	/** The network name K2 documents for M-PESA wallets. */
	public static final String SAFARICOM = "Safaricom";

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public ExternalMobileWallet {
		Validator v = new Validator();
		firstName = v.requiredText("external_recipient.first_name", firstName);
		lastName = v.requiredText("external_recipient.last_name", lastName);
		phoneNumber = v.phone("external_recipient.phone_number", phoneNumber);
		// Required but not limited to SAFARICOM: K2 documents no closed list of networks.
		network = v.requiredText("external_recipient.network", network);
		email = v.optionalText(email);
		v.check(email == null || email.matches("[^@\\s]+@[^@\\s]+"), "external_recipient.email",
				"must be an e-mail address");
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Always {@link ExternalRecipientType#MOBILE_WALLET}. */
	@Override
	public ExternalRecipientType type() {
		return ExternalRecipientType.MOBILE_WALLET;
	}

}
