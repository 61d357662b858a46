package io.k2connect.transfer;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.k2connect.ApiVersion;
import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.SettlementTransferResult;
import io.k2connect.model.Amounts;
import io.k2connect.model.SettlementMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class TransferServiceTests {

	private static final String CALLBACK = "https://webhook.site/52fd1913-778e-4ee1-bdc4-74517abb758d";

	private static final String REFERENCE = "eba238ae-e03f-46f6-aed5-db357fb00f9c";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	private final K2Client v1 = this.server.clientBuilder().apiVersion(ApiVersion.V1).build();

	@Test
	void addBankSettlementAccountPostsTheDocumentedV1Body() {
		ResourceLocation location = this.v1.transfers()
			.addBankSettlementAccount(new BankSettlementAccount("py_sdk_account_name", "py_sdk_account_number",
					"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.RTS));

		JsonNode body = this.server.onlyApiPost("/api/v1/merchant_bank_accounts");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-merchant_bank_account-v1.json"));
		assertThat(location.location().getPath()).isEqualTo("/api/v1/merchant_bank_accounts/" + location.id());
	}

	@Test
	void addBankSettlementAccountWritesEftSettlementMethod() {
		this.client.transfers().addBankSettlementAccount(bankAccount(SettlementMethod.EFT));

		assertThat(this.server.onlyApiRequest().json().get("settlement_method").asString()).isEqualTo("EFT");
	}

	@Test
	void addBankSettlementAccountWithExplicitTokenSendsItAndFetchesNone() {
		this.client.transfers()
			.addBankSettlementAccount(bankAccount(SettlementMethod.RTS), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void addMobileWalletSettlementAccountPostsTheDocumentedV1Body() {
		ResourceLocation location = this.v1.transfers()
			.addMobileWalletSettlementAccount(
					MobileWalletSettlementAccount.safaricom("py_sdk_first_name", "py_sdk_last_name", "0711222538"));

		JsonNode body = this.server.onlyApiPost("/api/v1/merchant_wallets");
		ObjectNode expected = K2TestServer.example("request-merchant_wallet-v1.json");
		// The example's +254911222538 is no Kenyan mobile number (they start with 7 or
		// 1), which we reject.
		expected.put("phone_number", "+254711222538");
		K2TestServer.assertJsonEquals(body, expected);
		assertThat(location.location().getPath()).isEqualTo("/api/v1/merchant_wallets/" + location.id());
	}

	@Test
	void addMobileWalletSettlementAccountWithExplicitTokenSendsItAndFetchesNone() {
		this.client.transfers()
			.addMobileWalletSettlementAccount(
					new MobileWalletSettlementAccount("Jane", "Doe", "+254712345678", "Safaricom"),
					RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void settleFundsPostsTheDocumentedTargetedBody() {
		ResourceLocation location = this.client.transfers()
			.settleFunds(SettleFundsRequest.builder()
				.destinationType(SettlementDestinationType.MERCHANT_WALLET)
				.destinationReference(REFERENCE)
				.amount(new BigDecimal("10"))
				.callbackUrl(CALLBACK)
				.build());

		JsonNode body = this.server.onlyApiPost("/api/v1/settlement_transfers");
		ObjectNode expected = K2TestServer.example("request-settlement_transfer-targeted.json");
		// The example (Python v1) sends the value as the string "10"; docs/k2-api.md §0.5
		// has us send a JSON number.
		((ObjectNode) expected.get("amount")).put("value", 10);
		K2TestServer.assertJsonEquals(body, expected);
		assertThat(location.location().getPath()).isEqualTo("/api/v1/settlement_transfers/" + location.id());
	}

	@Test
	void settleFundsPostsABlindTransferWithOnlyTheCallback() {
		this.client.transfers().settleFunds(SettleFundsRequest.blind(CALLBACK));

		JsonNode body = this.server.onlyApiPost("/api/v1/settlement_transfers");
		ObjectNode expected = K2TestServer.example("request-settlement_transfer-blind.json");
		// The example (PHP/Node) sends the absent keys as nulls; K2 requires only the
		// callback, so we leave them out.
		expected.remove("amount");
		expected.remove("destination_reference");
		expected.remove("destination_type");
		K2TestServer.assertJsonEquals(body, expected);
	}

	@Test
	void settleFundsSendsTheAmountOfABlindTransferWhenGiven() {
		this.client.transfers()
			.settleFunds(SettleFundsRequest.builder().amount(new BigDecimal("2500.50")).callbackUrl(CALLBACK).build());

		JsonNode body = this.server.onlyApiRequest().json();
		K2TestServer.assertJsonEquals(body, K2TestServer.json("""
				{"amount": {"currency": "KES", "value": 2500.50},
				 "_links": {"callback_url": "%s"}}""".formatted(CALLBACK)));
	}

	@Test
	void settleFundsSendsMetadataWhenGiven() {
		this.client.transfers().settleFunds(targeted().metadata(Map.of("batch", "2024-05")).build());

		assertThat(this.server.onlyApiRequest().json().at("/metadata/batch").asString()).isEqualTo("2024-05");
	}

	@Test
	void settleFundsWithExplicitTokenSendsItAndFetchesNone() {
		this.client.transfers()
			.settleFunds(SettleFundsRequest.blind(CALLBACK), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@ParameterizedTest
	@EnumSource(SettlementDestinationType.class)
	void settleFundsWritesTheDestinationTypeWireValue(SettlementDestinationType type) {
		this.client.transfers().settleFunds(targeted().destinationType(type).build());

		// Every documented wire value is the constant's name in lower case.
		assertThat(this.server.onlyApiRequest().json().get("destination_type").asString())
			.isEqualTo(type.name().toLowerCase(Locale.ROOT));
	}

	@Test
	void settlementDestinationTypesAreTheTwoDocumentedOnes() {
		assertThat(Arrays.stream(SettlementDestinationType.values()).map(SettlementDestinationType::wireValue))
			.containsExactly("merchant_bank_account", "merchant_wallet");
	}

	@Test
	void aRequestWithoutDestinationIsBlind() {
		assertThat(SettleFundsRequest.builder().destinationReference(" ").callbackUrl(CALLBACK).build().isBlind())
			.isTrue();
	}

	@Test
	void aRequestWithDestinationIsNotBlind() {
		assertThat(targeted().build().isBlind()).isFalse();
	}

	@Test
	void addBankSettlementAccountPostsTheDocumentedV2BodyByDefault() {
		ResourceLocation location = this.client.transfers()
			.addBankSettlementAccount(new BankSettlementAccount("py_sdk_account_name", "py_sdk_account_number",
					"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.RTS)
				.withNickname("nickname"));

		JsonNode body = this.server.onlyApiPost("/api/v2/merchant_bank_accounts");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-merchant_bank_account-v2.json"));
		assertThat(location.location().getPath()).isEqualTo("/api/v2/merchant_bank_accounts/" + location.id());
	}

	@Test
	void addMobileWalletSettlementAccountPostsTheDocumentedV2BodyByDefault() {
		ResourceLocation location = this.client.transfers()
			.addMobileWalletSettlementAccount(
					MobileWalletSettlementAccount.safaricom("py_sdk_first_name", "py_sdk_last_name", "0711222538")
						.withNickname("nickname"));

		JsonNode body = this.server.onlyApiPost("/api/v2/merchant_wallets");
		ObjectNode expected = K2TestServer.example("request-merchant_wallet-v2.json");
		// The example's +254911222538 is no Kenyan mobile number, which we reject.
		expected.put("phone_number", "+254711222538");
		K2TestServer.assertJsonEquals(body, expected);
		assertThat(location.location().getPath()).isEqualTo("/api/v2/merchant_wallets/" + location.id());
	}

	@Test
	void aV2AccountWithoutNicknameLeavesTheKeyOut() {
		this.client.transfers().addBankSettlementAccount(bankAccount(SettlementMethod.EFT).withNickname(" "));

		assertThat(this.server.onlyApiPost("/api/v2/merchant_bank_accounts").has("nickname")).isFalse();
	}

	@Test
	void v1RefusesABankAccountNickname() {
		this.server.assertRejected(() -> this.v1.transfers()
			.addBankSettlementAccount(bankAccount(SettlementMethod.EFT).withNickname("Main")), "nickname");
	}

	@Test
	void v1RefusesAWalletNickname() {
		this.server.assertRejected(
				() -> this.v1.transfers()
					.addMobileWalletSettlementAccount(
							MobileWalletSettlementAccount.safaricom("Jane", "Doe", "0712345678").withNickname("Main")),
				"nickname");
	}

	@Test
	void settlementTransfersStayOnV1WhateverTheVersion() {
		this.client.transfers().settleFunds(SettleFundsRequest.blind(CALLBACK));

		this.server.onlyApiPost("/api/v1/settlement_transfers");
	}

	@Test
	void bankSettlementAccountRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.transfers().addBankSettlementAccount(new BankSettlementAccount(" ", null, "", null)),
				"account_name", "account_number", "bank_branch_ref", "settlement_method");
	}

	@Test
	void mobileWalletSettlementAccountRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.transfers()
					.addMobileWalletSettlementAccount(new MobileWalletSettlementAccount(null, " ", "", null)),
				"first_name", "last_name", "phone_number", "network");
	}

	@Test
	void mobileWalletSettlementAccountRejectsANonKenyanMobileNumber() {
		this.server.assertRejected(() -> this.client.transfers()
			.addMobileWalletSettlementAccount(MobileWalletSettlementAccount.safaricom("Jane", "Doe", "+254911222538")),
				"phone_number");
	}

	@Test
	void settleFundsRequiresACallback() {
		this.server.assertRejected(() -> this.client.transfers().settleFunds(SettleFundsRequest.builder().build()),
				"_links.callback_url");
	}

	@Test
	void settleFundsRejectsAnInsecureCallback() {
		this.server.assertRejected(
				() -> this.client.transfers().settleFunds(SettleFundsRequest.blind("http://example.com/callback")),
				"_links.callback_url");
	}

	@Test
	void settleFundsWithAReferenceButNoTypeIsATargetedTransferMissingItsTypeAndAmount() {
		this.server.assertRejected(() -> this.client.transfers()
			.settleFunds(SettleFundsRequest.builder().destinationReference(REFERENCE).callbackUrl(CALLBACK).build()),
				"destination_type", "amount.value");
	}

	@Test
	void settleFundsWithATypeButNoReferenceIsATargetedTransferMissingItsReferenceAndAmount() {
		this.server.assertRejected(() -> this.client.transfers()
			.settleFunds(SettleFundsRequest.builder()
				.destinationType(SettlementDestinationType.MERCHANT_BANK_ACCOUNT)
				.callbackUrl(CALLBACK)
				.build()), "destination_reference", "amount.value");
	}

	@Test
	void settleFundsRejectsBadAmountCurrencyAndMetadata() {
		this.server.assertRejected(() -> this.client.transfers()
			.settleFunds(targeted().amount(new BigDecimal("-1.234"))
				.currency("USD")
				.metadata(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6))
				.build()), "amount.value", "amount.value", "amount.currency", "metadata");
	}

	@Test
	void settleFundsRejectsANonPositiveAmountInABlindTransfer() {
		this.server.assertRejected(
				() -> this.client.transfers()
					.settleFunds(SettleFundsRequest.builder().amount(BigDecimal.ZERO).callbackUrl(CALLBACK).build()),
				"amount.value");
	}

	@ParameterizedTest
	@MethodSource("io.k2connect.K2TestServer#absurdAmounts")
	void settleFundsRejectsAnAbsurdAmountAtOnce(String amount) {
		this.server.assertRejectedQuickly(
				() -> this.client.transfers().settleFunds(targeted().amount(new BigDecimal(amount)).build()),
				"amount.value");
	}

	@ParameterizedTest
	@MethodSource("io.k2connect.K2TestServer#absurdAmounts")
	void settleFundsRejectsAnAbsurdAmountInABlindTransferAtOnce(String amount) {
		this.server.assertRejectedQuickly(() -> this.client.transfers()
			.settleFunds(SettleFundsRequest.builder().amount(new BigDecimal(amount)).callbackUrl(CALLBACK).build()),
				"amount.value");
	}

	@Test
	void settleFundsAcceptsTheLargestAmount() {
		this.client.transfers().settleFunds(targeted().amount(Amounts.MAX).build());

		assertThat(this.server.onlyApiRequest().json().at("/amount/value").decimalValue()).isEqualTo(Amounts.MAX);
	}

	private static BankSettlementAccount bankAccount(SettlementMethod method) {
		return new BankSettlementAccount("Jane Doe", "0123456789", "633aa26c-7b7c-4091-ae28-96c0687cf886", method);
	}

	private static SettleFundsRequest.Builder targeted() {
		return SettleFundsRequest.builder()
			.destinationType(SettlementDestinationType.MERCHANT_BANK_ACCOUNT)
			.destinationReference(REFERENCE)
			.amount(new BigDecimal("10.50"))
			.callbackUrl("https://example.com/k2/callback");
	}

	@Test
	void transferTransactionStatusReadsTheSettlementResult() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v1/settlement_transfers/st-1");
		this.server.script("GET", "/api/v1/settlement_transfers/st-1", K2TestServer.Reply.json(200,
				K2TestServer.example("result-settlement_transfer-processed.json").toString()));

		SettlementTransferResult result = this.client.transfers().transferTransactionStatus(location);

		assertThat(this.server.onlyApiRequest().method()).isEqualTo("GET");
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.transferBatches()).isNotEmpty();
	}

}
