package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.util.List;

import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.actuate.K2ActuatorAutoConfiguration;
import io.k2connect.autoconfigure.actuate.K2DeliveriesEndpoint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code k2.webhook.processing} wires the inbox. */
class K2InboxAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(K2AutoConfiguration.class, K2WebhookAutoConfiguration.class,
				K2ActuatorAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
				TaskSchedulingAutoConfiguration.class))
		.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.api-key=key",
				"k2.webhook.delivery-store=memory", "management.endpoints.web.exposure.include=k2deliveries");

	@Test
	void synchronousProcessingIsTheDefaultAndHasNoInbox() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(K2Inbox.class)
				.doesNotHaveBean(K2DeliveriesEndpoint.class);
			assertThat(context.getBean(K2WebhookController.class))
				.hasToString("K2WebhookController[maxBodyBytes=1048576, processing=sync]");
		});
	}

	@Test
	void asyncProcessingStoresInTheDeliveryRegistryAndRuns() {
		this.contextRunner.withPropertyValues("k2.webhook.processing=async").run((context) -> {
			assertThat(context).hasSingleBean(K2Inbox.class).hasSingleBean(K2DeliveriesEndpoint.class);
			K2Inbox inbox = context.getBean(K2Inbox.class);
			assertThat(inbox.isRunning()).isTrue();
			assertThat(inbox.toString()).contains("InMemoryK2DeliveryRegistry", "concurrency=8", "maxAttempts=10");
			assertThat(context.getBean(K2WebhookController.class).toString()).contains("processing=async");
		});
	}

	@Test
	void asyncProcessingWorksWithoutSpringTransactions() {
		this.contextRunner.withPropertyValues("k2.webhook.processing=async")
			.withClassLoader(new FilteredClassLoader(PlatformTransactionManager.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(K2Inbox.class));
	}

	@Test
	void everyWrongInboxPropertyIsNamedAtOnce() {
		this.contextRunner
			.withPropertyValues("k2.webhook.processing=async", "k2.webhook.retry.max-attempts=0",
					"k2.webhook.retry.initial-interval=0s", "k2.webhook.retry.multiplier=0.5",
					"k2.webhook.inbox.concurrency=0", "k2.webhook.inbox.poll-interval=-1s",
					"k2.webhook.inbox.shutdown-timeout=-1s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidK2PropertiesException.class);
				InvalidK2PropertiesException failure = (InvalidK2PropertiesException) rootCause(
						context.getStartupFailure());
				assertThat(failure.problems()).extracting(InvalidK2PropertiesException.Problem::property)
					.containsExactly("k2.webhook.retry.max-attempts", "k2.webhook.retry.initial-interval",
							"k2.webhook.retry.multiplier", "k2.webhook.inbox.concurrency",
							"k2.webhook.inbox.poll-interval", "k2.webhook.inbox.shutdown-timeout");
			});
	}

	@Test
	void aZeroCapacityOfTheInMemoryInboxIsNamed() {
		this.contextRunner.withPropertyValues("k2.webhook.processing=async", "k2.webhook.inbox.capacity=0")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.hasMessageContaining("k2.webhook.inbox.capacity must be at least 1"));
	}

	@Test
	void aRegistryOfTheApplicationsOwnThatCannotStoreFailsNamingTheProperty() {
		this.contextRunner.withUserConfiguration(PlainRegistry.class)
			.withPropertyValues("k2.webhook.processing=async")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.isInstanceOf(InvalidK2PropertiesException.class)
				.hasMessageContaining("k2.webhook.processing is async, but the K2DeliveryRegistry bean"));
	}

	@Test
	void anInboxStoreOfTheApplicationsOwnIsUsed() {
		this.contextRunner.withUserConfiguration(PlainRegistry.class, OwnStore.class)
			.withPropertyValues("k2.webhook.processing=async")
			.run((context) -> assertThat(context.getBean(K2Inbox.class).toString()).contains("own store"));
	}

	private static Throwable rootCause(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause != null && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class PlainRegistry {

		@Bean
		K2DeliveryRegistry plainRegistry() {
			return new K2DeliveryRegistry() {

				@Override
				public Claim begin(String deliveryKey) {
					return Claim.CLAIMED;
				}

				@Override
				public void complete(String deliveryKey) {
				}

				@Override
				public void abandon(String deliveryKey) {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStore {

		@Bean
		K2InboxStore ownStore() {
			return new K2InboxStore() {

				@Override
				public Stored store(String deliveryKey, String kind, byte[] body, boolean claim) {
					return Stored.STORED;
				}

				@Override
				public List<ClaimedDelivery> claimDue(int max) {
					return List.of();
				}

				@Override
				public void succeeded(String deliveryKey) {
				}

				@Override
				public void failed(String deliveryKey, String error, @Nullable Duration retryIn) {
				}

				@Override
				public void release(String deliveryKey) {
				}

				@Override
				public Counts counts() {
					return Counts.NONE;
				}

				@Override
				public List<DeadDelivery> deadDeliveries(int max) {
					return List.of();
				}

				@Override
				public boolean replay(String deliveryKey) {
					return false;
				}

				@Override
				public int replayAll() {
					return 0;
				}

				@Override
				public String toString() {
					return "own store";
				}

			};
		}

	}

}
