package io.k2connect.autoconfigure.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.k2connect.autoconfigure.webhook.K2InboxStore.Counts;
import io.k2connect.autoconfigure.webhook.K2InboxStore.DeadDelivery;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.Examples;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code k2.webhook.processing=async} end to end: an application on a real port, K2's
 * signed deliveries, listeners that fail, die, are replayed, run in transactions, and an
 * application stopped with deliveries still stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class K2InboxAsyncTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aDeliveryIsAnsweredBeforeItsListenersRunAndPublishedOnce() throws Exception {
		Gate gate = new Gate();
		ConfigurableApplicationContext app = start(gate, "k2.webhook.delivery-store=memory");
		String id = newId();

		HttpResponse<String> response = post(app, body(id));

		// The listener is still waiting at the gate: the answer did not wait for it.
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"outcome\":\"accepted\"");
		assertThat(post(app, body(id)).body()).contains("\"outcome\":\"duplicate\"");
		gate.open();
		await().atMost(WAIT).until(() -> gate.received.contains(id));
		assertThat(gate.threads).allSatisfy((name) -> assertThat(name).startsWith("k2-inbox-"));
		assertThat(post(app, body(id)).body()).contains("\"outcome\":\"duplicate\"");
		await().atMost(WAIT).until(() -> app.getBean(K2Inbox.class).counts().processed() == 1);
		assertThat(gate.received).containsExactly(id);
	}

	@Test
	void aFailingListenerGetsTheDeliveryAgainUntilItSucceeds() throws Exception {
		Gate gate = new Gate();
		gate.open();
		gate.failuresLeft.set(2);
		ConfigurableApplicationContext app = start(gate, "k2.webhook.delivery-store=memory");
		String id = newId();

		assertThat(post(app, body(id)).statusCode()).isEqualTo(200);

		await().atMost(WAIT).until(() -> gate.received.contains(id));
		assertThat(gate.attempts).hasValue(3);
		assertThat(gate.received).containsExactly(id);
		assertThat(app.getBean(K2Inbox.class).counts()).isEqualTo(new Counts(0, 0, 0, 1, 0));
	}

	@Test
	void aDeliveryThatFailsEveryAttemptIsDeadLoggedOnceAndReplayable(CapturedOutput output) throws Exception {
		Gate gate = new Gate();
		gate.open();
		gate.failuresLeft.set(Integer.MAX_VALUE);
		ConfigurableApplicationContext app = start(gate, "k2.webhook.delivery-store=memory");
		K2Inbox inbox = app.getBean(K2Inbox.class);
		String id = newId();

		post(app, body(id));

		await().atMost(WAIT).until(() -> inbox.counts().dead() == 1);
		assertThat(gate.attempts).hasValue(3);
		List<DeadDelivery> dead = inbox.deadDeliveries(10);
		assertThat(dead).singleElement().satisfies((delivery) -> {
			assertThat(delivery.deliveryKey()).contains(id);
			assertThat(delivery.kind()).isEqualTo("buygoods_transaction_received");
			assertThat(delivery.attempts()).isEqualTo(3);
			assertThat(delivery.lastError()).isEqualTo(IllegalStateException.class.getName());
		});
		assertThat(output.getAll().split("is dead after", -1)).hasSize(2);
		assertThat(output.getAll()).doesNotContain("254999999999").doesNotContain("Jane");
		assertThat(post(app, body(id)).body()).contains("\"outcome\":\"duplicate\"");

		gate.failuresLeft.set(0);
		assertThat(inbox.replay(dead.get(0).deliveryKey())).isTrue();

		await().atMost(WAIT).until(() -> gate.received.contains(id));
		await().atMost(WAIT).until(() -> inbox.counts().equals(new Counts(0, 0, 0, 1, 0)));
		assertThat(gate.received).containsExactly(id);
	}

	@Test
	void listenersRunInATransactionThatRecordsTheDeliveryWithTheirWork() throws Exception {
		Gate gate = new Gate();
		gate.open();
		ConfigurableApplicationContext app = start(gate, "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
				"k2.webhook.delivery-store=jdbc");
		String id = newId();

		post(app, body(id));

		await().atMost(WAIT).until(() -> gate.afterCommit.contains(id));
		assertThat(gate.inTransaction).containsExactly(true);
		assertThat(JdbcClient.create(app.getBean(javax.sql.DataSource.class))
			.sql("SELECT STATE FROM K2_DELIVERY")
			.query(String.class)
			.single()).isEqualTo("PROCESSED");
	}

	@Test
	void deliveriesStoredWhenTheApplicationStopsAreProcessedAfterTheRestart() throws Exception {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Gate stuck = new Gate(); // never opens: the first instance processes nothing
		ConfigurableApplicationContext first = start(stuck, "spring.datasource.url=" + url,
				"k2.webhook.delivery-store=jdbc", "k2.webhook.inbox.concurrency=1",
				"k2.webhook.inbox.shutdown-timeout=100ms", "k2.webhook.jdbc.lease=1s");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String id = newId();
			ids.add(id);
			assertThat(post(first, body(id)).statusCode()).isEqualTo(200);
		}
		await().atMost(WAIT).until(() -> stuck.waiting.get() == 1);
		first.close();

		Gate gate = new Gate();
		gate.open();
		ConfigurableApplicationContext second = start(gate, "spring.datasource.url=" + url,
				"k2.webhook.delivery-store=jdbc", "k2.webhook.jdbc.lease=1s");

		await().atMost(WAIT).until(() -> gate.received.size() == 5);
		assertThat(gate.received).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(stuck.received).isEmpty();
		await().atMost(WAIT).until(() -> second.getBean(K2Inbox.class).counts().processed() == 5);
	}

	@Test
	void aFullInMemoryInboxAsksK2ToComeBackLater() throws Exception {
		Gate stuck = new Gate();
		ConfigurableApplicationContext app = start(stuck, "k2.webhook.delivery-store=memory",
				"k2.webhook.inbox.capacity=2", "k2.webhook.inbox.concurrency=1");
		post(app, body(newId()));
		post(app, body(newId()));

		HttpResponse<String> response = post(app, body(newId()));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.body()).contains("\"outcome\":\"inbox_full\"");
		stuck.open();
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void dispatchersAreVirtualThreadsWhenBootsAre() throws Exception {
		Gate gate = new Gate();
		gate.open();
		ConfigurableApplicationContext app = start(gate, "k2.webhook.delivery-store=memory",
				"spring.threads.virtual.enabled=true");
		String id = newId();

		post(app, body(id));

		await().atMost(WAIT).until(() -> gate.received.contains(id));
		assertThat(gate.virtual).containsExactly(true);
	}

	private ConfigurableApplicationContext start(Gate gate, String... extra) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"k2.client-id=id", "k2.client-secret=secret", "k2.api-key=" + WebhookTestApplication.API_KEY,
				"k2.webhook.processing=async", "k2.webhook.inbox.poll-interval=50ms", "k2.webhook.retry.max-attempts=3",
				"k2.webhook.retry.initial-interval=20ms", "k2.webhook.retry.max-interval=100ms"));
		properties.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebhookTestApplication.class,
				GateConfiguration.class)
			.properties(properties.toArray(String[]::new))
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("gate", gate))
			.run();
		this.contexts.add(context);
		return context;
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext app, byte[] body) throws Exception {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return WebhookTestApplication.postWebhook(port, body, K2Signatures.sign(body, WebhookTestApplication.API_KEY));
	}

	private static String newId() {
		return UUID.randomUUID().toString();
	}

	private static byte[] body(String id) {
		return Examples.tillPayment(id);
	}

	/** Registers the gate's listeners. */
	static class GateConfiguration {

		@org.springframework.context.annotation.Bean
		GateListeners gateListeners(Gate gate) {
			return new GateListeners(gate);
		}

	}

	/** A listener that waits until opened, fails a number of times, then records. */
	static final class Gate {

		final CountDownLatch opened = new CountDownLatch(1);

		final AtomicInteger failuresLeft = new AtomicInteger();

		final AtomicInteger attempts = new AtomicInteger();

		final AtomicInteger waiting = new AtomicInteger();

		final List<String> received = new CopyOnWriteArrayList<>();

		final List<String> afterCommit = new CopyOnWriteArrayList<>();

		final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

		final List<Boolean> virtual = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		void open() {
			this.opened.countDown();
		}

	}

	static final class GateListeners {

		private final Gate gate;

		GateListeners(Gate gate) {
			this.gate = gate;
		}

		@EventListener
		void on(BuygoodsTransactionReceived event) throws InterruptedException {
			this.gate.waiting.incrementAndGet();
			if (!this.gate.opened.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the gate never opened");
			}
			this.gate.attempts.incrementAndGet();
			if (this.gate.failuresLeft.getAndUpdate((n) -> (n > 0) ? n - 1 : 0) > 0) {
				throw new IllegalStateException("listener failure for the test");
			}
			this.gate.threads.add(Thread.currentThread().getName());
			this.gate.inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			this.gate.virtual.add(isVirtual(Thread.currentThread()));
			this.gate.received.add(event.id());
		}

		@TransactionalEventListener
		void afterCommit(BuygoodsTransactionReceived event) {
			this.gate.afterCommit.add(event.id());
		}

		private static boolean isVirtual(Thread thread) {
			try {
				return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
			}
			catch (ReflectiveOperationException ex) {
				return false;
			}
		}

	}

}
