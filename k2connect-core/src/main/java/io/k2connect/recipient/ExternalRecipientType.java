package io.k2connect.recipient;

import io.k2connect.model.WireValue;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of external recipient: the {@code type} of
 * {@code POST /api/v2/external_recipients} (docs/k2-api.md §10).
 */
public enum ExternalRecipientType implements WireValue {

	/** An M-PESA wallet: {@code mobile_wallet}. */
	MOBILE_WALLET("mobile_wallet"),

	/** A bank account: {@code bank_account}. */
	BANK_ACCOUNT("bank_account"),

	/** A Buy Goods till: {@code till}. */
	TILL("till"),

	/** A Pay Bill number and account: {@code paybill}. */
	PAYBILL("paybill");

	private final String wireValue;

	ExternalRecipientType(String wireValue) {
		this.wireValue = wireValue;
	}

	/** The value K2 expects on the wire, e.g. {@code mobile_wallet}. */
	@Override
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces.
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown
	 */
	public static @Nullable ExternalRecipientType fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
