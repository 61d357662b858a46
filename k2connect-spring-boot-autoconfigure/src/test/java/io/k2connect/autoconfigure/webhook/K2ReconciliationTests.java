package io.k2connect.autoconfigure.webhook;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.k2connect.K2Client;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.simulator.Delivery;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.simulator.TillTransaction;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Till payments whose webhook never came, recovered by polling: on a simulator that holds
 * some webhooks back (or cannot reach the application while it is stopped), with the
 * endpoint on a real port. Every payment is heard exactly once, the missed ones marked
 * recovered, and the held webhooks that arrive late are repeats.
 */
class K2ReconciliationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TILL = "K000000";

	private final K2Simulator simulator = K2Simulator.builder()
		.callbackDelay(Duration.ofMillis(20))
		.redeliveries(0)
		.start();

	private final int port = freePort();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final Payments payments = new Payments();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.simulator.close();
	}

	@Test
	void tillPaymentsWhoseWebhookDidNotComeAreRecoveredOnce() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory");
		subscribe(app);
		List<String> delivered = pay(70);
		await().atMost(WAIT).until(() -> this.payments.distinct() == 70);

		this.simulator.faults().holdWebhooks();
		List<String> missed = pay(30);
		app.getBean(K2Reconciliation.class).reconcileNow();

		await().atMost(WAIT).until(() -> this.payments.distinct() == 100);
		assertThat(this.payments.recovered).containsExactlyInAnyOrderElementsOf(missed);
		assertThat(this.payments.byTransaction).containsOnlyKeys(concat(delivered, missed));
		// The held webhooks arrive late: repeats, answered 200 and not published again.
		assertThat(this.simulator.faults().releaseDeliveries()).isEqualTo(30);
		await().atMost(WAIT).until(() -> answered(200) == 100);
		assertThat(this.payments.published()).hasSize(100).allSatisfy((count) -> assertThat(count).hasValue(1));
		// Observed: 30 recovered by the reconciliation, the rest seen there as repeats.
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("k2.webhook.deliveries")
				.hasLowCardinalityKeyValue("k2.stage", "reconciliation")
				.hasLowCardinalityKeyValue("k2.delivery.type", BuygoodsTransactionReceived.TOPIC)
				.hasLowCardinalityKeyValue("outcome", "recovered"));
		assertThat(this.observations).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.filteredOn((context) -> context instanceof K2DeliveryObservationContext delivery
					&& delivery.getStage().equals(K2DeliveryObservationContext.RECONCILIATION)
					&& delivery.getOutcome().equals("recovered"))
			.hasSize(30));
	}

	@Test
	void asynchronousProcessingOnADatabaseRecoversThemToo() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=jdbc",
				"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "k2.webhook.processing=async",
				"k2.webhook.inbox.poll-interval=50ms", "k2.reconciliation.scope=till",
				"k2.reconciliation.till=" + TILL);
		subscribe(app);
		pay(20);
		this.simulator.faults().holdWebhooks();
		List<String> missed = pay(10);
		app.getBean(K2Reconciliation.class).reconcileNow();

		await().atMost(WAIT).until(() -> this.payments.distinct() == 30);
		assertThat(this.payments.recovered).containsExactlyInAnyOrderElementsOf(missed);
		this.simulator.faults().releaseDeliveries();
		await().atMost(WAIT).until(() -> answered(200) == 30);
		assertThat(this.payments.published()).hasSize(30).allSatisfy((count) -> assertThat(count).hasValue(1));
	}

	@Test
	void paymentsMadeWhileTheApplicationWasStoppedAreRecoveredWhenItStartsAgain() {
		String database = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		// Runs every 2s; of an instance's runs and the next start's, one each second.
		// Without overlap, a window asks only for what is not reconciled yet: what is
		// recovered after the restart, only the database can have remembered.
		Instant started = Instant.now();
		ConfigurableApplicationContext first = start("k2.webhook.delivery-store=jdbc", database,
				"k2.reconciliation.interval=2s", "k2.reconciliation.overlap=0s");
		subscribe(first);
		K2ReconciliationStore store = first.getBean(K2ReconciliationStore.class);
		// The runs at start-up, with nothing to recover, record how far they got.
		await().atMost(WAIT).until(() -> store.reconciledUntil("company").isAfter(started));
		List<String> beforeStop = pay(40);
		await().atMost(WAIT).until(() -> this.payments.distinct() == 40);
		first.close();

		// The application is down: these webhooks fail and K2 gives up on them.
		List<String> whileStopped = pay(30);
		await().atMost(WAIT).until(() -> answered(0) + answered(200) == 40 + 30);

		ConfigurableApplicationContext second = start("k2.webhook.delivery-store=jdbc", database,
				"k2.reconciliation.interval=2s", "k2.reconciliation.overlap=0s");
		await().atMost(WAIT).until(() -> this.payments.distinct() == 70);
		List<String> afterStart = pay(30);

		await().atMost(WAIT).until(() -> this.payments.distinct() == 100);
		assertThat(this.payments.recovered).containsExactlyInAnyOrderElementsOf(whileStopped);
		assertThat(this.payments.byTransaction).containsOnlyKeys(concat(concat(beforeStop, whileStopped), afterStart));
		assertThat(this.payments.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(second.getBean(K2ReconciliationStore.class).reconciledUntil("company")).isNotNull();
	}

	@Test
	void aListenerThatFailsLeavesItsPaymentToTheNextRun() {
		Instant started = Instant.now();
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory", "k2.reconciliation.overlap=0s");
		subscribe(app);
		K2ReconciliationStore store = app.getBean(K2ReconciliationStore.class);
		await().atMost(WAIT).until(() -> store.reconciledUntil("company").isAfter(started));
		Instant reconciled = store.reconciledUntil("company");
		this.simulator.faults().holdWebhooks();
		List<String> missed = pay(3);
		this.payments.failOnce.add(missed.get(1));

		app.getBean(K2Reconciliation.class).reconcileNow();
		await().atMost(WAIT).until(() -> this.payments.distinct() == 2);
		assertThat(this.payments.byTransaction).doesNotContainKey(missed.get(1));
		// The failed window is not reconciled: the next run asks from the same point.
		await().during(Duration.ofMillis(500))
			.atMost(WAIT)
			.until(() -> store.reconciledUntil("company").equals(reconciled));

		app.getBean(K2Reconciliation.class).reconcileNow();
		await().atMost(WAIT).until(() -> this.payments.distinct() == 3);
		assertThat(this.payments.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
		await().atMost(WAIT).until(() -> store.reconciledUntil("company").isAfter(reconciled));
	}

	@Test
	void instancesSharingADatabaseRunOnceAnIntervalAndPublishEachPaymentOnce() {
		String database = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		ConfigurableApplicationContext first = start("k2.webhook.delivery-store=jdbc", database,
				"k2.reconciliation.interval=3s");
		int otherPort = freePort();
		start("k2.webhook.delivery-store=jdbc", database, "k2.reconciliation.interval=3s", "server.port=" + otherPort,
				"k2.webhook.public-url=http://localhost:" + otherPort + "/k2/webhooks");
		subscribe(first);
		this.simulator.faults().holdWebhooks();
		List<String> missed = pay(20);

		await().atMost(WAIT).until(() -> this.payments.distinct() == 20);
		assertThat(this.payments.recovered).containsExactlyInAnyOrderElementsOf(missed);
		assertThat(this.payments.published()).allSatisfy((count) -> assertThat(count).hasValue(1));
		// Two instances, yet about one polling request per 3 s interval between them.
		Instant since = Instant.now();
		sleep(Duration.ofSeconds(6));
		long runs = this.simulator.requests("POST", "/api/v2/polling")
			.stream()
			.filter((request) -> request.receivedAt().isAfter(since))
			.count();
		assertThat(runs).isBetween(1L, 3L);
	}

	@Test
	void nothingIsReconciledWhenItIsOff() {
		ConfigurableApplicationContext app = start("k2.webhook.delivery-store=memory",
				"k2.reconciliation.enabled=false");

		assertThat(app.getBeansOfType(K2Reconciliation.class)).isEmpty();
		assertThat(app.getBeansOfType(K2ReconciliationStore.class)).isEmpty();
		assertThat(this.simulator.requests("POST", "/api/v2/polling")).isEmpty();
	}

	private long answered(int status) {
		return this.simulator.deliveries()
			.stream()
			.filter((delivery) -> delivery.kind() == Delivery.Kind.WEBHOOK && delivery.status() == status)
			.count();
	}

	private void subscribe(ConfigurableApplicationContext app) {
		app.getBean(K2Client.class)
			.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					"http://localhost:" + this.port + "/k2/webhooks"));
	}

	/** The payments' transaction ids, which their webhooks carry as the resource id. */
	private List<String> pay(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TillTransaction payment = this.simulator.customerPaysTill(TILL, BigDecimal.valueOf(10 + i), "0712345678");
			ids.add(payment.id());
		}
		return ids;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private ConfigurableApplicationContext start(String... extra) {
		List<String> properties = new ArrayList<>(List.of("server.port=" + this.port, "spring.main.banner-mode=off",
				"k2.base-url=" + this.simulator.baseUrl(), "k2.client-id=" + this.simulator.clientId(),
				"k2.client-secret=" + this.simulator.clientSecret(), "k2.api-key=" + this.simulator.apiKey(),
				"k2.reconciliation.enabled=true", "k2.reconciliation.interval=1h",
				"k2.webhook.public-url=http://localhost:" + this.port + "/k2/webhooks", "k2.recovery.result-timeout=2s",
				"k2.recovery.poll-interval=100ms", "k2.webhook.jdbc.initialize-schema=always"));
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebhookTestApplication.class,
				Listeners.class)
			.properties(properties.toArray(String[]::new))
			.initializers((ctx) -> {
				ctx.getBeanFactory().registerSingleton("payments", this.payments);
				ctx.getBeanFactory().registerSingleton("observationRegistry", this.observations);
			})
			.run();
		this.contexts.add(context);
		return context;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Listeners {

		@Bean
		Object tillPaymentListeners(Payments payments) {
			return new Object() {

				@EventListener
				void on(K2DeliveryEvent<BuygoodsTransactionReceived> delivery) {
					String id = delivery.getPayload().resourceId();
					if (payments.failOnce.remove(id)) {
						throw new IllegalStateException("Listener failed on " + id);
					}
					payments.byTransaction.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
					if (delivery.isRecovered()) {
						payments.recovered.add(id);
					}
				}

			};
		}

	}

	static final class Payments {

		final Map<String, AtomicInteger> byTransaction = new ConcurrentHashMap<>();

		final Set<String> recovered = ConcurrentHashMap.newKeySet();

		final Set<String> failOnce = ConcurrentHashMap.newKeySet();

		int distinct() {
			return this.byTransaction.size();
		}

		List<AtomicInteger> published() {
			return List.copyOf(this.byTransaction.values());
		}

	}

}
