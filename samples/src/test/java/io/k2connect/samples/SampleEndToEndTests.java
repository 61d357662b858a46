package io.k2connect.samples;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.k2connect.K2ServerException;
import io.k2connect.ResourceLocation;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2Payload;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.event.ReversalResult;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.event.SettlementTransferCompleted;
import io.k2connect.event.SettlementTransferResult;
import io.k2connect.receive.ReceivePaymentsService;
import io.k2connect.sendmoney.MobileWalletDestination;
import io.k2connect.sendmoney.SendMoneyRequest;
import io.k2connect.sendmoney.SendMoneyService;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.webhook.K2SignatureVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow on the embedded simulator, through real sockets both ways: the app calls
 * the simulator, the simulator posts signed callbacks and webhooks to the app's
 * own @K2Webhook endpoint, and typed events reach the listeners.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"k2.simulator.callback-delay=100ms", "k2.recovery.result-timeout=1s", "k2.recovery.poll-interval=100ms" })
class SampleEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private K2Simulator simulator;

	@Autowired
	private Events events;

	@Autowired
	private Ledger ledger;

	@Autowired
	private ReceivePaymentsService receivePayments;

	@Autowired
	private SendMoneyService sendMoney;

	private RestClient app;

	@BeforeEach
	void setUp() {
		this.app = RestClient.create("http://localhost:" + this.port);
		this.events.received.clear();
		this.simulator.faults().clear();
	}

	@Test
	void successfulStkPushArrivesAsASignedIncomingPaymentResult() {
		String id = requestPayment("0712345678", "250");

		IncomingPaymentResult result = awaitResult(IncomingPaymentResult.class, id);

		assertThat(result.isSuccess()).isTrue();
		assertThat(result.resource().amount()).isEqualByComparingTo("250");
		assertThat(result.resource().senderPhoneNumber()).isEqualTo("+254712345678");
		assertThat(this.ledger.payment(id).status()).isEqualTo("Success");
		assertThat(this.ledger.payment(id).mpesaReference()).isNotBlank();
		assertThat(this.simulator.deliveries()).anySatisfy((delivery) -> {
			assertThat(delivery.url()).isEqualTo("http://localhost:" + this.port + "/k2/webhooks");
			assertThat(delivery.status()).isEqualTo(200);
		});
	}

	@Test
	void aPaymentWhoseCallbackIsLostIsRecoveredAndShownAsSuch() {
		String id = requestPayment("0700000006", "120");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.ledger.payment(id) != null && this.ledger.payment(id).recovered());
		assertThat(this.ledger.payment(id).status()).isEqualTo("Success");
		assertThat(this.ledger.payment(id).mpesaReference()).isNotBlank();
		assertThat(this.ledger.events()).anySatisfy((event) -> assertThat(event.kind()).contains("recovered"));
		assertThat(this.simulator.deliveries())
			.noneMatch((delivery) -> new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8).contains(id));
	}

	@Test
	void cancelledStkPushArrivesAsAFailedResult() {
		String id = requestPayment("0700000001", "99");

		IncomingPaymentResult result = awaitResult(IncomingPaymentResult.class, id);

		assertThat(result.isFailed()).isTrue();
		assertThat(result.errors()).isEqualTo("Request cancelled by user");
		assertThat(this.ledger.payment(id).status()).isEqualTo("Failed");
	}

	@Test
	void customerPayingTheTillArrivesAsABuygoodsWebhook() {
		Map<String, String> response = this.app.post()
			.uri("/simulator/till-payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("phone", "0722000111", "amount", 100))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});

		BuygoodsTransactionReceived event = await().atMost(WAIT)
			.until(() -> this.events.first(BuygoodsTransactionReceived.class,
					(e) -> response.get("reference").equals(e.reference())), (e) -> e != null);

		assertThat(event.amount()).isEqualByComparingTo("100");
		assertThat(event.tillNumber()).isEqualTo("K000000");
	}

	@Test
	void payoutWithSendMoneyArrivesAsAProcessedSendMoneyResult() {
		Map<String, String> response = post("/payouts",
				Map.of("phone", "0712345678", "amount", 100, "firstName", "Jane", "lastName", "Doe"));

		SendMoneyResult result = awaitResult(SendMoneyResult.class, response.get("id"));

		assertThat(result.isProcessed()).isTrue();
		assertThat(result.transferBatches().get(0).disbursements().get(0).amount()).isEqualByComparingTo("100");
		assertThat(this.simulator.requests("POST", "/api/v2/send_money")).isNotEmpty();
	}

	@Test
	void paymentLinkPaidOnTheSimulatorArrivesAsAPaidResultAndATillWebhook() {
		Map<String, String> link = post("/payment-links", Map.of("amount", 250, "reference", "order-7"));

		Map<String, String> payment = post("/simulator/payment-link-payments",
				Map.of("location", link.get("location")));

		PaymentLinkResult result = awaitResult(PaymentLinkResult.class, link.get("id"));
		assertThat(result.isPaid()).isTrue();
		assertThat(result.paymentLink().transactionReference()).isEqualTo(payment.get("reference"));
		BuygoodsTransactionReceived webhook = await().atMost(WAIT)
			.until(() -> this.events.first(BuygoodsTransactionReceived.class,
					(e) -> payment.get("reference").equals(e.reference())), (e) -> e != null);
		assertThat(webhook.amount()).isEqualByComparingTo("250");
	}

	@Test
	void cancelledPaymentLinkCannotBePaid() {
		Map<String, String> link = post("/payment-links", Map.of("amount", 300));

		Map<String, String> cancelled = post("/payment-links/cancellations", Map.of("location", link.get("location")));

		assertThat(cancelled.get("message")).isEqualTo("Payment link cancelled.");
		Integer status = this.app.post()
			.uri("/simulator/payment-link-payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("location", link.get("location")))
			.exchange((request, answer) -> answer.getStatusCode().value());
		assertThat(status).isEqualTo(409);
	}

	@Test
	void reversalOfATillPaymentArrivesAsAProcessedReversalResult() {
		String reference = this.simulator.customerPaysTill("K000000", new BigDecimal("120"), "0722000111").reference();

		Map<String, String> response = post("/reversals", Map.of("reference", reference));

		ReversalResult result = awaitResult(ReversalResult.class, response.get("id"));
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.transactionReference()).isEqualTo(reference);
	}

	@Test
	void settlementArrivesAsAResultAndACompletedWebhook() {
		// A blind transfer settles the balance; make sure there is one to settle.
		this.simulator.customerPaysTill("K000000", new BigDecimal("500"), "0722000111");
		Map<String, String> response = this.app.post()
			.uri("/settlements")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});

		SettlementTransferResult result = awaitResult(SettlementTransferResult.class, response.get("id"));

		assertThat(result.status()).isEqualTo("Processed");
		BigDecimal amount = result.transferBatches().get(0).disbursements().get(0).amount();
		SettlementTransferCompleted completed = await().atMost(WAIT)
			.until(() -> this.events.first(SettlementTransferCompleted.class,
					(e) -> e.amount() != null && e.amount().compareTo(amount) == 0), (e) -> e != null);
		assertThat(completed.status()).isEqualTo("Transferred");
	}

	@Test
	void invalidPaymentFormGivesTheBrokenFields() {
		int before = this.simulator.requests("POST", "/api/v2/incoming_payments").size();
		String body = this.app.post()
			.uri("/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("phone", "12345", "amount", -1))
			.exchange((request, response) -> {
				assertThat(response.getStatusCode().value()).isEqualTo(400);
				return new String(response.getBody().readAllBytes());
			});

		assertThat(body).contains("subscriber.phone_number").contains("amount.value");
		assertThat(this.simulator.requests("POST", "/api/v2/incoming_payments")).hasSize(before);
	}

	@Test
	void tillPaymentWithoutAnAmountIsABadRequestNotAServerError() {
		int status = this.app.post()
			.uri("/simulator/till-payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("phone", "0722000111"))
			.exchange((request, response) -> response.getStatusCode().value());

		assertThat(status).isEqualTo(400);
	}

	@Test
	void aCallbackThatOvertakesTheRequestKeepsItsOutcome() {
		this.ledger.paymentSettled("early-1", "Success", "MPESA123", null, false);
		this.ledger.paymentRequested("early-1", "0712345678", BigDecimal.ONE);

		assertThat(this.ledger.payment("early-1")).satisfies((payment) -> {
			assertThat(payment.status()).isEqualTo("Success");
			assertThat(payment.mpesaReference()).isEqualTo("MPESA123");
			assertThat(payment.phone()).isEqualTo("0712345678");
		});
	}

	@Test
	void statusReadSurvivesTwo503s() {
		ResourceLocation location = ResourceLocation.of(this.app.post()
			.uri("/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("phone", "0712345678", "amount", 10))
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.get("location"));
		int before = this.simulator.requests("GET", location.location().getPath()).size();
		this.simulator.faults().failNext(2, 503, location.location().getPath());

		IncomingPaymentResult status = this.receivePayments.paymentRequestStatus(location);

		assertThat(status.id()).isEqualTo(location.id());
		assertThat(this.simulator.requests("GET", location.location().getPath())).hasSize(before + 3);
	}

	@Test
	void sendMoneyThatGot500IsNotSentAgain() {
		int before = this.simulator.requests("POST", "/api/v2/send_money").size();
		this.simulator.faults().failNext(1, 500, "/api/v2/send_money");

		assertThatExceptionOfType(K2ServerException.class)
			.isThrownBy(() -> this.sendMoney.sendMoney(SendMoneyRequest.builder()
				.destination(MobileWalletDestination.builder()
					.phoneNumber("0712345678")
					.amount(BigDecimal.TEN)
					.description("must not be sent twice"))
				.callbackUrl("http://localhost:" + this.port + "/k2/webhooks")
				.build()));

		assertThat(this.simulator.requests("POST", "/api/v2/send_money")).hasSize(before + 1);
	}

	@Test
	void callbacksAreSignedWithTheSimulatorsApiKey() {
		String id = requestPayment("0712345678", "5");
		awaitResult(IncomingPaymentResult.class, id);

		K2SignatureVerifier verifier = new K2SignatureVerifier(this.simulator.apiKey());
		assertThat(this.simulator.deliveries()).isNotEmpty()
			.allSatisfy((delivery) -> verifier.verify(delivery.body(), delivery.signature()));
	}

	@Test
	void pageIsServedWithoutABuildStep() {
		String page = this.app.get().uri("/").retrieve().body(String.class);

		assertThat(page).contains("<form id=\"stk\">").contains("new EventSource('/updates')");
	}

	@Test
	void ciRunsTheTestCommandThatIncludesThisModule() throws Exception {
		Path root = Path.of("..").toAbsolutePath().normalize();

		// .ci/run also fails when this class's report is missing, so a skipped module
		// cannot pass.
		assertThat(Files.readString(root.resolve(".ci/run"))).contains("./mvnw -B verify")
			.contains("TEST-io.k2connect.samples.SampleEndToEndTests.xml");
		assertThat(Files.readString(root.resolve("pom.xml"))).contains("<module>samples</module>");
		assertThat(Files.readString(root.resolve("README.md"))).contains("./mvnw -B verify")
			.contains("./mvnw -pl samples -am spring-boot:run");
	}

	private String requestPayment(String phone, String amount) {
		Map<String, String> response = this.app.post()
			.uri("/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("phone", phone, "amount", new BigDecimal(amount)))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(response).containsKey("id");
		return response.get("id");
	}

	private Map<String, String> post(String path, Map<String, ?> body) {
		return this.app.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

	private <T extends io.k2connect.event.K2Result> T awaitResult(Class<T> type, String id) {
		return await().atMost(WAIT).until(() -> this.events.first(type, (r) -> id.equals(r.id())), (r) -> r != null);
	}

	/** Records every typed event the app's listeners see. */
	static class Events {

		final List<K2Payload> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(K2Payload payload) {
			this.received.add(payload);
		}

		<T> T first(Class<T> type, java.util.function.Predicate<T> matching) {
			return this.received.stream()
				.filter(type::isInstance)
				.map(type::cast)
				.filter(matching)
				.findFirst()
				.orElse(null);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingConfiguration {

		@Bean
		Events events() {
			return new Events();
		}

	}

}
