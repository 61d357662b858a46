package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorReceivePaymentsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void stkPushSucceedsWithASignedIncomingPaymentResult(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.receivePayments().createPaymentRequest(request("0712345678"));
		Receiver.Received received = this.app.awaitOne(WAIT);
		assertThat(received.contentType()).startsWith("application/json");
		IncomingPaymentResult result = (IncomingPaymentResult) received.verifiedPayload(k2.apiKey());
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.id()).isEqualTo(location.id());
		assertThat(result.eventType()).isEqualTo("Incoming Payment Request");
		assertThat(result.errors()).isNull();
		assertThat(result.metadata()).containsEntry("order", "42");
		assertThat(result.links().self()).isEqualTo(location.location().toString());
		assertThat(result.links().callbackUrl()).isEqualTo(this.app.url("/k2/results"));
		assertThat(result.resource().amount()).isEqualByComparingTo("250");
		assertThat(result.resource().tillNumber()).isEqualTo("K000000");
		assertThat(result.resource().senderPhoneNumber()).isEqualTo("+254712345678");
		assertThat(result.resource().senderFirstName()).isEqualTo("Jane");
		assertThat(result.resource().senderLastName()).isEqualTo("Doe");
		assertThat(result.resource().status()).isEqualTo("Received");
		assertThat(result.resource().system()).isEqualTo("Lipa Na M-PESA");
		assertThat(result.resource().reference()).matches("[A-Z][A-Z0-9]{9}");
	}

	@Test
	void resultHasTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		client.receivePayments().createPaymentRequest(request("0712345678"));
		JsonNode result = Api.json(this.app.awaitOne(WAIT).body());
		// hashed_sender_phone is the newer field that the older example lacks
		// (docs/k2-webhooks.md §4.1).
		assertThat(shape(result)).isEqualTo(with(shape(Api.example("result-incoming_payment-success.json")),
				"data.attributes.event.resource.hashed_sender_phone"));
	}

	@Test
	void statusIsPendingWhileTheCustomerHasNotAnswered(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.receivePayments()
			.createPaymentRequest(request(MagicPhoneNumbers.NO_CALLBACK));
		HttpResponse<String> status = Api.get(location.location(), client);
		assertThat(status.statusCode()).isEqualTo(200);
		IncomingPaymentResult pending = (IncomingPaymentResult) new K2PayloadParser().parse(status.body());
		assertThat(pending.isPending()).isTrue();
		assertThat(pending.resource()).isNull();
		assertThat(shape(Api.json(status.body())))
			.isEqualTo(shape(Api.example("status-incoming_payment-pending.json")));
	}

	@Test
	void statusAfterTheResultIsTheDocumentThatWasPosted(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.receivePayments().createPaymentRequest(request("0712345678"));
		JsonNode posted = Api.json(this.app.awaitOne(WAIT).body());
		assertThat(Api.json(Api.get(location.location(), client).body())).isEqualTo(posted);
	}

	@ParameterizedTest
	@CsvSource({ "+254700000001, Request cancelled by user",
			"+254700000002, The balance is insufficient for the transaction",
			"+254700000004, The initiator information is invalid." })
	void magicPhoneNumbersFailWithK2sErrors(String phone, String errors, K2Simulator k2, K2Client client) {
		client.receivePayments().createPaymentRequest(request(phone));
		IncomingPaymentResult result = (IncomingPaymentResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.isFailed()).isTrue();
		assertThat(result.resource()).isNull();
		assertThat(result.errors()).isEqualTo(errors);
	}

	@Test
	void failedResultHasTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		client.receivePayments().createPaymentRequest(request(MagicPhoneNumbers.CANCELLED_BY_USER));
		assertThat(shape(Api.json(this.app.awaitOne(WAIT).body())))
			.isEqualTo(shape(Api.example("result-incoming_payment-failed.json")));
	}

	@Test
	void callbackLostNumberSucceedsButOnlyTheLocationTells(K2Simulator k2, K2Client client)
			throws InterruptedException {
		ResourceLocation location = client.receivePayments()
			.createPaymentRequest(request(MagicPhoneNumbers.CALLBACK_LOST));
		long deadline = System.nanoTime() + WAIT.toNanos();
		String status = "Pending";
		while (status.equals("Pending") && System.nanoTime() < deadline) {
			Thread.sleep(20);
			status = Api.json(Api.get(location.location(), client).body()).at("/data/attributes/status").asString();
		}
		assertThat(status).isEqualTo("Success");
		Thread.sleep(200);
		assertThat(this.app.received()).noneMatch((received) -> received.text().contains("\"incoming_payment\""));
	}

	@Test
	void noCallbackNumberNeverCallsBackAndStaysPending(K2Simulator k2, K2Client client) throws InterruptedException {
		ResourceLocation location = client.receivePayments()
			.createPaymentRequest(request(MagicPhoneNumbers.NO_CALLBACK));
		Thread.sleep(300);
		assertThat(this.app.received()).isEmpty();
		assertThat(k2.deliveries()).isEmpty();
		assertThat(Api.json(Api.get(location.location(), client).body()).at("/data/attributes/status").asString())
			.isEqualTo("Pending");
	}

	@Test
	void successfulStkPushAlsoEmitsBuygoodsTransactionReceived(K2Simulator k2, K2Client client) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks"), "K000000"));
		client.receivePayments().createPaymentRequest(request("0712345678"));
		var received = this.app.await(2, WAIT);
		IncomingPaymentResult result = (IncomingPaymentResult) received.get(0).verifiedPayload(k2.apiKey());
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) received.get(1).verifiedPayload(k2.apiKey());
		assertThat(received.get(1).path()).isEqualTo("/k2/webhooks");
		assertThat(event.reference()).isEqualTo(result.resource().reference());
		assertThat(event.resourceId()).isEqualTo(result.resource().id());
		assertThat(event.amount()).isEqualByComparingTo("250");
		assertThat(event.tillNumber()).isEqualTo("K000000");
	}

	@Test
	void failedStkPushEmitsNoWebhook(K2Simulator k2, K2Client client) throws InterruptedException {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks")));
		client.receivePayments().createPaymentRequest(request(MagicPhoneNumbers.INSUFFICIENT_BALANCE));
		this.app.awaitOne(WAIT);
		Thread.sleep(200);
		assertThat(this.app.received()).hasSize(1);
		assertThat(k2.transactions()).isEmpty();
	}

	@Test
	void v2PathTakesTheSameRequestAndAnswersAV2Location(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v2/incoming_payments",
				Api.exampleWithCallback("request-incoming_payment-v2-python.json", this.app.url("/k2/results")));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Api.location(created).toString()).startsWith(k2.baseUrl() + "/api/v2/incoming_payments/");
		IncomingPaymentResult result = (IncomingPaymentResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.resource().tillNumber()).isEqualTo("K112233");
	}

	@Test
	void docsExampleRequestIsAccepted(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v1/incoming_payments",
				Api.example("request-incoming_payment.json"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).isEmpty();
		assertThat(Api.location(created).toString()).matches(k2.baseUrl() + "/api/v1/incoming_payments/[0-9a-f-]{36}");
	}

	private PaymentRequest request(String phone) {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.firstName("Jane")
			.lastName("Doe")
			.phoneNumber(phone)
			.amount(new BigDecimal("250"))
			.metadata(Map.of("order", "42"))
			.callbackUrl(this.app.url("/k2/results"))
			.build();
	}

	/**
	 * The document's field paths, without the metadata's own keys (they echo each
	 * request).
	 */
	static Set<String> shape(JsonNode document) {
		return Api.paths(document)
			.stream()
			.filter((path) -> !path.startsWith("data.attributes.metadata."))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static Set<String> with(Set<String> paths, String... more) {
		Set<String> copy = new TreeSet<>(paths);
		copy.addAll(Set.of(more));
		return copy;
	}

}
