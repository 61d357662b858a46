package io.k2connect.pay;

/**
 * Someone PAY can send money to, registered once with {@code POST /api/v1/pay_recipients}
 * (docs/k2-api.md §5.1) through {@link PayService#addPayRecipient(PayRecipient)}. Each
 * kind is a record that checks its own required fields when it is constructed.
 *
 * <p>
 * K2 answers with the recipient's location; the {@code recipient_reference} it assigns is
 * what {@link SendPayRequest#destinationReference()} later names.
 */
public sealed interface PayRecipient
		permits MobileWalletRecipient, BankAccountRecipient, TillRecipient, PaybillRecipient {

	/**
	 * The kind of recipient: the body's {@code type}, and the {@code destination_type} of
	 * a payment to it.
	 * @return the recipient type
	 */
	PayDestinationType type();

}
