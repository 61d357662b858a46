package io.k2connect.sendmoney;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2TestServer.Reply;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.Disbursement;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.model.Amounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class SendMoneyServiceTests {

	private static final String CALLBACK = "https://dummy_callback_url/send_money_result";

	private static final Map<String, String> METADATA = Map.of("customerId", "8675309", "notes",
			"Salary payment for September 2025");

	private static final String BANK_REFERENCE = "e479b8de-d05d-46f1-89ea-27948293f5df";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void sendMoneyToExternalRecipientsPostsTheDocumentedBody() {
		ResourceLocation location = this.client.sendMoney()
			.sendMoney(SendMoneyRequest.builder()
				.destination(wallet("0700000000", "Jane Doe"))
				.destination(wallet("0700111111", "John Doe"))
				.sourceIdentifier("4321")
				.metadata(METADATA)
				.callbackUrl(CALLBACK)
				.build());

		JsonNode body = this.server.onlyApiPost("/api/v2/send_money");
		ObjectNode expected = K2TestServer.example("request-send_money-external_recipients.json");
		// The example's 2549… numbers are no Kenyan mobile numbers (they start with 7 or
		// 1), which we reject.
		ArrayNode destinations = (ArrayNode) expected.get("destinations");
		((ObjectNode) destinations.get(0)).put("phone_number", "254700000000");
		((ObjectNode) destinations.get(1)).put("phone_number", "254700111111");
		K2TestServer.assertJsonEquals(body, expected);
		assertThat(location.location().getPath()).isEqualTo("/api/v2/send_money/" + location.id());
	}

	@Test
	void sendMoneyToMyAccountPostsTheDocumentedBody() {
		this.client.sendMoney()
			.sendMoney(SendMoneyRequest.builder()
				.merchantBankAccount(BANK_REFERENCE, new BigDecimal("100"))
				.sourceIdentifier("4321")
				.metadata(METADATA)
				.callbackUrl(CALLBACK)
				.build());

		JsonNode body = this.server.onlyApiPost("/api/v2/send_money");
		ObjectNode expected = K2TestServer.example("request-send_money-my_account.json");
		// The example (Node) sends an absent description as null; we leave it out.
		((ObjectNode) expected.get("destinations").get(0)).remove("description");
		K2TestServer.assertJsonEquals(body, expected);
	}

	@Test
	void sweepPostsTheDocumentedBodyWithoutDestinations() {
		this.client.sendMoney()
			.sendMoney(SendMoneyRequest.sweepBuilder().metadata(METADATA).callbackUrl(CALLBACK).build());

		JsonNode body = this.server.onlyApiPost("/api/v2/send_money");
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-send_money-sweep.json"));
	}

	@Test
	void sweepFactoryIsASweep() {
		SendMoneyRequest sweep = SendMoneyRequest.sweep(CALLBACK);

		assertThat(sweep.sweep()).isTrue();
		assertThat(sweep.destinations()).isEmpty();
		assertThat(sweep.total()).isZero();
	}

	@Test
	void everyDestinationTypeIsWrittenAsTheIllustrativeExample() {
		this.client.sendMoney()
			.sendMoney(SendMoneyRequest.builder()
				.destination(MobileWalletDestination.builder()
					.nickname("John Doe")
					.phoneNumber("+254700000000")
					.amount(new BigDecimal("200"))
					.description("Lunch"))
				.destination(BankAccountDestination.builder()
					.nickname("Supplier")
					.accountName("Jane Merchant")
					.accountNumber("1234567890")
					.bankBranchRef("633aa26c-7b7c-4091-ae28-96c0687cf886")
					.amount(new BigDecimal("1000"))
					.description("Invoice 12")
					.favourite(true))
				.destination(TillDestination.builder()
					.nickname("Shop")
					.tillNumber("519953")
					.amount(new BigDecimal("150"))
					.description("Supplies"))
				.destination(PaybillDestination.builder()
					.nickname("Utility")
					.paybillNumber("815581")
					.paybillAccountNumber("account_one")
					.amount(new BigDecimal("300"))
					.description("Bill"))
				.merchantWallet("eba238ae-e03f-46f6-aed5-db357fb00f9c", new BigDecimal("100"))
				.destination(MerchantBankAccountDestination.of(BANK_REFERENCE, new BigDecimal("100")))
				.metadata(Map.of("notes", "illustrative combination assembled from the SDKs' per-type field lists"))
				.callbackUrl("https://callback_to_your_app.your_application.com")
				.build());

		JsonNode body = this.server.onlyApiPost("/api/v2/send_money");
		ObjectNode expected = K2TestServer.example("request-send_money-all_destination_types-ILLUSTRATIVE.json");
		// Without a source the key is left out rather than sent as null.
		expected.remove("source_identifier");
		K2TestServer.assertJsonEquals(body, expected);
	}

	@Test
	void sendMoneyWithExplicitTokenSendsItAndFetchesNone() {
		this.client.sendMoney().sendMoney(SendMoneyRequest.sweep(CALLBACK), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void sendMoneyIsNotRepeatedAfterAServerError() {
		this.server.script("POST", "/api/v2/send_money", Reply.status(503));

		org.assertj.core.api.Assertions.assertThatExceptionOfType(io.k2connect.K2ServerException.class)
			.isThrownBy(() -> this.client.sendMoney().sendMoney(SendMoneyRequest.sweep(CALLBACK)));
		assertThat(this.server.requests("POST", "/api/v2/send_money")).hasSize(1);
	}

	@Test
	void aBuilderWithoutDestinationsIsNoSweep() {
		this.server.assertRejected(
				() -> this.client.sendMoney().sendMoney(SendMoneyRequest.builder().callbackUrl(CALLBACK).build()),
				"destinations");
	}

	@Test
	void aSweepTakesNoDestinations() {
		this.server.assertRejected(() -> this.client.sendMoney()
			.sendMoney(SendMoneyRequest.sweepBuilder()
				.merchantWallet(BANK_REFERENCE, BigDecimal.TEN)
				.callbackUrl(CALLBACK)
				.build()), "destinations");
	}

	@Test
	void aBrokenDestinationIsNamedByItsPlace() {
		this.server.assertRejected(
				() -> this.client.sendMoney()
					.sendMoney(SendMoneyRequest.builder()
						.merchantWallet(BANK_REFERENCE, BigDecimal.TEN)
						.destination(MobileWalletDestination.builder()
							.phoneNumber("+254911222538")
							.network(" ")
							.amount(BigDecimal.ZERO))
						.callbackUrl(CALLBACK)
						.build()),
				"destinations[1].phone_number", "destinations[1].network", "destinations[1].amount",
				"destinations[1].description");
	}

	@Test
	void theOnlyDestinationBrokenReportsItAndTheRestButNotAnEmptyList() {
		this.server.assertRejected(
				() -> this.client.sendMoney()
					.sendMoney(SendMoneyRequest.builder().merchantBankAccount(" ", null).currency("USD").build()),
				"destinations[0].reference", "destinations[0].amount", "currency", "_links.callback_url");
	}

	@Test
	void bankAccountDestinationRequiresEveryField() {
		this.server.assertRejected(
				() -> this.client.sendMoney()
					.sendMoney(SendMoneyRequest.builder()
						.destination(BankAccountDestination.builder())
						.callbackUrl(CALLBACK)
						.build()),
				"destinations[0].bank_branch_ref", "destinations[0].account_name", "destinations[0].account_number",
				"destinations[0].amount", "destinations[0].description");
	}

	@Test
	void tillDestinationRequiresEveryField() {
		this.server.assertRejected(() -> this.client.sendMoney()
			.sendMoney(SendMoneyRequest.builder().destination(TillDestination.builder()).callbackUrl(CALLBACK).build()),
				"destinations[0].till_number", "destinations[0].amount", "destinations[0].description");
	}

	@Test
	void paybillDestinationRequiresEveryField() {
		this.server.assertRejected(() -> this.client.sendMoney()
			.sendMoney(
					SendMoneyRequest.builder().destination(PaybillDestination.builder()).callbackUrl(CALLBACK).build()),
				"destinations[0].paybill_number", "destinations[0].paybill_account_number", "destinations[0].amount",
				"destinations[0].description");
	}

	@Test
	void aDestinationBuiltAloneNamesItsOwnFields() {
		this.server.assertRejected(() -> MerchantWalletDestination.of(null, new BigDecimal("1.001")), "reference",
				"amount");
	}

	@Test
	void aNullDestinationInTheListIsNamedByItsPlace() {
		this.server.assertRejected(() -> new SendMoneyRequest(
				java.util.Arrays.asList(MerchantWalletDestination.of(BANK_REFERENCE, BigDecimal.ONE), null), false,
				null, null, null, java.net.URI.create(CALLBACK)), "destinations[1]");
	}

	@Test
	void theTotalOfTheDestinationsIsBoundedToo() {
		this.server.assertRejected(() -> this.client.sendMoney()
			.sendMoney(SendMoneyRequest.builder()
				.merchantWallet(BANK_REFERENCE, Amounts.MAX)
				.merchantBankAccount(BANK_REFERENCE, new BigDecimal("0.01"))
				.callbackUrl(CALLBACK)
				.build()), "destinations");
	}

	@Test
	void totalAddsTheAmountsUp() {
		SendMoneyRequest request = SendMoneyRequest.builder()
			.merchantWallet(BANK_REFERENCE, new BigDecimal("100.50"))
			.merchantBankAccount(BANK_REFERENCE, new BigDecimal("0.50"))
			.callbackUrl(CALLBACK)
			.build();

		assertThat(request.total()).isEqualByComparingTo("101");
	}

	@Test
	void sendMoneyRejectsBadCurrencyMetadataAndCallback() {
		this.server.assertRejected(() -> this.client.sendMoney()
			.sendMoney(SendMoneyRequest.sweepBuilder()
				.currency("USD")
				.metadata(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6))
				.callbackUrl("http://example.com/callback")
				.build()), "currency", "metadata", "_links.callback_url");
	}

	@ParameterizedTest
	@MethodSource("io.k2connect.K2TestServer#absurdAmounts")
	void sendMoneyRejectsAnAbsurdAmountAtOnce(String amount) {
		this.server.assertRejectedQuickly(() -> this.client.sendMoney()
			.sendMoney(SendMoneyRequest.builder()
				.destination(TillDestination.builder()
					.tillNumber("519953")
					.amount(new BigDecimal(amount))
					.description("Supplies"))
				.callbackUrl(CALLBACK)
				.build()), "destinations[0].amount");
	}

	@Test
	void sendMoneyStatusReadsTheScheduledDocument() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/send_money/sm-1");
		this.server.script("GET", "/api/v2/send_money/sm-1",
				Reply.json(200, example("status-send_money-scheduled.json")));

		SendMoneyResult result = this.client.sendMoney().sendMoneyStatus(location);

		assertThat(this.server.onlyApiRequest().method()).isEqualTo("GET");
		assertThat(result.status()).isEqualTo("Scheduled");
		assertThat(result.transferBatches()).isNull();
		assertThat(result.metadata()).containsEntry("notes", "Sample Send Money transaction");
	}

	@Test
	void sendMoneyStatusReadsEachDestinationAndTransferBatch() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/send_money/sm-2");
		this.server.script("GET", "/api/v2/send_money/sm-2",
				Reply.json(200, example("result-send_money-processed.json")));

		SendMoneyResult result = this.client.sendMoney().sendMoneyStatus(location, RequestOptions.withAccessToken("t"));

		assertThat(result.isProcessed()).isTrue();
		assertThat(result.destinations()).hasSize(2)
			.allSatisfy((destination) -> assertThat(destination).containsEntry("type", "mobile_wallet"));
		assertThat(result.transferBatches()).hasSize(2).allSatisfy((batch) -> {
			assertThat(batch.status()).isEqualTo("Transferred");
			assertThat(batch.disbursements()).singleElement().extracting(Disbursement::status).isEqualTo("Transferred");
		});
		Disbursement second = result.transferBatches().get(1).disbursements().get(0);
		assertThat(second.phoneNumber()).isEqualTo("254900000000");
		assertThat(second.transactionReference()).isEqualTo("QDZ273694C8");
	}

	@Test
	void sendMoneyStatusReadsTheRubyResult() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/send_money/sm-3");
		this.server.script("GET", "/api/v2/send_money/sm-3",
				Reply.json(200, example("result-send_money-processed-ruby.json")));

		SendMoneyResult result = this.client.sendMoney().sendMoneyStatus(location);

		assertThat(result.transferBatches()).singleElement()
			.satisfies((batch) -> assertThat(batch.disbursements().get(0).transactionReference())
				.isEqualTo("DAVSM1757311336"));
	}

	@Test
	void destinationTypesAreTheSixDocumentedOnes() {
		assertThat(java.util.Arrays.stream(SendMoneyDestinationType.values()).map(SendMoneyDestinationType::wireValue))
			.containsExactly("mobile_wallet", "bank_account", "till", "paybill", "merchant_wallet",
					"merchant_bank_account");
		assertThat(SendMoneyDestinationType.fromWireValue("Merchant_Wallet"))
			.isEqualTo(SendMoneyDestinationType.MERCHANT_WALLET);
	}

	private static MobileWalletDestination.Builder wallet(String phone, String nickname) {
		return MobileWalletDestination.builder()
			.nickname(nickname)
			.phoneNumber(phone)
			.amount(new BigDecimal("1000"))
			.description("Reason for payment")
			.favourite(true);
	}

	static String example(String name) {
		return new String(io.k2connect.event.Examples.bytes(name), StandardCharsets.UTF_8);
	}

}
