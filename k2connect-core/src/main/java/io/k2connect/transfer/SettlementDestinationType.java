package io.k2connect.transfer;

import io.k2connect.model.WireValue;
import org.jspecify.annotations.Nullable;

/**
 * Where a targeted settlement transfer goes: the {@code destination_type} of
 * {@code POST /api/v1/settlement_transfers} (docs/k2-api.md §6.3).
 */
public enum SettlementDestinationType implements WireValue {

	/**
	 * A merchant bank account, as added with
	 * {@link TransferService#addBankSettlementAccount(BankSettlementAccount)}:
	 * {@code merchant_bank_account}.
	 */
	MERCHANT_BANK_ACCOUNT("merchant_bank_account"),

	/**
	 * A merchant wallet, as added with
	 * {@link TransferService#addMobileWalletSettlementAccount(MobileWalletSettlementAccount)}:
	 * {@code merchant_wallet}.
	 */
	MERCHANT_WALLET("merchant_wallet");

	private final String wireValue;

	SettlementDestinationType(String wireValue) {
		this.wireValue = wireValue;
	}

	/** The value K2 expects on the wire, e.g. {@code merchant_wallet}. */
	@Override
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces.
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown
	 */
	public static @Nullable SettlementDestinationType fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
