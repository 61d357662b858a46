package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.K2ConnectionException;
import io.k2connect.K2ServerException;
import io.k2connect.K2SignatureException;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import io.k2connect.webhook.K2SignatureVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@K2SimulatorTest(callbackDelayMillis = 20)
class SimulatorFaultsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void failNextAnswersTheStatusThenRecovers(K2Simulator k2, K2Client client) {
		String token = client.accessToken().accessToken();
		k2.faults().failNext(2, 503);
		HttpResponse<String> first = Api.post(k2, token, "/api/v1/polling", "{}");
		HttpResponse<String> second = Api.post(k2, token, "/api/v1/polling", "{}");
		HttpResponse<String> third = Api.post(k2, token, "/api/v1/polling", "{}");
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(Api.json(first.body()).get("error_code").asInt()).isEqualTo(503);
		assertThat(Api.json(first.body()).get("error_message").asString()).isEqualTo("Simulated failure");
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(third.statusCode()).isEqualTo(400);
	}

	@Test
	void tokenCallSurvivesTwo503sThroughTheClientsRetries(K2Simulator k2) {
		K2Client client = k2.clientBuilder().retryBackoff(Duration.ofMillis(10)).build();
		k2.faults().failNext(2, 503, "/oauth/token");
		assertThat(client.tokens().requestAccessToken().accessToken()).isNotBlank();
		assertThat(k2.requests("POST", "/oauth/token")).hasSize(3);
	}

	@Test
	void paymentPostThatGotA500IsNotSentAgain(K2Simulator k2, K2Client client) throws InterruptedException {
		client.accessToken();
		k2.faults().failNext(1, 500);
		assertThatExceptionOfType(K2ServerException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(stkPush()));
		Thread.sleep(100);
		assertThat(k2.requests("POST", "/api/v2/incoming_payments")).hasSize(1);
		assertThat(k2.deliveries()).isEmpty();
	}

	@Test
	void failNextWithAPathLeavesOtherPathsAlone(K2Simulator k2, K2Client client) {
		client.accessToken();
		k2.faults().failNext(1, 500, "/api/v1/payments");
		assertThat(client.receivePayments().createPaymentRequest(stkPush()).id()).isNotBlank();
		assertThat(Api.post(k2, client, "/api/v1/payments", Api.example("request-send_pay.json")).statusCode())
			.isEqualTo(500);
	}

	@Test
	void failNextRefusesStatusesThatAreNotErrors(K2Simulator k2) {
		assertThatIllegalArgumentException().isThrownBy(() -> k2.faults().failNext(1, 200));
	}

	@Test
	void slowNextTripsTheClientsReadTimeout(K2Simulator k2) {
		K2Client client = k2.clientBuilder().readTimeout(Duration.ofMillis(200)).maxRetries(0).build();
		client.accessToken();
		k2.faults().slowNext(1, Duration.ofMillis(800));
		assertThatExceptionOfType(K2ConnectionException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(stkPush()))
			.withMessageContaining("timed out");
	}

	@Test
	void latencyDelaysEveryAnswer(K2Simulator k2, K2Client client) {
		client.accessToken();
		k2.faults().latency(Duration.ofMillis(150));
		long start = System.nanoTime();
		client.receivePayments().createPaymentRequest(stkPush());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
	}

	@Test
	void droppedConnectionReachesTheClientAsAConnectionFailureAndCreatesNothing(K2Simulator k2, K2Client client)
			throws InterruptedException {
		client.accessToken();
		k2.faults().dropNextConnection();
		assertThatExceptionOfType(K2ConnectionException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(stkPush()));
		Thread.sleep(150);
		assertThat(k2.requests("POST", "/api/v2/incoming_payments")).hasSize(1);
		assertThat(this.app.received()).isEmpty();
	}

	@Test
	void droppedResponseStillProcessesThePayment(K2Simulator k2, K2Client client) {
		client.accessToken();
		k2.faults().dropNextResponse();
		assertThatExceptionOfType(K2ConnectionException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(stkPush()));
		IncomingPaymentResult result = (IncomingPaymentResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.isSuccess()).isTrue();
		assertThat(k2.requests("POST", "/api/v2/incoming_payments")).hasSize(1);
	}

	@Test
	void deliverTwicePostsTheSameBodyAndSignatureTwice(K2Simulator k2, K2Client client) {
		k2.faults().deliverTwice();
		client.receivePayments().createPaymentRequest(stkPush());
		List<Receiver.Received> received = this.app.await(2, WAIT);
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		assertThat(received.get(1).signature()).isEqualTo(received.get(0).signature());
		assertThat(k2.awaitDeliveries(2, WAIT)).allSatisfy((delivery) -> assertThat(delivery.isSuccess()).isTrue());
	}

	@Test
	void deliverOutOfOrderSendsTheWebhookBeforeTheResultThatCausedIt(K2Simulator k2, K2Client client) {
		subscribeTill(client, "K000000");
		k2.faults().deliverOutOfOrder();
		client.receivePayments().createPaymentRequest(stkPush());
		List<Receiver.Received> received = this.app.await(2, WAIT);
		assertThat(received.get(0).verifiedPayload(k2.apiKey())).isInstanceOf(BuygoodsTransactionReceived.class);
		assertThat(received.get(1).verifiedPayload(k2.apiKey())).isInstanceOf(IncomingPaymentResult.class);
	}

	@Test
	void deliverOutOfOrderStillSendsALoneDelivery(K2Simulator k2, K2Client client) {
		k2.faults().deliverOutOfOrder();
		client.receivePayments().createPaymentRequest(stkPush());
		assertThat(this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey())).isInstanceOf(IncomingPaymentResult.class);
	}

	@Test
	void heldDeliveriesAreReleasedNewestFirst(K2Simulator k2, K2Client client) throws InterruptedException {
		subscribeTill(client, "555555");
		k2.faults().holdDeliveries();
		TillTransaction first = k2.customerPaysTill("555555", new BigDecimal("1"), "0712345678");
		TillTransaction second = k2.customerPaysTill("555555", new BigDecimal("2"), "0712345678");
		Thread.sleep(100);
		assertThat(this.app.received()).isEmpty();
		assertThat(k2.faults().releaseDeliveriesInReverse()).isEqualTo(2);
		assertThat(this.app.await(2, WAIT))
			.extracting((r) -> Api.json(r.body()).at("/event/resource/reference").asString())
			.containsExactly(second.reference(), first.reference());
	}

	@Test
	void heldDeliveriesAreReleasedInOrder(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		k2.faults().holdDeliveries();
		TillTransaction first = k2.customerPaysTill("555555", new BigDecimal("1"), "0712345678");
		TillTransaction second = k2.customerPaysTill("555555", new BigDecimal("2"), "0712345678");
		assertThat(k2.faults().releaseDeliveries()).isEqualTo(2);
		assertThat(this.app.await(2, WAIT))
			.extracting((r) -> Api.json(r.body()).at("/event/resource/reference").asString())
			.containsExactly(first.reference(), second.reference());
	}

	@Test
	void heldWebhooksWaitWhileResultsStillGo(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		k2.faults().holdWebhooks();
		TillTransaction held = k2.customerPaysTill("555555", new BigDecimal("1"), "0712345678");
		client.receivePayments().createPaymentRequest(stkPush());
		// The STK push's result comes (to another till: no webhook here); the till
		// payment's webhook waits.
		assertThat(this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey())).isInstanceOf(IncomingPaymentResult.class);
		assertThat(this.app.received()).hasSize(1);
		assertThat(k2.faults().releaseDeliveries()).isEqualTo(1);
		assertThat(this.app.await(2, WAIT)).extracting((r) -> Api.json(r.body()).at("/event/resource/reference"))
			.anySatisfy((reference) -> assertThat(reference.asString()).isEqualTo(held.reference()));
	}

	@Test
	void signWithWrongKeyFailsTheApplicationsCheck(K2Simulator k2, K2Client client) {
		k2.faults().signWithWrongKey();
		client.receivePayments().createPaymentRequest(stkPush());
		Receiver.Received received = this.app.awaitOne(WAIT);
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(k2.apiKey()).verify(received.body(), received.signature()));
	}

	@Test
	void clearTurnsEveryFaultOff(K2Simulator k2, K2Client client) {
		client.accessToken();
		k2.faults().failNext(5, 500).signWithWrongKey().deliverTwice().clear();
		client.receivePayments().createPaymentRequest(stkPush());
		Receiver.Received received = this.app.awaitOne(WAIT);
		assertThat(received.verifiedPayload(k2.apiKey())).isInstanceOf(IncomingPaymentResult.class);
		assertThat(k2.awaitDeliveries(1, WAIT)).hasSize(1);
	}

	@Test
	void adminEndpointSwitchesFaultsOn(K2Simulator k2, K2Client client) {
		client.accessToken();
		HttpResponse<String> switched = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/faults"))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"fail_next\":{\"count\":1,\"status\":502,\"path_prefix\":\"/api/v1/polling\"}}"))
			.build());
		assertThat(switched.statusCode()).isEqualTo(204);
		assertThat(Api.post(k2, client, "/api/v1/polling", Api.json("{}")).statusCode()).isEqualTo(502);
	}

	@Test
	void adminEndpointRefusesAMalformedCount(K2Simulator k2) {
		HttpResponse<String> refused = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/faults"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"fail_next\":{\"count\":\"abc\",\"status\":502}}"))
			.build());

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("count must be a whole number");
	}

	@Test
	void adminEndpointDropsTheNextConnectionOnAPath(K2Simulator k2, K2Client client) {
		client.accessToken();
		HttpResponse<String> switched = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/faults"))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"drop_next_connection\":true,\"path_prefix\":\"/api/v1/polling\"}"))
			.build());
		assertThat(switched.statusCode()).isEqualTo(204);

		assertThat(Api.post(k2, client, "/api/v1/incoming_payments", Api.json("{}")).statusCode()).isEqualTo(400);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> Api.post(k2, client, "/api/v1/polling", Api.json("{}")));
	}

	@Test
	void aHungReceiverDelaysOnlyItsOwnDeliveries(K2Simulator k2, K2Client client) {
		try (Receiver hung = Receiver.start()) {
			hung.answerAfter(Duration.ofSeconds(4));
			client.receivePayments()
				.createPaymentRequest(PaymentRequest.builder()
					.tillNumber("K000000")
					.phoneNumber("0712345678")
					.amount(BigDecimal.TEN)
					.callbackUrl(hung.url("/k2/results"))
					.build());
			client.receivePayments().createPaymentRequest(stkPush());

			long started = System.nanoTime();
			this.app.awaitOne(WAIT);

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
			assertThat(hung.received()).isEmpty();
		}
	}

	@Test
	void deliveryRecordsWhatTheApplicationAnswered(K2Simulator k2, K2Client client) {
		this.app.answer(500);
		client.receivePayments().createPaymentRequest(stkPush());
		Delivery delivery = k2.awaitDeliveries(1, WAIT).get(0);
		assertThat(delivery.kind()).isEqualTo(Delivery.Kind.RESULT);
		assertThat(delivery.type()).isEqualTo("incoming_payment");
		assertThat(delivery.url()).isEqualTo(this.app.url("/k2/results"));
		assertThat(delivery.status()).isEqualTo(500);
		assertThat(delivery.isSuccess()).isFalse();
		assertThat(delivery.error()).isNull();
		assertThat(delivery.attempt()).isEqualTo(1);
		assertThat(delivery.signature()).isEqualTo(this.app.received().get(0).signature());
	}

	@Test
	void deliveryToAnUnreachableUrlRecordsTheError(K2Simulator k2, K2Client client) {
		client.receivePayments()
			.createPaymentRequest(PaymentRequest.builder()
				.tillNumber("K000000")
				.phoneNumber("0712345678")
				.amount(BigDecimal.TEN)
				.callbackUrl("http://127.0.0.1:9/closed")
				.build());
		Delivery delivery = k2.awaitDeliveries(1, WAIT).get(0);
		assertThat(delivery.status()).isZero();
		assertThat(delivery.error()).isNotBlank();
	}

	@Test
	void redeliveriesRetryAFailedDelivery() {
		try (K2Simulator k2 = K2Simulator.builder()
			.callbackDelay(Duration.ZERO)
			.redeliveries(2)
			.redeliveryDelay(Duration.ofMillis(20))
			.start()) {
			this.app.answer(503);
			k2.clientBuilder().build().receivePayments().createPaymentRequest(stkPush());
			List<Delivery> deliveries = k2.awaitDeliveries(3, WAIT);
			assertThat(deliveries).extracting(Delivery::attempt).containsExactly(1, 2, 3);
			assertThat(deliveries).extracting(Delivery::body)
				.allSatisfy((body) -> assertThat(body).isEqualTo(deliveries.get(0).body()));
		}
	}

	private PaymentRequest stkPush() {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.phoneNumber("0712345678")
			.amount(new BigDecimal("250"))
			.callbackUrl(this.app.url("/k2/results"))
			.build();
	}

	private void subscribeTill(K2Client client, String till) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks"), till));
	}

}
