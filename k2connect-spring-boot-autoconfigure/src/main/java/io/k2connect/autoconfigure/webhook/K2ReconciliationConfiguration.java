package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.k2connect.K2Client;
import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.InvalidK2PropertiesException.Problem;
import io.k2connect.autoconfigure.K2Properties;
import io.k2connect.autoconfigure.webhook.jdbc.JdbcK2DeliveryRegistry;
import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The reconciliation of till payments whose webhook never came
 * ({@code k2.reconciliation.*}, off by default), imported by
 * {@link K2WebhookAutoConfiguration} after the delivery store: a
 * {@link K2ReconciliationStore} (the JDBC one when the delivery store is, memory
 * otherwise), the {@link K2Reconciliation} and the listener that hands it each delivered
 * polling result.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "k2.reconciliation.enabled")
class K2ReconciliationConfiguration {

	@Bean
	@ConditionalOnMissingBean(K2ReconciliationStore.class)
	InMemoryK2ReconciliationStore k2ReconciliationStore() {
		return new InMemoryK2ReconciliationStore();
	}

	@Bean
	@ConditionalOnMissingBean
	K2Reconciliation k2Reconciliation(K2Properties properties, K2Client client, K2ReconciliationStore store,
			K2DeliveryRegistry registry, ApplicationEventPublisher publisher, ListenerTransactions transactions,
			K2InboxConfigurations.InboxThreadBuilders threads, Environment environment,
			DeliveryObservations observations) {
		K2Reconciliation.Settings settings = settings(properties, environment, retention(registry));
		return new K2Reconciliation(client, store, new SyncDelivery(registry, publisher, transactions), settings,
				threads.scheduler("k2-reconciliation-"), Clock.systemUTC(), observations);
	}

	@Bean
	static K2Reconciliation.PollingResultListener k2ReconciliationListener(
			ObjectProvider<K2Reconciliation> reconciliation) {
		return new K2Reconciliation.PollingResultListener(reconciliation::getObject);
	}

	/** How long the registry remembers a delivery, with the property that sets it. */
	static K2Reconciliation.@Nullable Retention retention(K2DeliveryRegistry registry) {
		if (registry instanceof InMemoryK2DeliveryRegistry memory) {
			return new K2Reconciliation.Retention(memory.getRetention(), "the in-memory delivery store's retention");
		}
		if (registry instanceof JdbcK2DeliveryRegistry jdbc) {
			return new K2Reconciliation.Retention(jdbc.getRetention(), "k2.webhook.jdbc.retention");
		}
		return null; // the application's own: it knows
	}

	static K2Reconciliation.Settings settings(K2Properties properties, Environment environment,
			K2Reconciliation.@Nullable Retention retention) {
		K2Properties.Reconciliation reconciliation = properties.getReconciliation();
		List<Problem> problems = new ArrayList<>();
		String off = ", or k2.reconciliation.enabled=false";
		PropertyChecks.positive(problems, "k2.reconciliation.interval", reconciliation.getInterval(), "15m" + off);
		PropertyChecks.positive(problems, "k2.reconciliation.max-window", reconciliation.getMaxWindow(), "24h" + off);
		if (reconciliation.getOverlap() == null || reconciliation.getOverlap().isNegative()) {
			problems.add(new Problem("k2.reconciliation.overlap",
					"must not be negative (was " + reconciliation.getOverlap() + ")",
					"Set it to a duration such as 5m"));
		}
		Duration interval = reconciliation.getInterval();
		Duration overlap = reconciliation.getOverlap();
		Duration maxWindow = reconciliation.getMaxWindow();
		if (problems.isEmpty() && maxWindow.compareTo(interval.plus(overlap)) < 0) {
			problems.add(new Problem("k2.reconciliation.max-window",
					"must be at least k2.reconciliation.interval + overlap (" + interval.plus(overlap) + "), was "
							+ maxWindow + ": each run would leave part of its interval unasked",
					"Raise it, or shorten the interval"));
		}
		if (problems.isEmpty() && retention != null && maxWindow.plus(overlap).compareTo(retention.retention()) >= 0) {
			problems.add(new Problem("k2.reconciliation.max-window",
					"plus the overlap (" + maxWindow.plus(overlap) + ") must be shorter than " + retention.property()
							+ " (" + retention.retention() + "): older webhooks are forgotten, and their payments"
							+ " would be published again",
					"Lower k2.reconciliation.max-window, or keep deliveries longer"));
		}
		String till = (reconciliation.getTill() != null && !reconciliation.getTill().isBlank())
				? reconciliation.getTill().trim() : null;
		Scope scope = reconciliation.getScope();
		if (scope == Scope.TILL && till == null) {
			problems.add(new Problem("k2.reconciliation.till", "is required when k2.reconciliation.scope=till",
					"Set the till number, or k2.reconciliation.scope=company"));
		}
		if (scope != Scope.TILL && till != null) {
			problems.add(new Problem("k2.reconciliation.till", "is set but k2.reconciliation.scope is company",
					"Set k2.reconciliation.scope=till to reconcile that till alone, or remove the till"));
		}
		Supplier<URI> callbackUrl = callbackUrl(properties.getWebhook(), environment, problems);
		if (!problems.isEmpty()) {
			throw new InvalidK2PropertiesException(problems);
		}
		return new K2Reconciliation.Settings((scope != null) ? scope : Scope.COMPANY, till,
				reconciliation.getInterval(), reconciliation.getOverlap(), reconciliation.getMaxWindow(), callbackUrl);
	}

	/**
	 * {@code k2.webhook.public-url}; on the embedded simulator, which runs on this
	 * machine, the endpoint on localhost when it is not set.
	 */
	private static @Nullable Supplier<URI> callbackUrl(K2Properties.Webhook webhook, Environment environment,
			List<Problem> problems) {
		URI publicUrl = webhook.getPublicUrl();
		String path = webhook.getPath();
		if (publicUrl == null) {
			if (environment.getProperty("k2.simulator.enabled", Boolean.class, false)) {
				return () -> URI.create("http://localhost:"
						+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
						+ path);
			}
			problems.add(new Problem("k2.webhook.public-url", "is required when k2.reconciliation.enabled=true",
					"Set the URL at which K2 reaches the webhook endpoint, e.g. https://shop.example" + path));
			return null;
		}
		String scheme = publicUrl.getScheme();
		if (!publicUrl.isAbsolute() || publicUrl.getHost() == null
				|| !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
			problems.add(new Problem("k2.webhook.public-url", "must be an absolute http(s) URL (was " + publicUrl + ")",
					"Set it to e.g. https://shop.example" + path));
			return null;
		}
		String urlPath = (publicUrl.getPath() != null) ? publicUrl.getPath().replaceAll("/+$", "") : "";
		if (!urlPath.endsWith(path.replaceAll("/+$", ""))) {
			problems.add(new Problem("k2.webhook.public-url",
					"must end with the endpoint's path k2.webhook.path (" + path + "), was " + publicUrl,
					"Set it to the endpoint's own URL, e.g. https://shop.example" + path));
			return null;
		}
		return () -> publicUrl;
	}

}
