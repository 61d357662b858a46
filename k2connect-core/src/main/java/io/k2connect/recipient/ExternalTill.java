package io.k2connect.recipient;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A Buy Goods till external recipient ({@code "type": "till"} of
 * {@code POST /api/v2/external_recipients}, docs/k2-api.md §10).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones.
 *
 * @param tillName the till's name
 * @param tillNumber the till number, e.g. {@code 519953}
 * @param nickname the name K2 shows for the recipient, or {@code null}
 */
public record ExternalTill(String tillName, String tillNumber, @Nullable String nickname) implements ExternalRecipient {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public ExternalTill {
		Validator v = new Validator();
		tillName = v.requiredText("external_recipient.till_name", tillName);
		tillNumber = v.requiredText("external_recipient.till_number", tillNumber);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Always {@link ExternalRecipientType#TILL}. */
	@Override
	public ExternalRecipientType type() {
		return ExternalRecipientType.TILL;
	}

}
