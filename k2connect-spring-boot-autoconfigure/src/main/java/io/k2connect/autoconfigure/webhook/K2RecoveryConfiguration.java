package io.k2connect.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.InvalidK2PropertiesException.Problem;
import io.k2connect.autoconfigure.K2ClientCustomizer;
import io.k2connect.autoconfigure.K2Properties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recovery of results whose callback never came ({@code k2.recovery.*}, on by
 * default), imported by {@link K2WebhookAutoConfiguration}: the client tells the
 * {@link K2OutstandingResults} (the delivery store when it is one, memory otherwise) of
 * each request it creates, and the {@link K2ResultRecovery} fetches overdue results.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "k2.recovery.enabled", matchIfMissing = true)
class K2RecoveryConfiguration {

	@Bean
	@ConditionalOnMissingBean(K2OutstandingResults.class)
	InMemoryK2OutstandingResults k2OutstandingResults() {
		return new InMemoryK2OutstandingResults();
	}

	@Bean
	K2ClientCustomizer k2RecoveryClientCustomizer(ObjectProvider<K2OutstandingResults> outstanding,
			K2Properties properties) {
		Duration timeout = properties.getRecovery().getResultTimeout();
		Clock clock = Clock.systemUTC();
		// Looked up on the first create, not now: the store may need beans that need the
		// client.
		return (builder) -> builder
			.createObserver((path, location) -> K2ResultRecovery.observer(outstanding.getObject(), timeout, clock)
				.created(path, location));
	}

	@Bean
	@ConditionalOnMissingBean
	K2ResultRecovery k2ResultRecovery(K2Properties properties, K2Client client, K2OutstandingResults outstanding,
			K2DeliveryRegistry registry, ApplicationEventPublisher publisher, ListenerTransactions transactions,
			K2InboxConfigurations.InboxThreadBuilders threads) {
		K2ResultRecovery.Settings settings = settings(properties.getRecovery(), properties.getWebhook().getPath());
		return new K2ResultRecovery(client, outstanding, new SyncDelivery(registry, publisher, transactions), publisher,
				settings, threads.scheduler("k2-recovery-"), Clock.systemUTC());
	}

	static K2ResultRecovery.Settings settings(K2Properties.Recovery recovery, String webhookPath) {
		List<Problem> problems = new ArrayList<>();
		positive(problems, "k2.recovery.result-timeout", recovery.getResultTimeout());
		positive(problems, "k2.recovery.give-up-after", recovery.getGiveUpAfter());
		positive(problems, "k2.recovery.poll-interval", recovery.getPollInterval());
		positive(problems, "k2.recovery.max-interval", recovery.getMaxInterval());
		if (!problems.isEmpty()) {
			throw new InvalidK2PropertiesException(problems);
		}
		return new K2ResultRecovery.Settings(recovery.getResultTimeout(), recovery.getGiveUpAfter(),
				recovery.getPollInterval(), recovery.getMaxInterval(), webhookPath);
	}

	private static void positive(List<Problem> problems, String property, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			problems.add(new Problem(property, "must be a positive duration (was " + value + ")",
					"Set it to a duration such as 5m, or k2.recovery.enabled=false"));
		}
	}

}
