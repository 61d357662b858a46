package io.k2connect.autoconfigure.webhook.jdbc;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.k2connect.autoconfigure.webhook.K2DeliveryRegistry;
import io.k2connect.autoconfigure.webhook.K2Inbox;
import io.k2connect.autoconfigure.webhook.K2InboxStore;
import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.DeliveryKeys;
import io.k2connect.event.Examples;
import io.k2connect.event.K2Payload;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of an application, each with its webhook endpoint on a real port, sharing
 * one database (given by a subclass): K2's deliveries, some repeated to the other
 * instance, some failing in a listener and delivered again, and one instance stopped half
 * way, still give every delivery to a listener that succeeds exactly once: in either
 * processing mode ({@link #async()}).
 */
abstract class MultiInstanceDeliveryContractTests {

	private static final String TABLE = "K2_DELIVERY_MULTI";

	private static final Duration LEASE = Duration.ofSeconds(2);

	// Its error for each of the ~100 failing listener calls says nothing new here.
	private static final String CONTROLLER_LOGGER = "io.k2connect.autoconfigure.webhook.K2WebhookController";

	// Its warning for each retried listener failure says nothing new here.
	private static final String INBOX_LOGGER = "io.k2connect.autoconfigure.webhook.K2Inbox";

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	/** Successful listener calls by event id, in either instance. */
	private final Map<String, AtomicInteger> published = new ConcurrentHashMap<>();

	private final AtomicInteger listenerFailures = new AtomicInteger();

	/** The database's JDBC URL; the same for both instances. */
	abstract String url();

	/** Extra properties for the database, such as its user. */
	abstract List<String> databaseProperties();

	/** A pool on the same database, for the test itself. */
	abstract HikariDataSource dataSource();

	/**
	 * Whether the instances process asynchronously ({@code k2.webhook.processing=async}):
	 * listeners run after the answer, and failures are retried by the inbox rather than
	 * by K2.
	 */
	boolean async() {
		return false;
	}

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		// Levels outlive the contexts in this JVM: give other tests the controller's log
		// back.
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel(CONTROLLER_LOGGER, null);
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel(INBOX_LOGGER, null);
	}

	@Test
	void everyDeliveryReachesASucceedingListenerExactlyOnce() throws Exception {
		int distinct = 2000;
		ConfigurableApplicationContext first = start("first", 0.05);
		ConfigurableApplicationContext second = start("second", 0.05);
		int[] ports = { port(first), port(second) };
		Set<Integer> stopped = ConcurrentHashMap.newKeySet();
		List<Delivery> deliveries = new ArrayList<>();
		for (int i = 0; i < distinct; i++) {
			String id = String.format("00000000-0000-4000-8000-%012d", i);
			deliveries.add(new Delivery(id, i % 2));
			if (i % 10 == 0) {
				deliveries.add(new Delivery(id, 1 - i % 2)); // K2 repeats it to the other
			}
		}
		Collections.shuffle(deliveries, new Random(7));
		AtomicInteger answered = new AtomicInteger();
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		ExecutorService senders = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (Delivery delivery : deliveries) {
				statuses.add(senders.submit(() -> {
					HttpResponse<String> response = deliverLikeK2(delivery, ports, stopped);
					outcomes.computeIfAbsent(outcome(response), (o) -> new AtomicInteger()).incrementAndGet();
					if (answered.incrementAndGet() == deliveries.size() / 2) {
						// Half way: the first instance stops; K2's next attempts reach
						// the
						// second.
						stopped.add(0);
						first.close();
					}
					return response.statusCode();
				}));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			senders.shutdownNow();
		}

		if (async()) {
			// Answered: now the survivor's inbox works through what is stored, including
			// what the stopped instance left.
			K2Inbox inbox = second.getBean(K2Inbox.class);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.published.size() == distinct && inbox.counts().pending() == 0
						&& inbox.counts().retrying() == 0);
			assertThat(inbox.counts().dead()).isZero();
			assertThat(inbox.counts().processed()).isEqualTo(distinct);
		}
		assertThat(deliveries).hasSize(2200);
		assertThat(this.published).hasSize(distinct);
		assertThat(this.published.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(outcomes.get("accepted")).hasValueLessThanOrEqualTo(distinct);
		assertThat(outcomes.get("duplicate")).hasValueGreaterThanOrEqualTo(200);
		assertThat(this.listenerFailures).hasValueGreaterThan(40);
		assertThat(first.isActive()).isFalse();
	}

	@Test
	void aDeliveryClaimedByAnInstanceThatStoppedIsProcessedByAnotherAfterTheLease() throws Exception {
		ConfigurableApplicationContext crashing = start("crashing", 0);
		ConfigurableApplicationContext survivor = start("survivor", 0);
		String id = "11111111-0000-4000-8000-000000000001";
		byte[] body = body(id);
		K2Payload payload = crashing.getBean(K2ResultProcessor.class)
			.process(body, K2Signatures.sign(body, WebhookTestApplication.API_KEY));
		if (async()) {
			// Stored and claimed for dispatch, never dispatched: the instance went away
			// first.
			assertThat(crashing.getBean(K2InboxStore.class)
				.store(DeliveryKeys.of(payload, body), "buygoods_transaction_received", body, true))
				.isEqualTo(K2InboxStore.Stored.STORED);
			long claimedAt = System.nanoTime();
			crashing.close();

			assertThat(outcome(post(port(survivor), body))).isEqualTo("duplicate");
			await().atMost(LEASE.multipliedBy(5)).until(() -> this.published.containsKey(id));
			assertThat(Duration.ofNanos(System.nanoTime() - claimedAt)).isGreaterThanOrEqualTo(LEASE.minusMillis(100));
			assertThat(this.published).containsOnlyKeys(id);
			assertThat(this.published.get(id)).hasValue(1);
			return;
		}
		// A request that claimed it and never finished: the instance went away first.
		assertThat(crashing.getBean(K2DeliveryRegistry.class).begin(DeliveryKeys.of(payload, body)))
			.isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);
		long claimedAt = System.nanoTime();
		crashing.close();

		assertThat(post(port(survivor), body).statusCode()).isEqualTo(409);
		HttpResponse<String> response = post(port(survivor), body);
		while (response.statusCode() == 409 && System.nanoTime() - claimedAt < LEASE.multipliedBy(5).toNanos()) {
			Thread.sleep(100);
			response = post(port(survivor), body);
		}

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(outcome(response)).isEqualTo("accepted");
		assertThat(Duration.ofNanos(System.nanoTime() - claimedAt)).isGreaterThanOrEqualTo(LEASE.minusMillis(100));
		assertThat(this.published).containsOnlyKeys(id);
		assertThat(this.published.get(id)).hasValue(1);
	}

	/**
	 * Like K2: a delivery is sent until it is answered 200 (bounded), coming back after
	 * 409 and 500, and to the other instance when its own is gone.
	 */
	private HttpResponse<String> deliverLikeK2(Delivery delivery, int[] ports, Set<Integer> stopped) throws Exception {
		byte[] body = body(delivery.id());
		int target = delivery.instance();
		HttpResponse<String> response = null;
		for (int attempt = 0; attempt < 200; attempt++) {
			if (stopped.contains(target)) {
				target = 1 - target;
			}
			try {
				response = post(ports[target], body);
			}
			catch (IOException ex) {
				target = 1 - target; // the instance stopped while we were sending
				continue;
			}
			if (response.statusCode() == 200) {
				return response;
			}
			Thread.sleep((response.statusCode() == 409) ? 25 : 5);
		}
		return response;
	}

	private ConfigurableApplicationContext start(String name, double failureRate) {
		List<String> properties = new ArrayList<>(
				List.of("server.port=0", "spring.main.banner-mode=off", "k2.client-id=id", "k2.client-secret=secret",
						"k2.api-key=" + WebhookTestApplication.API_KEY, "spring.datasource.url=" + url(),
						"k2.webhook.delivery-store=jdbc", "k2.webhook.jdbc.initialize-schema=always",
						"k2.webhook.jdbc.table-name=" + TABLE, "k2.webhook.jdbc.lease=" + LEASE.toMillis() + "ms",
						"spring.datasource.hikari.maximum-pool-size=8", "logging.level." + CONTROLLER_LOGGER + "=OFF"));
		properties.addAll(databaseProperties());
		if (async()) {
			properties.addAll(List.of("k2.webhook.processing=async", "k2.webhook.inbox.poll-interval=50ms",
					"k2.webhook.retry.max-attempts=20", "k2.webhook.retry.initial-interval=10ms",
					"k2.webhook.retry.max-interval=200ms", "logging.level." + INBOX_LOGGER + "=ERROR"));
		}
		if (this.instances.isEmpty()) {
			dropTable();
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebhookTestApplication.class)
			.properties(properties.toArray(String[]::new))
			.listeners(new FlakyListener(new Random(name.hashCode()), failureRate))
			.run();
		this.instances.add(context);
		return context;
	}

	private void dropTable() {
		try (HikariDataSource dataSource = dataSource()) {
			JdbcClient.create(dataSource).sql("DROP TABLE IF EXISTS " + TABLE).update();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static byte[] body(String id) {
		return Examples.tillPayment(id);
	}

	private static HttpResponse<String> post(int port, byte[] body) throws Exception {
		return WebhookTestApplication.postWebhook(port, body, K2Signatures.sign(body, WebhookTestApplication.API_KEY));
	}

	private static String outcome(HttpResponse<String> response) {
		String body = response.body();
		int start = body.indexOf("\"outcome\":\"") + 11;
		return body.substring(start, body.indexOf('"', start));
	}

	private record Delivery(String id, int instance) {
	}

	/** Fails at random, like a listener that meets a broken downstream now and then. */
	private final class FlakyListener implements ApplicationListener<ApplicationEvent> {

		private final Random random;

		private final double failureRate;

		FlakyListener(Random random, double failureRate) {
			this.random = random;
			this.failureRate = failureRate;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof BuygoodsTransactionReceived received) {
				boolean fail;
				synchronized (this.random) {
					fail = this.random.nextDouble() < this.failureRate;
				}
				if (fail) {
					MultiInstanceDeliveryContractTests.this.listenerFailures.incrementAndGet();
					throw new IllegalStateException("listener failure for the test");
				}
				MultiInstanceDeliveryContractTests.this.published
					.computeIfAbsent(received.id(), (id) -> new AtomicInteger())
					.incrementAndGet();
			}
		}

	}

}
