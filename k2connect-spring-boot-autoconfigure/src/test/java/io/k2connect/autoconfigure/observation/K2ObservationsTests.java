package io.k2connect.autoconfigure.observation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.k2connect.K2Client;
import io.k2connect.autoconfigure.webhook.K2Inbox;
import io.k2connect.autoconfigure.webhook.K2InboxMetrics;
import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import io.k2connect.event.CustomerCreated;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.simulator.MagicPhoneNumbers;
import io.k2connect.webhook.K2Signatures;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The observations an application gets from k2connect, with its own registry and the
 * endpoint on a real port over the simulator: the client's operations, and each delivery
 * where it is handled (received, dispatched, recovered, given up), with the inbox's
 * gauges; no key carries a secret, a token, a signature or a phone number.
 */
class K2ObservationsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String DELIVERIES = "k2.webhook.deliveries";

	private final K2Simulator simulator = K2Simulator.builder()
		.callbackDelay(Duration.ofMillis(20))
		.redeliveries(0)
		.start();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final AtomicInteger failures = new AtomicInteger();

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.simulator.close();
	}

	@Test
	void anStkPushIsAClientOperationAndItsCallbackADeliveryReceived() {
		ConfigurableApplicationContext app = start();

		push(app, "0712345678");

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
					.hasLowCardinalityKeyValue("k2.stage", "receive")
					.hasLowCardinalityKeyValue("k2.processing", "sync")
					.hasLowCardinalityKeyValue("k2.delivery.type", "incoming_payment")
					.hasLowCardinalityKeyValue("outcome", "accepted")
					.hasHighCardinalityKeyValueWithKey("k2.delivery.key")));
		assertThat(this.registry).hasAnObservation((observation) -> observation.hasNameEqualTo("k2.client.operations")
			.hasLowCardinalityKeyValue("k2.operation", "stk_push")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS"));
		assertNoSecretInAnyKey();
	}

	@Test
	void aRejectedAndARepeatedDeliveryAreObservedWithTheirOutcome() throws Exception {
		ConfigurableApplicationContext app = start();
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		byte[] body = WebhookTestApplication.example("webhook-customer_created.json");

		WebhookTestApplication.postWebhook(port, body, "not-the-signature");
		String signature = K2Signatures.sign(body, this.simulator.apiKey());
		WebhookTestApplication.postWebhook(port, body, signature);
		WebhookTestApplication.postWebhook(port, body, signature);

		assertThat(this.registry)
			.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
				.hasLowCardinalityKeyValue("outcome", "invalid_signature")
				.hasLowCardinalityKeyValue("k2.delivery.type", "none"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
				.hasLowCardinalityKeyValue("outcome", "accepted")
				.hasLowCardinalityKeyValue("k2.delivery.type", "customer_created"))
			.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
				.hasLowCardinalityKeyValue("outcome", "duplicate"));
		assertNoSecretInAnyKey();
	}

	@Test
	void asynchronousDeliveriesAreObservedWhenStoredAndWhenDispatchedWithTheInboxsGauges() {
		ConfigurableApplicationContext app = start("k2.webhook.processing=async", "k2.webhook.inbox.poll-interval=50ms",
				"k2.webhook.retry.max-attempts=2", "k2.webhook.retry.initial-interval=10ms");
		this.failures.set(2);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		byte[] body = WebhookTestApplication.example("webhook-customer_created.json");

		assertThat(post(port, body)).isEqualTo(200);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
					.hasLowCardinalityKeyValue("k2.stage", "receive")
					.hasLowCardinalityKeyValue("k2.processing", "async")
					.hasLowCardinalityKeyValue("outcome", "accepted"))
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
					.hasLowCardinalityKeyValue("k2.stage", "dispatch")
					.hasLowCardinalityKeyValue("outcome", "retrying")
					.hasLowCardinalityKeyValue("exception", "IllegalStateException"))
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
					.hasLowCardinalityKeyValue("k2.stage", "dispatch")
					.hasLowCardinalityKeyValue("k2.delivery.type", "customer_created")
					.hasLowCardinalityKeyValue("outcome", "dead")));
		MeterRegistry meters = new SimpleMeterRegistry();
		new K2InboxMetrics(app.getBean(K2Inbox.class)).bindTo(meters);
		assertThat(meters.get(K2InboxMetrics.NAME).tag("state", "dead").gauge().value()).isEqualTo(1.0);
		assertThat(meters.get(K2InboxMetrics.NAME).tag("state", "pending").gauge().value()).isZero();
		assertThat(app.getBeansOfType(K2InboxMetrics.class)).hasSize(1);
	}

	@Test
	void aRecoveredResultAndOneGivenUpAreObserved() {
		ConfigurableApplicationContext app = start("k2.recovery.give-up-after=2s");

		push(app, MagicPhoneNumbers.CALLBACK_LOST);
		push(app, MagicPhoneNumbers.NO_CALLBACK);

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry)
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
					.hasLowCardinalityKeyValue("k2.stage", "recovery")
					.hasLowCardinalityKeyValue("k2.delivery.type", "incoming_payment")
					.hasLowCardinalityKeyValue("outcome", "recovered"))
				.hasAnObservation((observation) -> observation.hasNameEqualTo(DELIVERIES)
					.hasLowCardinalityKeyValue("k2.stage", "recovery")
					.hasLowCardinalityKeyValue("outcome", "given_up")));
		assertNoSecretInAnyKey();
	}

	@Test
	void aConventionBeanOfTheApplicationsOwnRenamesDeliveries() {
		ConfigurableApplicationContext app = start();
		app.close();
		this.registry.clear();
		app = new SpringApplicationBuilder(WebhookTestApplication.class, Listeners.class, OwnConvention.class)
			.properties(properties().toArray(String[]::new))
			.initializers((ctx) -> {
				ctx.getBeanFactory().registerSingleton("observationRegistry", this.registry);
				ctx.getBeanFactory().registerSingleton("failures", this.failures);
			})
			.run();
		this.contexts.add(app);

		push(app, "0712345678");

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("shop.k2.deliveries")
				.that()
				.hasLowCardinalityKeyValue("shop", "demo"));
	}

	private void assertNoSecretInAnyKey() {
		assertThat(this.registry).hasHandledContextsThatSatisfy((handled) -> {
			for (Observation.Context context : handled) {
				KeyValues all = context.getAllKeyValues();
				for (KeyValue keyValue : all) {
					assertThat(keyValue.getValue()).as(keyValue.getKey())
						.doesNotContain(this.simulator.clientSecret(), this.simulator.apiKey(), "712345678",
								"700000006", "700000002");
				}
			}
		});
	}

	private int post(int port, byte[] body) {
		try {
			return WebhookTestApplication.postWebhook(port, body, K2Signatures.sign(body, this.simulator.apiKey()))
				.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void push(ConfigurableApplicationContext app, String phone) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		app.getBean(K2Client.class)
			.receivePayments()
			.createPaymentRequest(PaymentRequest.builder()
				.tillNumber("K000000")
				.phoneNumber(phone)
				.amount(BigDecimal.TEN)
				.callbackUrl("http://localhost:" + port + "/k2/webhooks")
				.build());
	}

	private List<String> properties(String... extra) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"k2.base-url=" + this.simulator.baseUrl(), "k2.client-id=" + this.simulator.clientId(),
				"k2.client-secret=" + this.simulator.clientSecret(), "k2.api-key=" + this.simulator.apiKey(),
				"k2.webhook.delivery-store=memory", "k2.recovery.result-timeout=1s", "k2.recovery.poll-interval=50ms",
				"k2.recovery.max-interval=200ms"));
		properties.addAll(List.of(extra));
		return properties;
	}

	private ConfigurableApplicationContext start(String... extra) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebhookTestApplication.class,
				Listeners.class)
			.properties(properties(extra).toArray(String[]::new))
			.initializers((ctx) -> {
				ctx.getBeanFactory().registerSingleton("observationRegistry", this.registry);
				ctx.getBeanFactory().registerSingleton("failures", this.failures);
			})
			.run();
		this.contexts.add(context);
		return context;
	}

	static class Listeners {

		@Bean
		Object observedListeners(AtomicInteger failures) {
			return new Object() {

				@EventListener
				void on(CustomerCreated created) {
					if (failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
						throw new IllegalStateException("the listener failed");
					}
				}

				@EventListener
				void on(IncomingPaymentResult result) {
				}

			};
		}

	}

	static class OwnConvention {

		@Bean
		K2DeliveryObservationConvention shopConvention() {
			return new DefaultK2DeliveryObservationConvention() {

				@Override
				public String getName() {
					return "shop.k2.deliveries";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(K2DeliveryObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("shop", "demo");
				}

			};
		}

	}

}
