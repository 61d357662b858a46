package io.k2connect.sendmoney;

import io.k2connect.model.WireValue;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of send-money destination: the {@code type} of each entry of
 * {@code destinations} in {@code POST /api/v2/send_money} (docs/k2-api.md §9).
 */
public enum SendMoneyDestinationType implements WireValue {

	/** Someone else's M-PESA wallet: {@code mobile_wallet}. */
	MOBILE_WALLET("mobile_wallet"),

	/** Someone else's bank account: {@code bank_account}. */
	BANK_ACCOUNT("bank_account"),

	/** Someone else's Buy Goods till: {@code till}. */
	TILL("till"),

	/** Someone else's Pay Bill number and account: {@code paybill}. */
	PAYBILL("paybill"),

	/** One of your own M-PESA wallets (a transfer account): {@code merchant_wallet}. */
	MERCHANT_WALLET("merchant_wallet"),

	/**
	 * One of your own bank accounts (a transfer account): {@code merchant_bank_account}.
	 */
	MERCHANT_BANK_ACCOUNT("merchant_bank_account");

	private final String wireValue;

	SendMoneyDestinationType(String wireValue) {
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
	public static @Nullable SendMoneyDestinationType fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
