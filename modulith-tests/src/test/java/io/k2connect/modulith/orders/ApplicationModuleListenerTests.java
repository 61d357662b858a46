package io.k2connect.modulith.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.k2connect.autoconfigure.webhook.K2Inbox;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.Examples;
import io.k2connect.modulith.ShopApplication;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * K2's webhook, received in {@code async} mode, reaches a Spring Modulith
 * {@code @ApplicationModuleListener}: the inbox publishes in a transaction, so Modulith
 * records the publication in the same transaction as the delivery, runs the listener
 * after the commit and completes the publication.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "k2.client-id=id", "k2.client-secret=secret", "k2.api-key=modulith-api-key",
				"k2.webhook.processing=async", "spring.datasource.url=jdbc:h2:mem:modulith",
				"spring.modulith.events.jdbc.schema-initialization.enabled=true" })
class ApplicationModuleListenerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PaymentRecorder recorder;

	@Autowired
	private K2Inbox inbox;

	@Autowired
	private CompletedEventPublications completed;

	@Autowired
	private DataSource dataSource;

	@Test
	void aWebhookReachesTheModuleListenerOnceThroughThePublicationRegistry() throws Exception {
		String id = UUID.randomUUID().toString();
		byte[] body = Examples.tillPayment(id);

		assertThat(post(body).statusCode()).isEqualTo(200);
		assertThat(post(body).body()).contains("\"outcome\":\"duplicate\"");

		await().atMost(Duration.ofSeconds(20)).until(() -> this.recorder.payments().contains(id));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.completed.findAll()
				.stream()
				.anyMatch((publication) -> publication.getEvent() instanceof BuygoodsTransactionReceived payment
						&& payment.id().equals(id)));
		assertThat(this.recorder.payments()).containsExactly(id);
		// @Async on the module listener: after the commit, on another thread than the
		// inbox's.
		assertThat(this.recorder.threads()).noneMatch((thread) -> thread.startsWith("k2-inbox-"));
		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.inbox.counts().processed()).isEqualTo(1);
	}

	private HttpResponse<String> post(byte[] body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/k2/webhooks"))
				.header("Content-Type", "application/json")
				.header("X-KopoKopo-Signature", K2Signatures.sign(body, "modulith-api-key"))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
