package io.k2connect.sendmoney;

import java.math.BigDecimal;

import io.k2connect.K2ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code destinations} of {@code POST /api/v2/send_money}
 * (docs/k2-api.md §9): an external recipient ({@link MobileWalletDestination},
 * {@link BankAccountDestination}, {@link TillDestination}, {@link PaybillDestination}),
 * created on the fly by K2 when it does not exist yet, or one of your own transfer
 * accounts ({@link MerchantWalletDestination}, {@link MerchantBankAccountDestination}).
 * Each kind is a record that checks its own required fields when it is constructed.
 */
public sealed interface SendMoneyDestination permits MobileWalletDestination, BankAccountDestination, TillDestination,
		PaybillDestination, MerchantWalletDestination, MerchantBankAccountDestination {

	/**
	 * The kind of destination, written as its {@code type}.
	 * @return the destination type
	 */
	SendMoneyDestinationType type();

	/**
	 * The amount sent to this destination, in the request's currency.
	 * @return the amount, positive with at most two decimals
	 */
	BigDecimal amount();

	/**
	 * What the money is for.
	 * @return the description; required for external recipients, optional ({@code null})
	 * for your own accounts
	 */
	@Nullable String description();

	/**
	 * A destination not built yet: {@link SendMoneyRequest.Builder#destination(Builder)}
	 * builds it with the request, so that its broken rules are named by their place in
	 * the list, e.g. {@code destinations[1].phone_number}.
	 */
	interface Builder {

		/**
		 * Builds the destination.
		 * @return the destination
		 * @throws K2ValidationException naming every broken field
		 */
		SendMoneyDestination build();

	}

}
