package io.k2connect.autoconfigure.webhook;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.k2connect.K2Client;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.simulator.MagicPhoneNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Results whose callback never came, recovered from their location: STK pushes on a
 * simulator that loses some callbacks, with the endpoint on a real port, in both
 * processing modes, across a restart, with late callbacks, and given up on.
 */
class K2ResultRecoveryTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final K2Simulator simulator = K2Simulator.builder()
		.callbackDelay(Duration.ofMillis(50))
		.redeliveries(0)
		.start();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final Results results = new Results();

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.simulator.close();
	}

	@Test
	void everyPaymentIsHeardOnceAndTheLostCallbacksAreRecovered() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory");

		List<String> delivered = pushes(app, 30, "0712345678");
		List<String> lost = pushes(app, 20, MagicPhoneNumbers.CALLBACK_LOST);

		await().atMost(WAIT).until(() -> this.results.distinct() == 50);
		assertThat(this.results.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
		// Every lost one recovered; a callback slower than the (short) timeout may be
		// too, but each is published once.
		assertThat(this.results.recovered).containsAll(lost).hasSizeLessThan(50);
		assertThat(this.results.byId).containsOnlyKeys(concat(delivered, lost));
		assertThat(app.getBean(K2OutstandingResults.class).outstanding()).isZero();
	}

	@Test
	void asynchronousProcessingOnADatabaseRecoversThemToo() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=jdbc",
				"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "k2.webhook.processing=async",
				"k2.webhook.inbox.poll-interval=50ms");

		List<String> delivered = pushes(app, 30, "0712345678");
		List<String> lost = pushes(app, 20, MagicPhoneNumbers.CALLBACK_LOST);

		await().atMost(WAIT).until(() -> this.results.distinct() == 50);
		await().atMost(WAIT).until(() -> app.getBean(K2OutstandingResults.class).outstanding() == 0);
		assertThat(this.results.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
		// Every lost one recovered; a callback slower than the (short) timeout may be
		// too, but each is published once.
		assertThat(this.results.recovered).containsAll(lost).hasSizeLessThan(50);
		assertThat(this.results.byId).containsOnlyKeys(concat(delivered, lost));
	}

	@Test
	void requestsMadeBeforeARestartAreRecoveredAfterIt() {
		String database = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		ConfigurableApplicationContext first = start("k2.webhook.delivery-store=jdbc", database,
				"k2.recovery.result-timeout=2s");
		List<String> delivered = pushes(first, 15, "0712345678");
		await().atMost(WAIT).until(() -> this.results.distinct() == 15);
		List<String> lost = pushes(first, 10, MagicPhoneNumbers.CALLBACK_LOST);
		first.close();

		ConfigurableApplicationContext second = start("k2.webhook.delivery-store=jdbc", database);
		delivered.addAll(pushes(second, 15, "0712345678"));
		lost.addAll(pushes(second, 10, MagicPhoneNumbers.CALLBACK_LOST));

		await().atMost(WAIT).until(() -> this.results.distinct() == 50);
		await().atMost(WAIT).until(() -> second.getBean(K2OutstandingResults.class).outstanding() == 0);
		assertThat(this.results.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(this.results.byId).containsOnlyKeys(concat(delivered, lost));
		assertThat(this.results.recovered).containsAll(lost).hasSizeLessThan(50);
	}

	@Test
	void aCallbackThatArrivesAfterTheRecoveryIsARepeat() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory");
		this.simulator.faults().holdDeliveries();

		pushes(app, 5, "0712345678");
		await().atMost(WAIT).until(() -> this.results.recovered.size() == 5);
		assertThat(this.simulator.faults().releaseDeliveries()).isEqualTo(5);

		await().atMost(WAIT)
			.until(() -> this.simulator.deliveries()
				.stream()
				.filter((delivery) -> delivery.status() == 200)
				.count() == 5);
		assertThat(this.results.distinct()).isEqualTo(5);
		assertThat(this.results.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
	}

	@Test
	void aRequestThatStaysPendingIsGivenUpOnce() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory", "k2.recovery.give-up-after=1s");

		pushes(app, 1, MagicPhoneNumbers.NO_CALLBACK);

		await().atMost(WAIT).until(() -> this.results.givenUp.size() == 1);
		assertThat(this.results.givenUp.get(0).checks()).isGreaterThanOrEqualTo(1);
		assertThat(app.getBean(K2OutstandingResults.class).outstanding()).isZero();
		assertThat(this.results.distinct()).isZero();
	}

	@Test
	void aRequestWhoseCallbackGoesToAnotherApplicationIsNotRecoveredHere() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory");
		app.getBean(K2Client.class)
			.receivePayments()
			.createPaymentRequest(PaymentRequest.builder()
				.tillNumber("K000000")
				.phoneNumber(MagicPhoneNumbers.CALLBACK_LOST)
				.amount(BigDecimal.TEN)
				.callbackUrl("https://orders.example/payments/callbacks")
				.build());

		await().atMost(WAIT).until(() -> app.getBean(K2OutstandingResults.class).outstanding() == 0);
		assertThat(this.results.distinct()).isZero();
		assertThat(this.results.givenUp).isEmpty();
	}

	@Test
	void nothingIsRememberedWhenRecoveryIsOff() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory", "k2.recovery.enabled=false");

		pushes(app, 1, MagicPhoneNumbers.CALLBACK_LOST);

		assertThat(app.getBeansOfType(K2ResultRecovery.class)).isEmpty();
		assertThat(app.getBeansOfType(K2OutstandingResults.class)).isEmpty();
	}

	/** The requests' ids, which their results carry. */
	private List<String> pushes(ConfigurableApplicationContext app, int count, String phone) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		K2Client client = app.getBean(K2Client.class);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(client.receivePayments()
				.createPaymentRequest(PaymentRequest.builder()
					.tillNumber("K000000")
					.phoneNumber(phone)
					.amount(BigDecimal.TEN)
					.callbackUrl("http://localhost:" + port + "/k2/webhooks")
					.build())
				.id());
		}
		return ids;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"k2.base-url=" + this.simulator.baseUrl(), "k2.client-id=" + this.simulator.clientId(),
				"k2.client-secret=" + this.simulator.clientSecret(), "k2.api-key=" + this.simulator.apiKey(),
				"k2.recovery.result-timeout=1s", "k2.recovery.poll-interval=50ms", "k2.recovery.max-interval=200ms",
				"k2.webhook.jdbc.initialize-schema=always"));
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebhookTestApplication.class,
				Listeners.class)
			.properties(properties.toArray(String[]::new))
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("results", this.results))
			.run();
		this.contexts.add(context);
		return context;
	}

	static class Listeners {

		@Bean
		Object recoveryListeners(Results results) {
			return new Object() {

				@EventListener
				void on(K2DeliveryEvent<IncomingPaymentResult> delivery) {
					results.byId.computeIfAbsent(delivery.getPayload().id(), (id) -> new AtomicInteger())
						.incrementAndGet();
					if (delivery.isRecovered()) {
						results.recovered.add(delivery.getPayload().id());
					}
				}

				@EventListener
				void on(K2ResultGivenUp givenUp) {
					results.givenUp.add(givenUp);
				}

			};
		}

	}

	static final class Results {

		final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();

		final List<String> recovered = new CopyOnWriteArrayList<>();

		final List<K2ResultGivenUp> givenUp = new CopyOnWriteArrayList<>();

		int distinct() {
			return this.byId.size();
		}

		List<AtomicInteger> published() {
			return List.copyOf(this.byId.values());
		}

	}

}
