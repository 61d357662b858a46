package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Buy Goods (Lipa Na M-PESA) payment the simulator recorded: a customer paid a till,
 * either through {@link K2Simulator#customerPaysTill(String, BigDecimal, String)} or
 * through a successful STK push. Each one is announced by a
 * {@code buygoods_transaction_received} webhook to the matching subscriptions and is
 * returned by polling requests whose window covers it.
 *
 * @param id the transaction id ({@code event.resource.id})
 * @param reference the M-PESA receipt, e.g. {@code SIM4K7Q2XZ}
 * @param tillNumber the till that was paid
 * @param amount the amount paid
 * @param currency the currency, {@code KES}
 * @param senderPhoneNumber the payer's phone, {@code +254…}
 * @param senderFirstName the payer's first name
 * @param senderMiddleName the payer's middle name
 * @param senderLastName the payer's last name
 * @param originationTime when the payment was made
 */
public record TillTransaction(String id, String reference, String tillNumber, BigDecimal amount, String currency,
		String senderPhoneNumber, @Nullable String senderFirstName, @Nullable String senderMiddleName,
		@Nullable String senderLastName, OffsetDateTime originationTime) {

	/** Checks the required parts. */
	public TillTransaction {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(reference, "reference must not be null");
		Objects.requireNonNull(tillNumber, "tillNumber must not be null");
		Objects.requireNonNull(amount, "amount must not be null");
		Objects.requireNonNull(currency, "currency must not be null");
		Objects.requireNonNull(senderPhoneNumber, "senderPhoneNumber must not be null");
		Objects.requireNonNull(originationTime, "originationTime must not be null");
	}

}
