package io.k2connect.simulator;

import org.jspecify.annotations.Nullable;

/**
 * Phone numbers that script outcomes. Subscriber numbers ({@code +254…}) script an STK
 * push ({@code POST /api/v1/incoming_payments}); every other valid number succeeds: the
 * result has status {@code Success}, and a {@code buygoods_transaction_received} webhook
 * follows. {@code mobile_wallet} destination numbers ({@code 254…}) script send money
 * ({@code POST /api/v2/send_money}); every other destination is {@code Transferred}.
 */
public final class MagicPhoneNumbers {

	/**
	 * The customer declines the prompt: {@code Failed}, errors
	 * {@value #CANCELLED_MESSAGE}.
	 */
	public static final String CANCELLED_BY_USER = "+254700000001";

	/**
	 * The customer cannot pay: {@code Failed}, errors
	 * {@value #INSUFFICIENT_BALANCE_MESSAGE}.
	 */
	public static final String INSUFFICIENT_BALANCE = "+254700000002";

	/**
	 * The customer never answers: no result is ever posted and the status stays
	 * {@code Pending}.
	 */
	public static final String NO_CALLBACK = "+254700000003";

	/**
	 * The customer pays ({@code Success}, and the till's webhook follows), but the
	 * result's callback is lost on the way: it is never posted, while a {@code GET} on
	 * the request's location answers the final document. What a recovery of missed
	 * callbacks must catch.
	 */
	public static final String CALLBACK_LOST = "+254700000006";

	/**
	 * K2 rejects the request on M-PESA's side: {@code Failed}, errors
	 * {@value #INVALID_INITIATOR_MESSAGE}.
	 */
	public static final String INVALID_INITIATOR = "+254700000004";

	/**
	 * A send-money {@code mobile_wallet} destination that cannot be paid: its
	 * disbursement is {@code Failed} with errors {@value #RECIPIENT_FAILED_MESSAGE}; the
	 * other destinations are paid and the request is {@code Processed}.
	 */
	public static final String SEND_MONEY_FAILED_DESTINATION = "254700000005";

	/**
	 * A send-money {@code mobile_wallet} destination that makes the whole request find
	 * the balance too low: status {@code Failed}, no transfer batches, errors
	 * {@value #INSUFFICIENT_BALANCE_MESSAGE}, no money moves.
	 */
	public static final String SEND_MONEY_INSUFFICIENT_BALANCE = "254700000002";

	/** The {@code errors} of a send-money disbursement that failed. */
	public static final String RECIPIENT_FAILED_MESSAGE = "The recipient's M-PESA account could not be credited";

	/** The {@code event.errors} of a payment the customer cancelled. */
	public static final String CANCELLED_MESSAGE = "Request cancelled by user";

	/**
	 * The {@code event.errors} of a payment the customer could not afford (K2's wording).
	 */
	public static final String INSUFFICIENT_BALANCE_MESSAGE = "The balance is insufficient for the transaction";

	/**
	 * The {@code event.errors} of a payment with invalid initiator information (K2's
	 * wording).
	 */
	public static final String INVALID_INITIATOR_MESSAGE = "The initiator information is invalid.";

	private MagicPhoneNumbers() {
	}

	/**
	 * The {@code event.errors} text an STK push to this number fails with, or
	 * {@code null} when it succeeds.
	 */
	static @Nullable String failureFor(String phone) {
		return switch (phone) {
			case CANCELLED_BY_USER -> CANCELLED_MESSAGE;
			case INSUFFICIENT_BALANCE -> INSUFFICIENT_BALANCE_MESSAGE;
			case INVALID_INITIATOR -> INVALID_INITIATOR_MESSAGE;
			default -> null;
		};
	}

}
