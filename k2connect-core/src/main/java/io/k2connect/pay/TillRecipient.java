package io.k2connect.pay;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;

/**
 * A Buy Goods till PAY recipient ({@code "type": "till"} of
 * {@code POST /api/v1/pay_recipients}, docs/k2-api.md §5.1).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones.
 *
 * @param tillName the till's name
 * @param tillNumber the till number, e.g. {@code 519953}
 */
public record TillRecipient(String tillName, String tillNumber) implements PayRecipient {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public TillRecipient {
		Validator v = new Validator();
		tillName = v.requiredText("pay_recipient.till_name", tillName);
		tillNumber = v.requiredText("pay_recipient.till_number", tillNumber);
		v.throwIfInvalid();
	}

	/** Always {@link PayDestinationType#TILL}. */
	@Override
	public PayDestinationType type() {
		return PayDestinationType.TILL;
	}

}
