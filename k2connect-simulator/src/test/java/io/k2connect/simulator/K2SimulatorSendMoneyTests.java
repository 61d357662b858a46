package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.event.Disbursement;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.event.TransferBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Send money (docs/k2-api.md §9, docs/k2-webhooks.md §4.6) and the v2 transfer accounts
 * and external recipients it pays (§10, §11), with K2's own example bodies as raw JSON.
 */
@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorSendMoneyTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void sendMoneyIsScheduledThenProcessedWithABatchPerDestination(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v2/send_money", externalRecipients());
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = Api.location(created);
		assertThat(location.toString()).startsWith(k2.baseUrl() + "/api/v2/send_money/");
		JsonNode scheduled = Api.json(Api.get(location, client).body());
		assertThat(scheduled.at("/data/type").asString()).isEqualTo("send_money");
		assertThat(scheduled.at("/data/attributes/status").asString()).isEqualTo("Scheduled");
		assertThat(scheduled.at("/data/attributes/transfer_batches").isNull()).isTrue();
		Receiver.Received received = this.app.awaitOne(WAIT);
		SendMoneyResult result = (SendMoneyResult) received.verifiedPayload(k2.apiKey());
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.sourceIdentifier()).isEqualTo("4321");
		assertThat(result.destinations()).hasSize(2);
		assertThat(result.links().self()).isEqualTo(location.toString());
		assertThat(result.transferBatches()).hasSize(2)
			.allSatisfy((batch) -> assertThat(batch.status()).isEqualTo("Transferred"));
		assertThat(result.transferBatches()).extracting((batch) -> batch.disbursements().get(0).phoneNumber())
			.containsExactly("254900000000", "254900111111");
		Disbursement first = result.transferBatches().get(0).disbursements().get(0);
		assertThat(first.amount()).isEqualByComparingTo("1000");
		assertThat(first.destinationType()).isEqualTo("mobile_wallet");
		assertThat(first.nickname()).isEqualTo("Jane Doe");
		assertThat(first.favourite()).isTrue();
		assertThat(first.transactionReference()).matches("[A-Z][A-Z0-9]{9}");
		assertThat(Api.get(location, client).body()).isEqualTo(received.text());
	}

	@Test
	void statusAndResultHaveTheShapesOfK2sExamples(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/send_money", externalRecipients()));
		assertThat(K2SimulatorReceivePaymentsTests.shape(Api.json(Api.get(location, client).body())))
			.containsAll(K2SimulatorReceivePaymentsTests.shape(Api.example("status-send_money-scheduled.json")));
		assertThat(K2SimulatorReceivePaymentsTests.shape(Api.json(this.app.awaitOne(WAIT).body())))
			.isEqualTo(K2SimulatorReceivePaymentsTests.shape(Api.example("result-send_money-processed.json")));
	}

	@Test
	void everyDestinationTypeIsPaidWithItsOwnIdentifyingFields(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.exampleWithCallback("request-send_money-all_destination_types-ILLUSTRATIVE.json",
				this.app.url("/k2/results"));
		ArrayNode destinations = (ArrayNode) body.get("destinations");
		((ObjectNode) destinations.get(4)).put("reference",
				accountReference(k2, client, "merchant_wallets", "request-merchant_wallet-v2.json"));
		((ObjectNode) destinations.get(5)).put("reference",
				accountReference(k2, client, "merchant_bank_accounts", "request-merchant_bank_account-v2.json"));
		assertThat(Api.post(k2, client, "/api/v2/send_money", body).statusCode()).isEqualTo(201);
		JsonNode batches = Api.json(this.app.awaitOne(WAIT).body()).at("/data/attributes/transfer_batches");
		assertThat(batches).hasSize(6);
		assertThat(batches.get(0).at("/disbursements/0/phone_number").asString()).isEqualTo("254700000000");
		assertThat(batches.get(1).at("/disbursements/0/account_number").asString()).isEqualTo("1234567890");
		assertThat(batches.get(1).at("/disbursements/0/transaction_reference").isNull()).isTrue();
		assertThat(batches.get(2).at("/disbursements/0/till_number").asString()).isEqualTo("519953");
		assertThat(batches.get(3).at("/disbursements/0/paybill_account_number").asString()).isEqualTo("account_one");
		assertThat(batches.get(4).at("/disbursements/0/destination_type").asString()).isEqualTo("merchant_wallet");
		assertThat(batches.get(4).at("/disbursements/0/destination_reference").asString())
			.isEqualTo(destinations.get(4).get("reference").asString());
		assertThat(batches.get(5).at("/disbursements/0/destination_type").asString())
			.isEqualTo("merchant_bank_account");
	}

	@Test
	void myAccountDestinationMustNameAStoredTransferAccount(K2Simulator k2, K2Client client) {
		HttpResponse<String> refused = Api.post(k2, client, "/api/v2/send_money",
				Api.exampleWithCallback("request-send_money-my_account.json", this.app.url("/k2/results")));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Api.json(refused.body()).get("error_message").asString())
			.isEqualTo("Destination 1 reference is invalid");
	}

	@Test
	void myAccountDestinationOfTheWrongKindIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.exampleWithCallback("request-send_money-my_account.json", this.app.url("/k2/results"));
		((ObjectNode) body.get("destinations").get(0)).put("reference",
				accountReference(k2, client, "merchant_wallets", "request-merchant_wallet-v2.json"));
		assertThat(Api.post(k2, client, "/api/v2/send_money", body).statusCode()).isEqualTo(400);
	}

	@Test
	void sweepSendsTheBalanceToTheFirstTransferAccount(K2Simulator k2, K2Client client) {
		String reference = accountReference(k2, client, "merchant_bank_accounts",
				"request-merchant_bank_account-v2.json");
		k2.customerPaysTill("555555", new BigDecimal("120"), "0712345678");
		k2.customerPaysTill("555555", new BigDecimal("30.50"), "0712345678");
		Api.post(k2, client, "/api/v2/send_money",
				Api.exampleWithCallback("request-send_money-sweep.json", this.app.url("/k2/results")));
		SendMoneyResult result = (SendMoneyResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.destinations()).isNull();
		Disbursement disbursement = result.transferBatches().get(0).disbursements().get(0);
		assertThat(disbursement.amount()).isEqualByComparingTo("150.50");
		assertThat(disbursement.destinationType()).isEqualTo("merchant_bank_account");
		assertThat(disbursement.destinationReference()).isEqualTo(reference);
	}

	@Test
	void sweepWithNothingToSendMovesNoMoney(K2Simulator k2, K2Client client) {
		Api.post(k2, client, "/api/v2/send_money",
				Api.exampleWithCallback("request-send_money-sweep.json", this.app.url("/k2/results")));
		SendMoneyResult result = (SendMoneyResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.transferBatches()).isEmpty();
	}

	@Test
	void magicNumberFailsItsDestinationOnly(K2Simulator k2, K2Client client) {
		ObjectNode body = externalRecipients();
		((ObjectNode) body.get("destinations").get(1)).put("phone_number",
				MagicPhoneNumbers.SEND_MONEY_FAILED_DESTINATION);
		Api.post(k2, client, "/api/v2/send_money", body);
		SendMoneyResult result = (SendMoneyResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.transferBatches()).extracting(TransferBatch::status).containsExactly("Transferred", "Failed");
		Disbursement failed = result.transferBatches().get(1).disbursements().get(0);
		assertThat(failed.status()).isEqualTo("Failed");
		assertThat(failed.errors()).isEqualTo(MagicPhoneNumbers.RECIPIENT_FAILED_MESSAGE);
		assertThat(failed.transactionReference()).isNull();
	}

	@Test
	void magicNumberMakesTheBalanceInsufficient(K2Simulator k2, K2Client client) {
		ObjectNode body = externalRecipients();
		((ObjectNode) body.get("destinations").get(0)).put("phone_number",
				MagicPhoneNumbers.SEND_MONEY_INSUFFICIENT_BALANCE);
		Api.post(k2, client, "/api/v2/send_money", body);
		SendMoneyResult result = (SendMoneyResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.status()).isEqualTo("Failed");
		assertThat(result.errors()).isEqualTo(MagicPhoneNumbers.INSUFFICIENT_BALANCE_MESSAGE);
		assertThat(result.transferBatches()).isNull();
	}

	@Test
	void v2TransferAccountsKeepTheirNickname(K2Simulator k2, K2Client client) {
		URI wallet = Api
			.location(Api.post(k2, client, "/api/v2/merchant_wallets", Api.example("request-merchant_wallet-v2.json")));
		assertThat(wallet.toString()).startsWith(k2.baseUrl() + "/api/v2/merchant_wallets/");
		JsonNode attributes = Api.json(Api.get(wallet, client).body()).at("/data/attributes");
		assertThat(attributes.get("nickname").asString()).isEqualTo("nickname");
		assertThat(attributes.get("status").asString()).isEqualTo("Approved");
		URI account = Api.location(Api.post(k2, client, "/api/v2/merchant_bank_accounts",
				Api.example("request-merchant_bank_account-v2.json")));
		assertThat(Api.json(Api.get(account, client).body()).at("/data/attributes/nickname").asString())
			.isEqualTo("nickname");
	}

	@Test
	void externalRecipientOfEveryTypeIsStored(K2Simulator k2, K2Client client) {
		for (String type : List.of("mobile_wallet", "bank_account", "till", "paybill")) {
			HttpResponse<String> created = Api.post(k2, client, "/api/v2/external_recipients",
					Api.example("request-external_recipient-" + type + ".json"));
			assertThat(created.statusCode()).as(type).isEqualTo(201);
			URI location = Api.location(created);
			assertThat(location.toString()).startsWith(k2.baseUrl() + "/api/v2/external_recipients/");
			JsonNode status = Api.json(Api.get(location, client).body());
			assertThat(status.at("/data/type").asString()).isEqualTo("external_recipient");
			assertThat(status.at("/data/attributes/status").asString()).isEqualTo("Approved");
			assertThat(status.at("/data/attributes/nickname").asString()).isEqualTo("Nick");
			assertThat(status.at("/data/attributes/recipient_reference").asString()).matches("[0-9a-f-]{36}");
		}
	}

	@Test
	void externalRecipientsAreOnlyServedUnderV2(K2Simulator k2, K2Client client) {
		assertThat(
				Api.post(k2, client, "/api/v1/external_recipients", Api.example("request-external_recipient-till.json"))
					.statusCode())
			.isEqualTo(404);
		assertThat(Api.post(k2, client, "/api/v1/send_money", externalRecipients()).statusCode()).isEqualTo(404);
	}

	private ObjectNode externalRecipients() {
		return Api.exampleWithCallback("request-send_money-external_recipients.json", this.app.url("/k2/results"));
	}

	static String accountReference(K2Simulator k2, K2Client client, String collection, String example) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/" + collection, Api.example(example)));
		return Api.json(Api.get(location, client).body()).at("/data/attributes/account_reference").asString();
	}

}
