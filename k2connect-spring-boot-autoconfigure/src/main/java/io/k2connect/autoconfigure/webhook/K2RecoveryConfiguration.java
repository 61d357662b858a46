package io.k2connect.autoconfigure.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.InvalidK2PropertiesException.Problem;
import io.k2connect.autoconfigure.K2ClientCustomizer;
import io.k2connect.autoconfigure.K2Properties;

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
		return (builder) -> builder.createObserver(K2ResultRecovery.observer(outstanding::getObject,
				properties.getRecovery().getResultTimeout(), Clock.systemUTC()));
	}

	@Bean
	@ConditionalOnMissingBean
	K2ResultRecovery k2ResultRecovery(K2Properties properties, K2Client client, K2OutstandingResults outstanding,
			K2DeliveryRegistry registry, ApplicationEventPublisher publisher, ListenerTransactions transactions,
			K2InboxConfigurations.InboxThreadBuilders threads, DeliveryObservations observations) {
		K2ResultRecovery.Settings settings = settings(properties.getRecovery(), properties.getWebhook().getPath());
		return new K2ResultRecovery(client, outstanding, new SyncDelivery(registry, publisher, transactions), publisher,
				settings, threads.scheduler("k2-recovery-"), Clock.systemUTC(), observations);
	}

	static K2ResultRecovery.Settings settings(K2Properties.Recovery recovery, String webhookPath) {
		List<Problem> problems = new ArrayList<>();
		PropertyChecks.positive(problems, "k2.recovery.result-timeout", recovery.getResultTimeout(),
				"5m, or k2.recovery.enabled=false");
		PropertyChecks.positive(problems, "k2.recovery.give-up-after", recovery.getGiveUpAfter(),
				"5m, or k2.recovery.enabled=false");
		PropertyChecks.positive(problems, "k2.recovery.poll-interval", recovery.getPollInterval(),
				"5m, or k2.recovery.enabled=false");
		PropertyChecks.positive(problems, "k2.recovery.max-interval", recovery.getMaxInterval(),
				"5m, or k2.recovery.enabled=false");
		if (!problems.isEmpty()) {
			throw new InvalidK2PropertiesException(problems);
		}
		return new K2ResultRecovery.Settings(recovery.getResultTimeout(), recovery.getGiveUpAfter(),
				recovery.getPollInterval(), recovery.getMaxInterval(), webhookPath);
	}

}
