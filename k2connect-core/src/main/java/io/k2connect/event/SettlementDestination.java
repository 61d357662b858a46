package io.k2connect.event;

import org.jspecify.annotations.Nullable;

/**
 * Where a settlement transfer went: {@code event.resource.destination} of a
 * {@code settlement_transfer_completed} webhook (docs/k2-webhooks.md §3.6). One record
 * for both kinds, so a destination type K2 adds later still parses; the fields of the
 * other kind are {@code null}.
 *
 * @param type {@code destination.type}: {@value #BANK_ACCOUNT} or {@value #MOBILE_WALLET}
 * @param reference {@code destination.resource.reference}, the settlement account
 * reference
 * @param accountName bank: {@code account_name}
 * @param accountNumber bank: {@code account_number}
 * @param bankBranchRef bank: {@code bank_branch_ref}
 * @param settlementMethod bank: {@code settlement_method} ({@code EFT}/{@code RTS}), or
 * {@code transfer_method} where the Ruby SDK reads it from
 * @param firstName mobile wallet: {@code first_name}
 * @param lastName mobile wallet: {@code last_name}
 * @param phoneNumber mobile wallet: {@code phone_number}
 * @param network mobile wallet: {@code network}
 * @param email mobile wallet: {@code email} (modelled by the .NET SDK)
 */
public record SettlementDestination(@Nullable String type, @Nullable String reference, @Nullable String accountName,
		@Nullable String accountNumber, @Nullable String bankBranchRef, @Nullable String settlementMethod,
		@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber, @Nullable String network,
		@Nullable String email) {

	/** {@code destination.type} of a bank account. */
	public static final String BANK_ACCOUNT = "Bank Account";

	/** {@code destination.type} of a mobile wallet. */
	public static final String MOBILE_WALLET = "Mobile Wallet";

	/**
	 * Whether the money went to a bank account (type {@value #BANK_ACCOUNT}, any case).
	 */
	public boolean isBankAccount() {
		return BANK_ACCOUNT.equalsIgnoreCase(this.type);
	}

	/**
	 * Whether the money went to a mobile wallet (type {@value #MOBILE_WALLET}, any case).
	 */
	public boolean isMobileWallet() {
		return MOBILE_WALLET.equalsIgnoreCase(this.type);
	}

}
