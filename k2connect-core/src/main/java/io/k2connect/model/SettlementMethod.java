package io.k2connect.model;

import org.jspecify.annotations.Nullable;

/**
 * How K2 moves money to a bank account: the {@code settlement_method} of a PAY bank
 * recipient ({@code POST /api/v1/pay_recipients}) and of a merchant bank account
 * ({@code POST /api/v1/merchant_bank_accounts}), docs/k2-api.md §0.5.
 */
public enum SettlementMethod implements WireValue {

	/** Electronic funds transfer ({@code EFT}). */
	EFT("EFT"),

	/** Real-time settlement ({@code RTS}). */
	RTS("RTS");

	private final String wireValue;

	SettlementMethod(String wireValue) {
		this.wireValue = wireValue;
	}

	/** The value K2 expects on the wire, {@code EFT} or {@code RTS}. */
	@Override
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces.
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown
	 */
	public static @Nullable SettlementMethod fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
