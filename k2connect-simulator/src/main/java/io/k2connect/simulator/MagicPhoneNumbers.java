package io.k2connect.simulator;

import org.jspecify.annotations.Nullable;

/**
 * Subscriber phone numbers that script the outcome of an STK push
 * ({@code POST /api/v1/incoming_payments}). Every other valid number succeeds: the result
 * has status {@code Success}, and a {@code buygoods_transaction_received} webhook
 * follows.
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
	 * K2 rejects the request on M-PESA's side: {@code Failed}, errors
	 * {@value #INVALID_INITIATOR_MESSAGE}.
	 */
	public static final String INVALID_INITIATOR = "+254700000004";

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
