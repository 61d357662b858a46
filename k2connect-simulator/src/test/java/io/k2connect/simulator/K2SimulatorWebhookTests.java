package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.DarajaEvent;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorWebhookTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void subscriptionIsStoredAndReadable(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks"), "555555"));
		assertThat(location.location().toString()).startsWith(k2.baseUrl() + "/api/v2/webhook_subscriptions/");
		JsonNode status = Api.json(Api.get(location.location(), client).body());
		assertThat(status.at("/data/id").asString()).isEqualTo(location.id());
		assertThat(status.at("/data/type").asString()).isEqualTo("webhook_subscription");
		JsonNode attributes = status.at("/data/attributes");
		assertThat(attributes.get("event_type").asString()).isEqualTo("buygoods_transaction_received");
		assertThat(attributes.get("webhook_uri").asString()).isEqualTo(this.app.url("/k2/webhooks"));
		assertThat(attributes.get("status").asString()).isEqualTo("Active");
		assertThat(attributes.get("scope").asString()).isEqualTo("till");
		assertThat(attributes.get("scope_reference").asString()).isEqualTo("555555");
	}

	@Test
	void tillPaymentEmitsSignedBuygoodsTransactionReceivedToTheTillsSubscription(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("100"), "0712345678");
		Receiver.Received received = this.app.awaitOne(WAIT);
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) received.verifiedPayload(k2.apiKey());
		assertThat(event.topic()).isEqualTo("buygoods_transaction_received");
		assertThat(event.eventType()).isEqualTo("Buygoods Transaction");
		assertThat(event.resourceId()).isEqualTo(tx.id());
		assertThat(event.reference()).isEqualTo(tx.reference());
		assertThat(event.amount()).isEqualByComparingTo("100");
		assertThat(event.currency()).isEqualTo("KES");
		assertThat(event.tillNumber()).isEqualTo("555555");
		assertThat(event.senderPhoneNumber()).isEqualTo("+254712345678");
		assertThat(event.hashedSenderPhone()).matches("[0-9a-f]{64}");
		assertThat(event.senderFirstName()).isEqualTo("John");
		assertThat(event.senderLastName()).isEqualTo("Doe");
		assertThat(event.status()).isEqualTo("Received");
		assertThat(event.system()).isEqualTo("Lipa Na M-PESA");
		assertThat(event.links().self()).isEqualTo(k2.baseUrl() + "/webhook_events/" + event.id());
		assertThat(event.links().resource()).isEqualTo(k2.baseUrl() + "/financial_transaction/" + tx.id());
	}

	@Test
	void webhookHasTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		k2.customerPaysTill("555555", new BigDecimal("100"), "0712345678");
		assertThat(Api.paths(Api.json(this.app.awaitOne(WAIT).body())))
			.isEqualTo(Api.paths(Api.example("webhook-buygoods_transaction_received.json")));
	}

	@Test
	void companySubscriptionReceivesPaymentsToEveryTill(K2Simulator k2, K2Client client) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks")));
		k2.customerPaysTill("111111", new BigDecimal("10"), "0712345678");
		k2.customerPaysTill("222222", new BigDecimal("20"), "0712345678");
		assertThat(this.app.await(2, WAIT))
			.extracting((r) -> Api.json(r.body()).at("/event/resource/till_number").asString())
			.containsExactly("111111", "222222");
	}

	@Test
	void subscriptionForAnotherTillReceivesNothing(K2Simulator k2, K2Client client) throws InterruptedException {
		subscribeTill(client, "555555");
		k2.customerPaysTill("999999", new BigDecimal("10"), "0712345678");
		Thread.sleep(200);
		assertThat(this.app.received()).isEmpty();
		assertThat(k2.transactions()).hasSize(1);
	}

	@Test
	void customerPaysTillWithNamesUsesThem(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		k2.customerPaysTill("555555", new BigDecimal("10.50"), "+254712345678", "Wanjiku", "W", "Kamau");
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) this.app.awaitOne(WAIT)
			.verifiedPayload(k2.apiKey());
		assertThat(event.senderFirstName()).isEqualTo("Wanjiku");
		assertThat(event.senderMiddleName()).isEqualTo("W");
		assertThat(event.senderLastName()).isEqualTo("Kamau");
		assertThat(event.amount()).isEqualByComparingTo("10.50");
	}

	@Test
	void adminBuygoodsEndpointEmitsTheSameWebhook(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		HttpResponse<String> created = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/buygoods"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"till_number\":\"555555\",\"amount\":\"75\",\"phone_number\":\"0712345678\",\"first_name\":\"Amina\"}"))
			.build());
		assertThat(created.statusCode()).isEqualTo(201);
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) this.app.awaitOne(WAIT)
			.verifiedPayload(k2.apiKey());
		assertThat(event.amount()).isEqualByComparingTo("75");
		assertThat(event.senderFirstName()).isEqualTo("Amina");
		assertThat(Api.json(created.body()).get("reference").asString()).isEqualTo(event.reference());
	}

	@Test
	void adminBuygoodsEndpointValidatesLikeTheApi(K2Simulator k2) {
		HttpResponse<String> refused = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/buygoods"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"-1\",\"phone_number\":\"12\"}"))
			.build());
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Api.json(refused.body()).get("error_message").asString()).contains("Till number can't be blank",
				"Amount must be greater than 0", "Phone number is an invalid number");
	}

	@Test
	void darajaSubscriptionReceivesTheFlatDarajaFormat(K2Simulator k2, K2Client client) {
		ObjectNode subscription = Api.example("request-webhook_subscription-v2-daraja.json");
		subscription.put("url", this.app.url("/daraja"));
		assertThat(Api.post(k2, client, "/api/v2/webhook_subscriptions", subscription).statusCode()).isEqualTo(201);
		TillTransaction tx = k2.customerPaysTill("112233", new BigDecimal("100"), "0712345678");
		DarajaEvent event = (DarajaEvent) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(event.transactionType()).isEqualTo("Buygoods");
		assertThat(event.transactionId()).isEqualTo(tx.reference());
		assertThat(event.businessShortCode()).isEqualTo("112233");
		assertThat(Api.paths(Api.json(this.app.received().get(0).body())))
			.isEqualTo(Api.paths(Api.example("webhook-daraja-buygoods_transaction_received.json")));
	}

	@Test
	void webhookEventCanBeFetchedFromItsSelfLink(K2Simulator k2, K2Client client) {
		subscribeTill(client, "555555");
		k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		Receiver.Received received = this.app.awaitOne(WAIT);
		URI self = URI.create(Api.json(received.body()).at("/_links/self").asString());
		HttpResponse<String> fetched = Api.get(self, client);
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo(received.text());
	}

	@Test
	void companyOnlyTopicWithTillScopeIsRefused(K2Simulator k2, K2Client client) {
		HttpResponse<String> refused = Api.post(k2, client, "/api/v1/webhook_subscriptions", Api.json(
				"{\"event_type\":\"customer_created\",\"url\":\"https://example.com/hooks\",\"scope\":\"till\",\"scope_reference\":\"1\"}"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Api.json(refused.body()).get("error_message").asString())
			.isEqualTo("Scope must be company for event type customer_created");
	}

	private void subscribeTill(K2Client client, String till) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					this.app.url("/k2/webhooks"), till));
	}

}
