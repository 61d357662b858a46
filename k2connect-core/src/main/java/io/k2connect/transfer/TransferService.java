package io.k2connect.transfer;

import java.util.Objects;

import io.k2connect.ApiVersion;
import io.k2connect.K2Transport;
import io.k2connect.K2ValidationException;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.SettlementTransferResult;
import io.k2connect.internal.JsonBodies;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transfers to the merchant's own accounts: transfer (settlement) accounts, in both API
 * versions (docs/k2-api.md §11 for v2, the default, with {@code nickname}; §6.1-§6.2 for
 * {@link ApiVersion#V1}), and settlement transfers (§6.3, v1 only; replaced in v2 by
 * {@link io.k2connect.sendmoney.SendMoneyService send money} to
 * {@code merchant_wallet}/{@code merchant_bank_account} destinations, or a sweep). Obtain
 * it from {@link io.k2connect.K2Client#transfers()}.
 */
public final class TransferService {

	static final String BANK_ACCOUNTS = "/merchant_bank_accounts";

	static final String WALLETS = "/merchant_wallets";

	static final String TRANSFERS_PATH = "/api/v1/settlement_transfers";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#transfers()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public TransferService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Adds a bank account that funds can be sent or settled to
	 * ({@code POST /api/v2/merchant_bank_accounts}, or {@code /api/v1/...} with
	 * {@link ApiVersion#V1}, which takes no nickname). Its {@code account_reference} is
	 * what a {@link io.k2connect.sendmoney.MerchantBankAccountDestination} or a targeted
	 * {@link SettleFundsRequest} names.
	 * @param account the bank account
	 * @return where K2 keeps the account
	 */
	public ResourceLocation addBankSettlementAccount(BankSettlementAccount account) {
		return addBankSettlementAccount(account, RequestOptions.defaults());
	}

	/**
	 * Adds a bank account that funds can be settled to, with per-call options; see
	 * {@link #addBankSettlementAccount(BankSettlementAccount)}.
	 * @param account the bank account
	 * @param options per-call options
	 * @return where K2 keeps the account
	 */
	public ResourceLocation addBankSettlementAccount(BankSettlementAccount account, RequestOptions options) {
		Objects.requireNonNull(account, "account must not be null");
		String path = accountPath(BANK_ACCOUNTS, account.nickname());
		return this.transport.create(path, body(account), options);
	}

	/**
	 * Adds a mobile wallet that funds can be sent or settled to
	 * ({@code POST /api/v2/merchant_wallets}, or {@code /api/v1/...} with
	 * {@link ApiVersion#V1}, which takes no nickname). Its {@code account_reference} is
	 * what a {@link io.k2connect.sendmoney.MerchantWalletDestination} or a targeted
	 * {@link SettleFundsRequest} names.
	 * @param account the mobile wallet
	 * @return where K2 keeps the wallet
	 */
	public ResourceLocation addMobileWalletSettlementAccount(MobileWalletSettlementAccount account) {
		return addMobileWalletSettlementAccount(account, RequestOptions.defaults());
	}

	/**
	 * Adds a mobile wallet that funds can be settled to, with per-call options; see
	 * {@link #addMobileWalletSettlementAccount(MobileWalletSettlementAccount)}.
	 * @param account the mobile wallet
	 * @param options per-call options
	 * @return where K2 keeps the wallet
	 */
	public ResourceLocation addMobileWalletSettlementAccount(MobileWalletSettlementAccount account,
			RequestOptions options) {
		Objects.requireNonNull(account, "account must not be null");
		String path = accountPath(WALLETS, account.nickname());
		return this.transport.create(path, body(account), options);
	}

	/**
	 * Moves funds to a settlement account ({@code POST /api/v1/settlement_transfers}, v1
	 * only; in v2, {@link io.k2connect.sendmoney.SendMoneyService#sendMoney send money}
	 * to your own accounts replaces it): the one the request names, or for a
	 * {@linkplain SettleFundsRequest#isBlind() blind} transfer the preferred one(s)
	 * configured in K2. K2 answers at once; the outcome arrives later as a signed
	 * {@code settlement_transfer} result at the request's callback URL.
	 * @param request the transfer
	 * @return where K2 keeps the transfer
	 */
	public ResourceLocation settleFunds(SettleFundsRequest request) {
		return settleFunds(request, RequestOptions.defaults());
	}

	/**
	 * Moves funds to a settlement account, with per-call options; see
	 * {@link #settleFunds(SettleFundsRequest)}.
	 * @param request the transfer
	 * @param options per-call options
	 * @return where K2 keeps the transfer
	 */
	public ResourceLocation settleFunds(SettleFundsRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(TRANSFERS_PATH, body(request), options);
	}

	/**
	 * Reads the settlement transfer's status ({@code GET} its location):
	 * {@code Processed} with its disbursements once the funds have moved. The same
	 * document K2 posts to the callback URL.
	 * @param location what {@link #settleFunds(SettleFundsRequest)} returned
	 * @return the settlement transfer's current state
	 */
	public SettlementTransferResult transferTransactionStatus(ResourceLocation location) {
		return transferTransactionStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the settlement transfer's status, with per-call options; see
	 * {@link #transferTransactionStatus(ResourceLocation)}.
	 * @param location what {@link #settleFunds(SettleFundsRequest)} returned
	 * @param options per-call options
	 * @return the settlement transfer's current state
	 */
	public SettlementTransferResult transferTransactionStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, SettlementTransferResult.class, options);
	}

	/**
	 * The transfer-account path under the configured version; a nickname, which v1 has no
	 * field for, is refused there rather than silently dropped.
	 */
	private String accountPath(String collection, @Nullable String nickname) {
		String path = this.transport.versioned(collection);
		if (nickname != null && path.startsWith(ApiVersion.V1.pathPrefix() + "/")) {
			throw new K2ValidationException("nickname",
					"is sent only by API v2; v1 transfer accounts have none (the client uses ApiVersion.V1)");
		}
		return path;
	}

	static ObjectNode body(BankSettlementAccount account) {
		ObjectNode body = JsonBodies.object()
			.put("account_name", account.accountName())
			.put("account_number", account.accountNumber())
			.put("bank_branch_ref", account.bankBranchRef())
			.put("settlement_method", account.settlementMethod().wireValue());
		return JsonBodies.optional(body, "nickname", account.nickname());
	}

	static ObjectNode body(MobileWalletSettlementAccount account) {
		ObjectNode body = JsonBodies.object()
			.put("first_name", account.firstName())
			.put("last_name", account.lastName())
			.put("phone_number", account.phoneNumber())
			.put("network", account.network());
		return JsonBodies.optional(body, "nickname", account.nickname());
	}

	static ObjectNode body(SettleFundsRequest request) {
		ObjectNode body = JsonBodies.object();
		// A blind transfer leaves the destination keys out instead of sending nulls (see
		// SettleFundsRequest).
		if (request.destinationType() != null) {
			body.put("destination_type", request.destinationType().wireValue())
				.put("destination_reference", request.destinationReference());
		}
		if (request.amount() != null) {
			JsonBodies.amount(body, request.currency(), request.amount());
		}
		JsonBodies.metadata(body, request.metadata());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "TransferService[" + this.transport.baseUrl() + "]";
	}

}
