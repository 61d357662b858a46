package io.k2connect.simulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.k2connect.K2Client;
import io.k2connect.event.Disbursement;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.event.PaymentResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PAY (docs/k2-api.md §5) with K2's own example bodies posted as raw JSON, so the
 * simulator is held to what every SDK sends, not only to what K2Client sends
 * ({@link K2SimulatorClientParityTests}).
 */
@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorPayTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@ParameterizedTest
	@CsvSource({ "mobile_wallet, Mobile Wallet", "bank_account, Bank Account", "till, Till", "paybill, Paybill" })
	void payRecipientIsStoredWithAReference(String type, String label, K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v1/pay_recipients",
				Api.example("request-pay_recipient-" + type + ".json"));
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = Api.location(created);
		assertThat(location.toString()).startsWith(k2.baseUrl() + "/api/v1/pay_recipients/");
		JsonNode status = Api.json(Api.get(location, client).body());
		assertThat(status.at("/data/type").asString()).isEqualTo("pay_recipient");
		assertThat(status.at("/data/attributes/recipient_type").asString()).isEqualTo(label);
		assertThat(status.at("/data/attributes/status").asString()).isEqualTo("Approved");
		assertThat(status.at("/data/attributes/recipient_reference").asString()).matches("[0-9a-f-]{36}");
	}

	@Test
	void mobileWalletRecipientHasTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v1/pay_recipients",
				Api.example("request-pay_recipient-mobile_wallet.json")));
		assertThat(Api.paths(Api.json(Api.get(location, client).body())))
			.isEqualTo(Api.paths(Api.example("status-pay_recipient-mobile_wallet.json")));
	}

	@Test
	void sendPayPostsAProcessedPaymentResult(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v1/payments",
				Api.exampleWithCallback("request-send_pay.json", this.app.url("/k2/results")));
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = Api.location(created);
		PaymentResult result = (PaymentResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.id()).isEqualTo(location.getPath().substring(location.getPath().lastIndexOf('/') + 1));
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.amount()).isEqualByComparingTo("10");
		assertThat(result.currency()).isEqualTo("KES");
		assertThat(result.metadata()).containsEntry("customerId", "8675309");
		assertThat(result.links().self()).isEqualTo(location.toString());
		Disbursement disbursement = result.transferBatches().get(0).disbursements().get(0);
		assertThat(disbursement.amount()).isEqualByComparingTo("10");
		assertThat(disbursement.status()).isEqualTo("Transferred");
		assertThat(disbursement.destinationType()).isEqualTo("Mobile Wallet");
		assertThat(disbursement.destinationReference()).isEqualTo("9764ef5f-fcd6-42c1-bbff-de280becc64b");
		assertThat(disbursement.transactionReference()).matches("[A-Z][A-Z0-9]{9}");
	}

	@Test
	void paymentResultHasTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		Api.post(k2, client, "/api/v1/payments",
				Api.exampleWithCallback("request-send_pay.json", this.app.url("/k2/results")));
		assertThat(K2SimulatorReceivePaymentsTests.shape(Api.json(this.app.awaitOne(WAIT).body())))
			.isEqualTo(K2SimulatorReceivePaymentsTests.shape(Api.example("result-payment-processed.json")));
	}

	@Test
	void paymentIsScheduledUntilProcessed() {
		try (K2Simulator slow = K2Simulator.builder().callbackDelay(Duration.ofMinutes(1)).start()) {
			K2Client client = slow.clientBuilder().build();
			URI location = Api.location(Api.post(slow, client, "/api/v1/payments",
					Api.exampleWithCallback("request-send_pay.json", this.app.url("/k2/results"))));
			PaymentResult scheduled = (PaymentResult) new K2PayloadParser().parse(Api.get(location, client).body());
			assertThat(scheduled.status()).isEqualTo("Scheduled");
			assertThat(scheduled.transferBatches()).isNull();
			assertThat(scheduled.amount()).isEqualByComparingTo("10");
		}
	}

	@Test
	void paymentToAStoredRecipientUsesItsType(K2Simulator k2, K2Client client) {
		URI recipient = Api.location(
				Api.post(k2, client, "/api/v1/pay_recipients", Api.example("request-pay_recipient-bank_account.json")));
		String reference = Api.json(Api.get(recipient, client).body())
			.at("/data/attributes/recipient_reference")
			.asString();
		ObjectNode body = Api.exampleWithCallback("request-send_pay.json", this.app.url("/k2/results"));
		body.put("destination_type", "bank_account").put("destination_reference", reference);
		Api.post(k2, client, "/api/v1/payments", body);
		PaymentResult result = (PaymentResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		Disbursement disbursement = result.transferBatches().get(0).disbursements().get(0);
		assertThat(disbursement.destinationType()).isEqualTo("Bank Account");
		assertThat(disbursement.destinationReference()).isEqualTo(reference);
		assertThat(disbursement.transactionReference()).isNull();
	}

}
