package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.util.UUID;

import io.k2connect.autoconfigure.InvalidK2PropertiesException;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.webhook.jdbc.JdbcK2ReconciliationStore;
import io.k2connect.event.PollingResult;
import io.k2connect.event.ResultLinks;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code k2.reconciliation.*} wires the reconciliation, and how it names mistakes.
 */
class K2ReconciliationAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(K2AutoConfiguration.class, K2WebhookAutoConfiguration.class,
				TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class))
		.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.api-key=key",
				"k2.webhook.delivery-store=memory");

	@Test
	void isOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(K2Reconciliation.class)
			.doesNotHaveBean(K2ReconciliationStore.class));
	}

	@Test
	void onWithAPublicUrlItReconcilesTheCompanyInMemory() {
		this.contextRunner
			.withPropertyValues("k2.reconciliation.enabled=true",
					"k2.webhook.public-url=https://shop.example/k2/webhooks")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(InMemoryK2ReconciliationStore.class)
					.hasSingleBean(K2Reconciliation.PollingResultListener.class);
				assertThat(context.getBean(K2Reconciliation.class).toString()).contains(
						"scope=company, interval=PT15M, overlap=PT5M, maxWindow=PT12H",
						"store=InMemoryK2ReconciliationStore");
			});
	}

	@Test
	void withTheJdbcDeliveryStoreItKeepsItsStateInTheDatabase() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class))
			.withPropertyValues("k2.webhook.delivery-store=jdbc",
					"spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "k2.reconciliation.enabled=true",
					"k2.reconciliation.scope=till", "k2.reconciliation.till=K000000",
					"k2.webhook.public-url=https://shop.example/k2/webhooks")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(JdbcK2ReconciliationStore.class);
				assertThat(context.getBean(K2Reconciliation.class).toString()).contains("scope=till:K000000");
			});
	}

	@Test
	void withoutAPublicUrlItFailsNamingIt() {
		this.contextRunner.withPropertyValues("k2.reconciliation.enabled=true")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.hasMessageContaining("k2.webhook.public-url is required when k2.reconciliation.enabled=true"));
	}

	@Test
	void everyWrongPropertyIsNamedAtOnce() {
		this.contextRunner
			.withPropertyValues("k2.reconciliation.enabled=true", "k2.reconciliation.interval=0s",
					"k2.reconciliation.max-window=-1h", "k2.reconciliation.overlap=-1m", "k2.reconciliation.scope=till",
					"k2.webhook.public-url=https://shop.example/other")
			.run((context) -> {
				InvalidK2PropertiesException failure = (InvalidK2PropertiesException) rootCause(
						context.getStartupFailure());
				assertThat(failure.problems()).extracting(InvalidK2PropertiesException.Problem::property)
					.containsExactly("k2.reconciliation.interval", "k2.reconciliation.max-window",
							"k2.reconciliation.overlap", "k2.reconciliation.till", "k2.webhook.public-url");
				assertThat(failure.getMessage()).contains("must end with the endpoint's path k2.webhook.path");
			});
	}

	@Test
	void aMaxWindowShorterThanARunsWindowIsNamed() {
		this.contextRunner
			.withPropertyValues("k2.reconciliation.enabled=true", "k2.reconciliation.interval=1h",
					"k2.reconciliation.max-window=30m", "k2.webhook.public-url=https://shop.example/k2/webhooks")
			.run((context) -> assertThat(rootCause(context.getStartupFailure())).hasMessageContaining(
					"k2.reconciliation.max-window must be at least k2.reconciliation.interval + overlap (PT1H5M)"));
	}

	@Test
	void aMaxWindowThatOutlivesTheDeliveryStoresMemoryIsNamed() {
		this.contextRunner
			.withPropertyValues("k2.reconciliation.enabled=true", "k2.reconciliation.max-window=24h",
					"k2.webhook.public-url=https://shop.example/k2/webhooks")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.hasMessageContaining("k2.reconciliation.max-window plus the overlap (PT24H5M) must be shorter than"
						+ " the in-memory delivery store's retention (PT24H)"));
	}

	@Test
	void aTillWithTheCompanyScopeIsNamed() {
		this.contextRunner
			.withPropertyValues("k2.reconciliation.enabled=true", "k2.reconciliation.till=K000000",
					"k2.webhook.public-url=https://shop.example/k2/webhooks")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.hasMessageContaining("k2.reconciliation.till is set but k2.reconciliation.scope is company"));
	}

	@Test
	void aPublicUrlThatIsNotAnAbsoluteHttpUrlIsNamed() {
		this.contextRunner
			.withPropertyValues("k2.reconciliation.enabled=true",
					"k2.webhook.public-url=ftp://shop.example/k2/webhooks")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()))
				.hasMessageContaining("k2.webhook.public-url must be an absolute http(s) URL"));
	}

	@Test
	void theCallbackUrlCarriesTheWindowAndAPollingResultGivesItBack() {
		URI plain = K2Reconciliation.callbackUrl(URI.create("https://shop.example/k2/webhooks"), "w-1");
		URI withQuery = K2Reconciliation.callbackUrl(URI.create("https://shop.example/k2/webhooks?tenant=a"), "w-2");

		assertThat(plain).hasToString("https://shop.example/k2/webhooks?k2_reconciliation_window=w-1");
		assertThat(withQuery).hasToString("https://shop.example/k2/webhooks?tenant=a&k2_reconciliation_window=w-2");
		assertThat(K2Reconciliation.windowId(polling(withQuery.toString()))).isEqualTo("w-2");
		assertThat(K2Reconciliation.windowId(polling("https://shop.example/k2/webhooks"))).isNull();
		assertThat(K2Reconciliation.windowId(polling("not a url"))).isNull();
		assertThat(K2Reconciliation.windowId(polling(null))).isNull();
	}

	private static PollingResult polling(@Nullable String callbackUrl) {
		return new PollingResult("p-1", "polling", "Success", null, null, null, null, null, null, null,
				new ResultLinks(null, callbackUrl));
	}

	private static @Nullable Throwable rootCause(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause != null && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
