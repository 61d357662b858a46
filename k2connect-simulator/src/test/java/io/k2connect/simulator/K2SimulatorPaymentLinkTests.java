package io.k2connect.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.MutableClock;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.DarajaEvent;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Payment links (docs/k2-api.md §13, docs/k2-webhooks.md §4.8): created active, paid by a
 * customer through the Java API or the admin endpoint, cancelled, expired by the clock.
 */
class K2SimulatorPaymentLinkTests {

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
	void linkIsCreatedActiveInTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v2/payment_links", link());
		assertThat(created.statusCode()).isEqualTo(201);
		URI location = Api.location(created);
		assertThat(location.toString()).startsWith(k2.baseUrl() + "/api/v2/payment_links/");
		JsonNode status = Api.json(Api.get(location, client).body());
		assertThat(status.at("/data/type").asString()).isEqualTo("payment_link");
		assertThat(status.at("/data/attributes/till_number").asString()).isEqualTo("4321");
		assertThat(status.at("/data/attributes/amount").asInt()).isEqualTo(1000);
		assertThat(status.at("/data/attributes/payment_link/payment_link_status").asString()).isEqualTo("Active");
		OffsetDateTime createdAt = OffsetDateTime.parse(status.at("/data/attributes/created_at").asString());
		OffsetDateTime expiresAt = OffsetDateTime
			.parse(status.at("/data/attributes/payment_link/expires_at").asString());
		assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(7));
		assertThat(K2SimulatorReceivePaymentsTests.shape(status))
			.isEqualTo(K2SimulatorReceivePaymentsTests.shape(Api.example("status-payment_link-active.json")));
	}

	@Test
	void customerPaysTheLinkThenResultAndWebhookAreSigned(K2Simulator k2, K2Client client) {
		subscribeTill(client, "4321");
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		TillTransaction tx = k2.payPaymentLink(location.toString(), "0716230902");
		assertThat(tx.amount()).isEqualByComparingTo("1000");
		assertThat(tx.tillNumber()).isEqualTo("4321");
		List<Receiver.Received> received = this.app.await(2, WAIT);
		PaymentLinkResult result = (PaymentLinkResult) received.get(0).verifiedPayload(k2.apiKey());
		assertThat(result.isPaid()).isTrue();
		assertThat(result.paymentLink().transactionReference()).isEqualTo(tx.reference());
		assertThat(result.paymentLink().senderPhoneNumber()).isEqualTo("254716230902");
		assertThat(result.paymentReference()).isEqualTo("INV02932922");
		assertThat(result.metadata()).containsEntry("account_number", "1234567");
		assertThat(K2SimulatorReceivePaymentsTests.shape(Api.json(received.get(0).body())))
			.isEqualTo(K2SimulatorReceivePaymentsTests.shape(Api.example("result-payment_link-paid.json")));
		assertThat(Api.get(location, client).body()).isEqualTo(received.get(0).text());
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) received.get(1).verifiedPayload(k2.apiKey());
		assertThat(event.reference()).isEqualTo(tx.reference());
		assertThat(event.amount()).isEqualByComparingTo("1000");
		assertThat(k2.transactions()).containsExactly(tx);
	}

	@Test
	void linkCanBePaidByItsIdWithTheCustomersNames(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		String id = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
		TillTransaction tx = k2.payPaymentLink(id, "+254716230902", "Wanjiku", null, "Kamau");
		assertThat(tx.senderFirstName()).isEqualTo("Wanjiku");
		assertThat(tx.senderLastName()).isEqualTo("Kamau");
	}

	@Test
	void paidLinkCannotBePaidOrCancelledAgain(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		k2.payPaymentLink(location.toString(), "0716230902");
		assertThatIllegalStateException().isThrownBy(() -> k2.payPaymentLink(location.toString(), "0716230902"))
			.withMessage("Payment link has already been paid");
		assertCancelRefused(client, location, "Payment link has already been paid");
	}

	@Test
	void cancelAnswersK2sMessageAndTheLinkCannotBePaid(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		HttpResponse<String> cancelled = cancel(client, location);
		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(Api.json(cancelled.body())).isEqualTo(Api.example("response-payment_link-cancel.json"));
		assertThat(Api.json(Api.get(location, client).body())
			.at("/data/attributes/payment_link/payment_link_status")
			.asString()).isEqualTo("Cancelled");
		assertThatIllegalStateException().isThrownBy(() -> k2.payPaymentLink(location.toString(), "0716230902"))
			.withMessage("Payment link has been cancelled");
		assertCancelRefused(client, location, "Payment link has been cancelled");
		assertThat(k2.transactions()).isEmpty();
	}

	@Test
	void linkExpiresAWeekAfterCreation(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		clock.advance(Duration.ofDays(7).plusSeconds(1));
		assertThat(Api.json(Api.get(location, client).body())
			.at("/data/attributes/payment_link/payment_link_status")
			.asString()).isEqualTo("Expired");
		assertThatIllegalStateException().isThrownBy(() -> k2.payPaymentLink(location.toString(), "0716230902"))
			.withMessage("Payment link has expired");
		assertCancelRefused(client, location, "Payment link has expired");
	}

	@Test
	void linkCanStillBePaidJustBeforeItExpires(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		clock.advance(Duration.ofDays(7).minusSeconds(1));
		assertThat(k2.payPaymentLink(location.toString(), "0716230902").amount()).isEqualByComparingTo("1000");
	}

	@Test
	void unknownLinkCannotBePaidOrCancelled(K2Simulator k2, K2Client client) {
		assertThatIllegalArgumentException().isThrownBy(() -> k2.payPaymentLink("no-such-link", "0716230902"));
		assertThat(cancel(client, k2.baseUrl().resolve("/api/v2/payment_links/no-such-link")).statusCode())
			.isEqualTo(404);
	}

	@Test
	void cancelNeedsPostAndAToken(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		URI cancel = URI.create(location + "/cancel");
		assertThat(Api.get(cancel, client).statusCode()).isEqualTo(405);
		assertThat(
				Api.send(HttpRequest.newBuilder(cancel).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode())
			.isEqualTo(401);
	}

	@Test
	void adminEndpointPaysTheLink(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		String id = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
		HttpResponse<String> paid = adminPay(k2, id, "{\"phone_number\":\"0716230902\",\"first_name\":\"Amina\"}");
		assertThat(paid.statusCode()).isEqualTo(201);
		PaymentLinkResult result = (PaymentLinkResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.paymentLink().transactionReference())
			.isEqualTo(Api.json(paid.body()).get("reference").asString());
		assertThat(Api.json(paid.body()).get("sender_first_name").asString()).isEqualTo("Amina");
	}

	@Test
	void adminEndpointRefusesAnInactiveOrUnknownLinkInK2sShape(K2Simulator k2, K2Client client) {
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		String id = location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
		cancel(client, location);
		HttpResponse<String> refused = adminPay(k2, id, "{\"phone_number\":\"0716230902\"}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Api.json(refused.body()).get("error_message").asString())
			.isEqualTo("Payment link has been cancelled");
		assertThat(adminPay(k2, "no-such-link", "{\"phone_number\":\"0716230902\"}").statusCode()).isEqualTo(404);
		HttpResponse<String> badPhone = adminPay(k2, id, "{\"phone_number\":\"12\"}");
		assertThat(badPhone.statusCode()).isEqualTo(400);
		assertThat(Api.json(badPhone.body()).get("error_message").asString())
			.isEqualTo("Phone number is an invalid number");
	}

	@Test
	void paidLinkGoesToDarajaSubscriptionsInTheDarajaFormat(K2Simulator k2, K2Client client) {
		ObjectNode subscription = Api.example("request-webhook_subscription-v2-daraja.json");
		subscription.put("url", this.app.url("/daraja"));
		subscription.put("scope_reference", "4321");
		Api.post(k2, client, "/api/v2/webhook_subscriptions", subscription);
		URI location = Api.location(Api.post(k2, client, "/api/v2/payment_links", link()));
		TillTransaction tx = k2.payPaymentLink(location.toString(), "0716230902");
		DarajaEvent event = (DarajaEvent) this.app.await(2, WAIT).get(1).verifiedPayload(k2.apiKey());
		assertThat(event.transactionId()).isEqualTo(tx.reference());
		assertThat(event.businessShortCode()).isEqualTo("4321");
	}

	private void subscribeTill(K2Client client, String till) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks"), till));
	}

	private static HttpResponse<String> cancel(K2Client client, URI location) {
		return Api.send(HttpRequest.newBuilder(URI.create(location + "/cancel"))
			.header("Authorization", "Bearer " + client.accessToken().accessToken())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private static void assertCancelRefused(K2Client client, URI location, String message) {
		HttpResponse<String> refused = cancel(client, location);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Api.json(refused.body()).get("error_message").asString()).isEqualTo(message);
	}

	private static HttpResponse<String> adminPay(K2Simulator k2, String id, String json) {
		return Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/payment_links/" + id + "/pay"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private ObjectNode link() {
		return Api.exampleWithCallback("request-payment_link.json", this.app.url("/k2/results"));
	}

}
