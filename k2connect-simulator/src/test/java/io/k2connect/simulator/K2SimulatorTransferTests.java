package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.event.Disbursement;
import io.k2connect.event.SettlementTransferCompleted;
import io.k2connect.event.SettlementTransferResult;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settlement accounts and transfers (docs/k2-api.md §6, §11) with K2's own example bodies
 * as raw JSON, including the v2 account paths that K2Client does not call.
 */
@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorTransferTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "v1", "v2" })
	void merchantBankAccountHasTheShapeOfK2sExample(String version, K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/" + version + "/merchant_bank_accounts",
				Api.example("request-merchant_bank_account-" + version + ".json"));
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = Api.location(created);
		assertThat(location.toString()).startsWith(k2.baseUrl() + "/api/" + version + "/merchant_bank_accounts/");
		JsonNode status = Api.json(Api.get(location, client).body());
		assertThat(status.at("/data/type").asString()).isEqualTo("merchant_bank_account");
		assertThat(status.at("/data/attributes/settlement_method").asString()).isEqualTo("RTS");
		assertThat(K2SimulatorReceivePaymentsTests.shape(status))
			.containsAll(K2SimulatorReceivePaymentsTests.shape(Api.example("status-merchant_bank_account.json")));
	}

	@Test
	void merchantWalletIsStoredWithAnAccountReference(K2Simulator k2, K2Client client) {
		URI location = Api
			.location(Api.post(k2, client, "/api/v1/merchant_wallets", Api.example("request-merchant_wallet-v1.json")));
		JsonNode attributes = Api.json(Api.get(location, client).body()).at("/data/attributes");
		assertThat(attributes.get("status").asString()).isEqualTo("Approved");
		assertThat(attributes.get("phone_number").asString()).isEqualTo("+254911222538");
		assertThat(attributes.get("network").asString()).isEqualTo("Safaricom");
		assertThat(attributes.get("account_reference").asString()).matches("[0-9a-f-]{36}");
	}

	@Test
	void targetedTransferToAStoredWalletPostsResultAndSettlementWebhook(K2Simulator k2, K2Client client) {
		subscribeToSettlements(client);
		URI wallet = Api
			.location(Api.post(k2, client, "/api/v1/merchant_wallets", Api.example("request-merchant_wallet-v1.json")));
		String reference = Api.json(Api.get(wallet, client).body()).at("/data/attributes/account_reference").asString();
		ObjectNode body = Api.exampleWithCallback("request-settlement_transfer-targeted.json",
				this.app.url("/k2/results"));
		body.put("destination_reference", reference);
		assertThat(Api.post(k2, client, "/api/v1/settlement_transfers", body).statusCode()).isEqualTo(201);
		List<Receiver.Received> received = this.app.await(2, WAIT);
		SettlementTransferResult result = (SettlementTransferResult) received.get(0).verifiedPayload(k2.apiKey());
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.amount()).isEqualByComparingTo("10");
		Disbursement disbursement = result.transferBatches().get(0).disbursements().get(0);
		assertThat(disbursement.destinationType()).isEqualTo("Mobile Wallet");
		assertThat(disbursement.destinationReference()).isEqualTo(reference);
		SettlementTransferCompleted event = (SettlementTransferCompleted) received.get(1).verifiedPayload(k2.apiKey());
		assertThat(event.amount()).isEqualByComparingTo("10");
		assertThat(event.status()).isEqualTo("Transferred");
		assertThat(event.destination().type()).isEqualTo("Mobile Wallet");
		assertThat(event.destination().reference()).isEqualTo(reference);
		assertThat(event.destination().phoneNumber()).isEqualTo("+254911222538");
		assertThat(event.disbursements()).hasSize(1);
	}

	@Test
	void settlementResultAndWebhookHaveTheShapesOfK2sExamples(K2Simulator k2, K2Client client) {
		subscribeToSettlements(client);
		Api.post(k2, client, "/api/v1/merchant_bank_accounts", Api.example("request-merchant_bank_account-v1.json"));
		k2.customerPaysTill("555555", new BigDecimal("300"), "0712345678");
		Api.post(k2, client, "/api/v1/settlement_transfers",
				Api.exampleWithCallback("request-settlement_transfer-blind.json", this.app.url("/k2/results")));
		List<Receiver.Received> received = this.app.await(2, WAIT);
		assertThat(Api.paths(Api.json(received.get(0).body())))
			.isEqualTo(Api.paths(Api.example("result-settlement_transfer-processed.json")));
		assertThat(Api.paths(Api.json(received.get(1).body())))
			.isEqualTo(Api.paths(Api.example("webhook-settlement_transfer_completed.json")));
	}

	@Test
	void blindTransferSettlesTheBalanceToThePreferredAccount(K2Simulator k2, K2Client client) {
		subscribeToSettlements(client);
		URI account = Api.location(Api.post(k2, client, "/api/v1/merchant_bank_accounts",
				Api.example("request-merchant_bank_account-v1.json")));
		String reference = Api.json(Api.get(account, client).body())
			.at("/data/attributes/account_reference")
			.asString();
		k2.customerPaysTill("555555", new BigDecimal("100"), "0712345678");
		k2.customerPaysTill("555555", new BigDecimal("50.50"), "0712345678");
		Api.post(k2, client, "/api/v1/settlement_transfers",
				Api.exampleWithCallback("request-settlement_transfer-blind.json", this.app.url("/k2/results")));
		List<Receiver.Received> received = this.app.await(2, WAIT);
		SettlementTransferResult result = (SettlementTransferResult) received.get(0).verifiedPayload(k2.apiKey());
		assertThat(result.amount()).isNull();
		Disbursement disbursement = result.transferBatches().get(0).disbursements().get(0);
		assertThat(disbursement.amount()).isEqualByComparingTo("150.50");
		assertThat(disbursement.destinationType()).isEqualTo("Bank Account");
		assertThat(disbursement.destinationReference()).isEqualTo(reference);
		SettlementTransferCompleted event = (SettlementTransferCompleted) received.get(1).verifiedPayload(k2.apiKey());
		assertThat(event.destination().accountNumber()).isEqualTo("py_sdk_account_number");
		assertThat(event.destination().settlementMethod()).isEqualTo("RTS");
	}

	@Test
	void blindTransferGoesToTheFirstBankAccountAdded(K2Simulator k2, K2Client client) {
		List<String> references = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			URI account = Api.location(Api.post(k2, client, "/api/v1/merchant_bank_accounts",
					Api.example("request-merchant_bank_account-v1.json")));
			references
				.add(Api.json(Api.get(account, client).body()).at("/data/attributes/account_reference").asString());
		}
		k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		Api.post(k2, client, "/api/v1/settlement_transfers",
				Api.exampleWithCallback("request-settlement_transfer-blind.json", this.app.url("/k2/results")));
		SettlementTransferResult result = (SettlementTransferResult) this.app.awaitOne(WAIT)
			.verifiedPayload(k2.apiKey());
		assertThat(result.transferBatches().get(0).disbursements().get(0).destinationReference())
			.isEqualTo(references.get(0));
	}

	@Test
	void blindTransferWithNothingToSettleMovesNoMoney(K2Simulator k2, K2Client client) throws InterruptedException {
		subscribeToSettlements(client);
		Api.post(k2, client, "/api/v1/settlement_transfers",
				Api.exampleWithCallback("request-settlement_transfer-blind.json", this.app.url("/k2/results")));
		SettlementTransferResult result = (SettlementTransferResult) this.app.awaitOne(WAIT)
			.verifiedPayload(k2.apiKey());
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.transferBatches()).isEmpty();
		Thread.sleep(200);
		assertThat(this.app.received()).hasSize(1);
	}

	private void subscribeToSettlements(K2Client client) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.SETTLEMENT_TRANSFER_COMPLETED,
					this.app.url("/k2/webhooks")));
	}

}
