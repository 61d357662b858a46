package io.k2connect.recipient;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A Pay Bill external recipient ({@code "type": "paybill"} of
 * {@code POST /api/v2/external_recipients}, docs/k2-api.md §10).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones.
 *
 * @param paybillName the Pay Bill's name
 * @param paybillNumber the Pay Bill (business) number, e.g. {@code 815581}
 * @param paybillAccountNumber the account number to pay into at that Pay Bill
 * @param nickname the name K2 shows for the recipient, or {@code null}
 */
public record ExternalPaybill(String paybillName, String paybillNumber, String paybillAccountNumber,
		@Nullable String nickname) implements ExternalRecipient {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public ExternalPaybill {
		Validator v = new Validator();
		paybillName = v.requiredText("external_recipient.paybill_name", paybillName);
		paybillNumber = v.requiredText("external_recipient.paybill_number", paybillNumber);
		paybillAccountNumber = v.requiredText("external_recipient.paybill_account_number", paybillAccountNumber);
		nickname = v.optionalText(nickname);
		v.throwIfInvalid();
	}

	/** Always {@link ExternalRecipientType#PAYBILL}. */
	@Override
	public ExternalRecipientType type() {
		return ExternalRecipientType.PAYBILL;
	}

}
