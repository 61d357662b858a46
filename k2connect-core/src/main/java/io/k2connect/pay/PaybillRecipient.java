package io.k2connect.pay;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Validator;

/**
 * A Pay Bill PAY recipient ({@code "type": "paybill"} of
 * {@code POST /api/v1/pay_recipients}, docs/k2-api.md §5.1).
 *
 * <p>
 * Construction checks every field and throws one {@link K2ValidationException} naming all
 * broken ones.
 *
 * @param paybillName the Pay Bill's name
 * @param paybillNumber the Pay Bill (business) number, e.g. {@code 815581}
 * @param paybillAccountNumber the account number to pay into at that Pay Bill
 */
public record PaybillRecipient(String paybillName, String paybillNumber,
		String paybillAccountNumber) implements PayRecipient {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public PaybillRecipient {
		Validator v = new Validator();
		paybillName = v.requiredText("pay_recipient.paybill_name", paybillName);
		paybillNumber = v.requiredText("pay_recipient.paybill_number", paybillNumber);
		paybillAccountNumber = v.requiredText("pay_recipient.paybill_account_number", paybillAccountNumber);
		v.throwIfInvalid();
	}

	/** Always {@link PayDestinationType#PAYBILL}. */
	@Override
	public PayDestinationType type() {
		return PayDestinationType.PAYBILL;
	}

}
