package io.k2connect.autoconfigure.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.k2connect.autoconfigure.webhook.K2Inbox;
import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.Examples;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code k2deliveries} endpoint over HTTP on a real port: counts, dead deliveries
 * without payload data, and replays of one and of all.
 */
@SpringBootTest(classes = { WebhookTestApplication.class, K2DeliveriesEndpointTests.Listener.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "k2.client-id=id", "k2.client-secret=secret", "k2.api-key=" + WebhookTestApplication.API_KEY,
				"k2.webhook.processing=async", "k2.webhook.delivery-store=memory",
				"k2.webhook.inbox.poll-interval=50ms", "k2.webhook.retry.max-attempts=1",
				"management.endpoints.web.exposure.include=k2deliveries",
				"logging.level.io.k2connect.autoconfigure.webhook.K2Inbox=OFF" })
class K2DeliveriesEndpointTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private K2Inbox inbox;

	@Autowired
	private Listener listener;

	@Test
	void showsDeadDeliveriesWithoutPayloadDataAndReplaysThem() throws Exception {
		this.listener.failing.set(true);
		String first = deliver();
		String second = deliver();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.inbox.counts().dead() == 2);

		HttpResponse<String> read = get();
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"dead\":2", "\"kind\":\"buygoods_transaction_received\"",
				"\"lastError\":\"java.lang.IllegalStateException\"", first, second);
		assertThat(read.body()).doesNotContain("254999999999", "Jane", "sender", "amount");

		this.listener.failing.set(false);
		String key = this.inbox.deadDeliveries(10)
			.stream()
			.filter((dead) -> dead.deliveryKey().contains(first))
			.findFirst()
			.orElseThrow()
			.deliveryKey();
		assertThat(post("{\"deliveryKey\":\"" + key + "\"}").body()).isEqualTo("{\"replayed\":1}");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.inbox.counts().dead() == 1);
		assertThat(post("{\"deliveryKey\":\"" + key + "\"}").body()).isEqualTo("{\"replayed\":0}");
		assertThat(post("{}").body()).isEqualTo("{\"replayed\":1}");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.inbox.counts().processed() == 2);
		assertThat(get().body()).contains("\"dead\":0", "\"processed\":2");
	}

	private String deliver() throws Exception {
		String id = UUID.randomUUID().toString();
		byte[] body = Examples.tillPayment(id);
		HttpResponse<String> response = WebhookTestApplication.postWebhook(this.port, body,
				K2Signatures.sign(body, WebhookTestApplication.API_KEY));
		assertThat(response.statusCode()).isEqualTo(200);
		return id;
	}

	private HttpResponse<String> get() throws Exception {
		return HTTP.send(HttpRequest.newBuilder(endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String json) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(endpoint())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI endpoint() {
		return URI.create("http://localhost:" + this.port + "/actuator/k2deliveries");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Listener {

		final AtomicBoolean failing = new AtomicBoolean();

		@Bean
		Object failingListener() {
			return new Object() {

				@EventListener
				void on(BuygoodsTransactionReceived event) {
					if (Listener.this.failing.get()) {
						throw new IllegalStateException("listener failure for the test");
					}
				}

			};
		}

	}

}
