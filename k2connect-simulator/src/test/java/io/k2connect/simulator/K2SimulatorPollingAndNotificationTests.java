package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PollingResult;
import io.k2connect.event.TransactionSmsNotificationResult;
import io.k2connect.notification.TransactionSmsNotificationRequest;
import io.k2connect.polling.PollingRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorPollingAndNotificationTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void companyPollingReturnsEveryTransactionInTheWindow(K2Simulator k2, K2Client client) {
		TillTransaction first = k2.customerPaysTill("111111", new BigDecimal("10"), "0712345678");
		TillTransaction second = k2.customerPaysTill("222222", new BigDecimal("20"), "0712345678");
		ResourceLocation location = client.polling()
			.createPollingRequest(PollingRequest.forCompany(OffsetDateTime.now().minusHours(1),
					OffsetDateTime.now().plusHours(1), this.app.url("/k2/results")));
		PollingResult result = (PollingResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.id()).isEqualTo(location.id());
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.scope()).isEqualTo("Company");
		assertThat(result.scopeReference()).isNull();
		assertThat(result.transactions()).extracting((tx) -> tx.resource().reference())
			.containsExactly(first.reference(), second.reference());
		assertThat(result.transactions().get(0).type()).isEqualTo("Buygoods Transaction");
		assertThat(result.transactions().get(1).resource().amount()).isEqualByComparingTo("20");
	}

	@Test
	void tillPollingReturnsOnlyThatTill(K2Simulator k2, K2Client client) {
		k2.customerPaysTill("111111", new BigDecimal("10"), "0712345678");
		TillTransaction wanted = k2.customerPaysTill("222222", new BigDecimal("20"), "0712345678");
		client.polling()
			.createPollingRequest(PollingRequest.forTill("222222", OffsetDateTime.now().minusHours(1),
					OffsetDateTime.now().plusHours(1), this.app.url("/k2/results")));
		PollingResult result = (PollingResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.scope()).isEqualTo("Till");
		assertThat(result.scopeReference()).isEqualTo("222222");
		assertThat(result.transactions()).extracting((tx) -> tx.resource().id()).containsExactly(wanted.id());
	}

	@Test
	void pollingLeavesOutTransactionsOutsideTheWindow(K2Simulator k2, K2Client client) {
		k2.customerPaysTill("111111", new BigDecimal("10"), "0712345678");
		client.polling()
			.createPollingRequest(PollingRequest.forCompany(OffsetDateTime.now().minusDays(2),
					OffsetDateTime.now().minusDays(1), this.app.url("/k2/results")));
		PollingResult result = (PollingResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		assertThat(result.transactions()).isEmpty();
	}

	@Test
	void pollingResultHasTheShapeOfK2sExample(K2Simulator k2, K2Client client) {
		k2.customerPaysTill("111111", new BigDecimal("10"), "0712345678");
		client.polling()
			.createPollingRequest(PollingRequest.forCompany(OffsetDateTime.now().minusHours(1),
					OffsetDateTime.now().plusHours(1), this.app.url("/k2/results")));
		// created_at is what .NET models and PollingResult reads; the docs' example lacks
		// it.
		assertThat(Api.paths(Api.json(this.app.awaitOne(WAIT).body()))).isEqualTo(K2SimulatorReceivePaymentsTests
			.with(Api.paths(Api.example("result-polling-success.json")), "data.attributes.created_at"));
	}

	@Test
	void v2PollingPathIsServed(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v2/polling",
				Api.exampleWithCallback("request-polling-till.json", this.app.url("/k2/results")));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Api.location(created).toString()).startsWith(k2.baseUrl() + "/api/v2/polling/");
		assertThat(this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey())).isInstanceOf(PollingResult.class);
	}

	@Test
	void smsNotificationPostsASuccessResult(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.notifications()
			.sendTransactionSmsNotification(TransactionSmsNotificationRequest.builder()
				.webhookEventReference("e51438e9-c42b-4bf2-a261-faeaf189e3ed")
				.message("Thank you for your payment")
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		TransactionSmsNotificationResult result = (TransactionSmsNotificationResult) this.app.awaitOne(WAIT)
			.verifiedPayload(k2.apiKey());
		assertThat(result.id()).isEqualTo(location.id());
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.message()).isEqualTo("Thank you for your payment");
		assertThat(result.webhookEventReference()).isEqualTo("e51438e9-c42b-4bf2-a261-faeaf189e3ed");
		assertThat(Api.paths(Api.json(this.app.received().get(0).body())))
			.isEqualTo(Api.paths(Api.example("result-transaction_sms_notification-success.json")));
	}

	@Test
	void smsNotificationStatusIsReadable(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.notifications()
			.sendTransactionSmsNotification(TransactionSmsNotificationRequest.builder()
				.webhookEventReference("ref")
				.message("Hi")
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		this.app.awaitOne(WAIT);
		JsonNode status = Api.json(Api.get(location.location(), client).body());
		assertThat(status.at("/data/type").asString()).isEqualTo("transaction_sms_notification");
		assertThat(status.at("/data/attributes/status").asString()).isEqualTo("Success");
	}

}
