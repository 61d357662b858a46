package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.MutableClock;
import io.k2connect.event.BuygoodsTransactionReversed;
import io.k2connect.event.ReversalResult;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reversals of till payments the simulator received (docs/k2-api.md §12,
 * docs/k2-webhooks.md §3.2, §4.7).
 */
class K2SimulatorReversalTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final MutableClock clock = MutableClock.now();

	@RegisterExtension
	static final K2SimulatorExtension simulator = new K2SimulatorExtension(K2Simulator.builder()
		.callbackDelay(Duration.ofMillis(20))
		.clock(clock)
		// The clock moves by weeks here; tokens must outlive that.
		.tokenLifetime(Duration.ofDays(365)));

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void receivedTillPaymentIsReversedWithASignedResult(K2Simulator k2, K2Client client) {
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("201"), "0712345678");
		HttpResponse<String> created = Api.post(k2, client, "/api/v2/reversals", reversal(tx.reference()));
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = Api.location(created);
		assertThat(location.toString()).startsWith(k2.baseUrl() + "/api/v2/reversals/");
		Receiver.Received received = this.app.awaitOne(WAIT);
		ReversalResult result = (ReversalResult) received.verifiedPayload(k2.apiKey());
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.transactionReference()).isEqualTo(tx.reference());
		assertThat(result.reason()).isEqualTo("Erroneous payment");
		assertThat(result.metadata()).containsEntry("reversalTicket", "#1283833");
		assertThat(result.reversalBulkPayment().amount()).isEqualByComparingTo("201");
		assertThat(result.reversalBulkPayment().status()).isEqualTo("Transferred");
		assertThat(result.reversalBulkPayment().transactionReference()).isNotEqualTo(tx.reference());
		assertThat(Api.get(location, client).body()).isEqualTo(received.text());
	}

	@Test
	void statusIsReceivedUntilProcessedInTheShapesOfK2sExamples(K2Simulator k2, K2Client client) {
		k2.faults().holdDeliveries();
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		URI location = Api.location(Api.post(k2, client, "/api/v2/reversals", reversal(tx.reference())));
		JsonNode received = Api.json(Api.get(location, client).body());
		assertThat(received.at("/data/type").asString()).isEqualTo("reversal");
		assertThat(received.at("/data/attributes/status").asString()).isEqualTo("Received");
		assertThat(K2SimulatorReceivePaymentsTests.shape(received))
			.isEqualTo(K2SimulatorReceivePaymentsTests.shape(Api.example("status-reversal-received.json")));
		k2.faults().releaseDeliveries();
		assertThat(K2SimulatorReceivePaymentsTests.shape(Api.json(this.app.awaitOne(WAIT).body())))
			.isEqualTo(K2SimulatorReceivePaymentsTests.shape(Api.example("result-reversal-processed.json")));
	}

	@Test
	void reversalEmitsBuygoodsTransactionReversedToTheTillsSubscription(K2Simulator k2, K2Client client) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_REVERSED,
					this.app.url("/k2/webhooks"), "555555"));
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("75"), "0712345678");
		Api.post(k2, client, "/api/v2/reversals", reversal(tx.reference()));
		List<Receiver.Received> received = this.app.await(2, WAIT);
		assertThat(received.get(0).path()).isEqualTo("/k2/results");
		BuygoodsTransactionReversed event = (BuygoodsTransactionReversed) received.get(1).verifiedPayload(k2.apiKey());
		assertThat(event.status()).isEqualTo("Reversed");
		assertThat(event.reference()).isEqualTo(tx.reference());
		assertThat(event.resourceId()).isEqualTo(tx.id());
		assertThat(event.amount()).isEqualByComparingTo("75");
		assertThat(event.tillNumber()).isEqualTo("555555");
		assertThat(Api.paths(Api.json(received.get(1).body())))
			.isEqualTo(Api.paths(Api.example("webhook-buygoods_transaction_reversed.json")));
	}

	@Test
	void unknownTransactionReferenceIsRefused(K2Simulator k2, K2Client client) {
		assertRefused(k2, client, reversal("TQ2L262026"), "Transaction reference is invalid");
	}

	@Test
	void paymentCanBeReversedOnlyOnce(K2Simulator k2, K2Client client) {
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		assertThat(Api.post(k2, client, "/api/v2/reversals", reversal(tx.reference())).statusCode()).isEqualTo(201);
		assertRefused(k2, client, reversal(tx.reference()), "Transaction has already been reversed");
	}

	@Test
	void paymentOlderThanThirtyDaysIsRefused(K2Simulator k2, K2Client client) {
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		clock.advance(Duration.ofDays(31));
		assertRefused(k2, client, reversal(tx.reference()), "Transaction is older than 30 days and cannot be reversed");
	}

	@Test
	void stkPushPaymentCanBeReversed(K2Simulator k2, K2Client client) {
		ObjectNode push = Api.exampleWithCallback("request-incoming_payment.json", this.app.url("/k2/stk"));
		Api.post(k2, client, "/api/v2/incoming_payments", push);
		this.app.awaitOne(WAIT);
		String reference = k2.transactions().get(0).reference();
		assertThat(Api.post(k2, client, "/api/v2/reversals", reversal(reference)).statusCode()).isEqualTo(201);
	}

	@Test
	void reasonIsRequired(K2Simulator k2, K2Client client) {
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		ObjectNode body = reversal(tx.reference());
		body.remove("reason");
		assertRefused(k2, client, body, "Reason can't be blank");
	}

	private void assertRefused(K2Simulator k2, K2Client client, ObjectNode body, String message) {
		HttpResponse<String> refused = Api.post(k2, client, "/api/v2/reversals", body);
		assertThat(refused.statusCode()).isEqualTo(400);
		JsonNode error = Api.json(refused.body());
		assertThat(error.get("error_code").asInt()).isEqualTo(400);
		assertThat(error.get("error_message").asString()).isEqualTo(message);
	}

	private ObjectNode reversal(String reference) {
		ObjectNode body = Api.exampleWithCallback("request-reversal.json", this.app.url("/k2/results"));
		body.put("transaction_reference", reference);
		return body;
	}

}
