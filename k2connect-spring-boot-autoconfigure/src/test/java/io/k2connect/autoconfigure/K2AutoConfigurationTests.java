package io.k2connect.autoconfigure;

import java.time.Duration;

import io.k2connect.K2Client;
import io.k2connect.K2SignatureException;
import io.k2connect.K2TestServer;
import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import io.k2connect.event.CustomerCreated;
import io.k2connect.notification.NotificationService;
import io.k2connect.pay.PayService;
import io.k2connect.paymentlink.PaymentLinkService;
import io.k2connect.polling.PollingService;
import io.k2connect.receive.ReceivePaymentsService;
import io.k2connect.recipient.ExternalRecipientService;
import io.k2connect.reversal.ReversalService;
import io.k2connect.sendmoney.SendMoneyService;
import io.k2connect.subscription.WebhookService;
import io.k2connect.token.TokenService;
import io.k2connect.transfer.TransferService;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class K2AutoConfigurationTests {

	private static final byte[] CUSTOMER_CREATED = WebhookTestApplication.example("webhook-customer_created.json");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, K2AutoConfiguration.class));

	@Test
	void backsOffWithoutClientId() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(K2Client.class)
			.doesNotHaveBean(K2Properties.class));
	}

	@Test
	void providesTheClientAndEveryServiceWithProperties() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret").run((context) -> {
			assertThat(context).hasSingleBean(K2Client.class)
				.hasSingleBean(TokenService.class)
				.hasSingleBean(ReceivePaymentsService.class)
				.hasSingleBean(PayService.class)
				.hasSingleBean(TransferService.class)
				.hasSingleBean(WebhookService.class)
				.hasSingleBean(NotificationService.class)
				.hasSingleBean(PollingService.class)
				.hasSingleBean(SendMoneyService.class)
				.hasSingleBean(ExternalRecipientService.class)
				.hasSingleBean(ReversalService.class)
				.hasSingleBean(PaymentLinkService.class);
			K2Client client = context.getBean(K2Client.class);
			assertThat(client.baseUrl()).hasToString("https://sandbox.kopokopo.com");
			assertThat(client.clientId()).isEqualTo("id");
			assertThat(context.getBean(PayService.class)).isSameAs(client.pay());
			assertThat(context.getBean(SendMoneyService.class)).isSameAs(client.sendMoney());
		});
	}

	@Test
	void bindsTheBaseUrl() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.base-url=https://api.kopokopo.com")
			.run((context) -> assertThat(context.getBean(K2Client.class).baseUrl())
				.hasToString("https://api.kopokopo.com"));
	}

	@Test
	void clientCarriesTheApiKeyForItsResultProcessor() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.api-key=the-key")
			.run((context) -> {
				byte[] body = "{\"topic\":\"customer_created\",\"id\":\"e-1\"}"
					.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				assertThat(context.getBean(K2Client.class)
					.resultProcessor()
					.process(body, io.k2connect.webhook.K2Signatures.sign(body, "the-key")))
					.isInstanceOf(io.k2connect.event.CustomerCreated.class);
			});
	}

	@Test
	void userClientWins() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.withUserConfiguration(UserClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(K2Client.class);
				assertThat(context.getBean(K2Client.class).clientId()).isEqualTo("user-client");
				assertThat(context.getBean(PayService.class)).isSameAs(context.getBean(K2Client.class).pay());
			});
	}

	@Test
	void userServiceWins() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.withUserConfiguration(UserPayServiceConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(PayService.class);
				assertThat(context.getBean(PayService.class)).isSameAs(UserPayServiceConfiguration.PAY);
			});
	}

	@Test
	void missingClientSecretFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("k2.client-id=id").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyse(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("k2.client-secret").contains("is not set");
			assertThat(analysis.getAction()).contains("Set k2.client-secret");
		});
	}

	@Test
	void plainHttpBaseUrlFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.base-url=http://sandbox.kopokopo.com")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyse(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("k2.base-url").contains("https://");
				assertThat(analysis.getAction()).contains("https://sandbox.kopokopo.com");
			});
	}

	@Test
	void aBrokenConnectionDetailsBeanIsNamedInsteadOfAProperty() {
		this.contextRunner.withBean(K2ConnectionDetails.class, () -> new VaultDetails("from-vault", " ", null))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyse(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("K2ConnectionDetails bean")
					.contains("clientSecret")
					.doesNotContain("k2.client-secret");
				assertThat(analysis.getAction()).contains("clientSecret()");
			});
	}

	@Test
	void everyBrokenSettingIsReportedAtOnce() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.base-url=ftp://example.com", "k2.http.max-retries=99")
			.run((context) -> {
				InvalidK2PropertiesException failure = invalidProperties(context.getStartupFailure());
				assertThat(failure.problems()).extracting(InvalidK2PropertiesException.Problem::property)
					.containsExactlyInAnyOrder("k2.client-secret", "k2.base-url", "k2.http.max-retries");
			});
	}

	@Test
	void loopbackHttpBaseUrlIsAccepted() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.base-url=http://localhost:8089")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(K2Client.class));
	}

	@Test
	void invalidTimeoutFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.http.read-timeout=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyse(context.getStartupFailure()).getDescription()).contains("k2.http.read-timeout");
			});
	}

	@Test
	void failureMessagesNeverShowTheSecret() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=very-secret", "k2.base-url=http://example.com")
			.run((context) -> {
				FailureAnalysis analysis = analyse(context.getStartupFailure());
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("very-secret");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("k2.base-url")
					.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain("very-secret"));
			});
	}

	@Test
	void customizerIsAppliedLast() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.withBean(K2ClientCustomizer.class, () -> (builder) -> builder.baseUrl("https://api.kopokopo.com"))
			.run((context) -> assertThat(context.getBean(K2Client.class).baseUrl())
				.hasToString("https://api.kopokopo.com"));
	}

	@Test
	void restClientCustomizersApplyToK2Calls() {
		CountingRestClientCustomizer counting = new CountingRestClientCustomizer();
		try (K2TestServer k2 = K2TestServer.start()) {
			this.contextRunner
				.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.base-url=" + k2.baseUrl())
				.withBean(RestClientCustomizer.class, () -> counting)
				.run((context) -> {
					context.getBean(K2Client.class).accessToken();
					assertThat(counting.requests).hasValue(1);
				});
		}
	}

	@Test
	void worksWithoutTheRestClientModule() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(K2AutoConfiguration.class))
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.run((context) -> assertThat(context).hasSingleBean(K2Client.class));
	}

	@Test
	void backsOffWhenCoreIsMissing() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret")
			.withClassLoader(new FilteredClassLoader(K2Client.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("k2Client"));
	}

	@Test
	void propertiesBindDurationsAndMaskSecrets() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=very-secret", "k2.api-key=very-key",
					"k2.http.connect-timeout=2s", "k2.token.refresh-skew=5m")
			.run((context) -> {
				K2Properties properties = context.getBean(K2Properties.class);
				assertThat(properties.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getToken().getRefreshSkew()).isEqualTo(Duration.ofMinutes(5));
				assertThat(properties.toString()).doesNotContain("very-secret").doesNotContain("very-key");
			});
	}

	@Test
	void startupMakesNoNetworkCall() {
		// An unroutable base URL: any start-up call would fail or hang the context.
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.base-url=https://192.0.2.1",
					"k2.http.connect-timeout=1ms")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(K2Client.class));
	}

	@Test
	void connectionDetailsBeanSwitchesTheClientOnWithoutProperties() {
		this.contextRunner
			.withBean(K2ConnectionDetails.class, () -> new VaultDetails("from-vault", "vault-secret", null))
			.run((context) -> {
				assertThat(context).hasSingleBean(K2Client.class).hasSingleBean(K2ConnectionDetails.class);
				assertThat(context.getBean(K2Client.class).clientId()).isEqualTo("from-vault");
				assertThat(context.getBean(K2Client.class).baseUrl()).hasToString("https://api.kopokopo.com");
			});
	}

	@Test
	void withoutAnApiKeyTheClientStartsAndTheResultProcessorNamesTheMissingProperty() {
		this.contextRunner.withPropertyValues("k2.client-id=id", "k2.client-secret=secret").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(K2Client.class);
			assertThatExceptionOfType(org.springframework.beans.factory.BeanCreationException.class)
				.isThrownBy(() -> context.getBean(K2ResultProcessor.class))
				.havingRootCause()
				.isInstanceOf(InvalidK2PropertiesException.class)
				.withMessageContaining("k2.api-key");
		});
	}

	@Test
	void resultProcessorUsesTheApiKeyOfTheConnectionDetails() {
		this.contextRunner
			.withBean(K2ConnectionDetails.class, () -> new VaultDetails("from-vault", "vault-secret", "vault-api-key"))
			.withPropertyValues("k2.api-key=property-api-key")
			.run((context) -> {
				K2ResultProcessor processor = context.getBean(K2ResultProcessor.class);

				assertThat(processor.process(CUSTOMER_CREATED, K2Signatures.sign(CUSTOMER_CREATED, "vault-api-key")))
					.isInstanceOf(CustomerCreated.class);
				assertThatExceptionOfType(K2SignatureException.class).isThrownBy(() -> processor
					.process(CUSTOMER_CREATED, K2Signatures.sign(CUSTOMER_CREATED, "property-api-key")));
			});
	}

	@Test
	void aRotatedKeyVerifiesThroughTheResultProcessorBeanAndTheClientAlike() {
		this.contextRunner
			.withPropertyValues("k2.client-id=id", "k2.client-secret=secret", "k2.api-key=new-key",
					"k2.webhook.additional-api-keys=old-key")
			.run((context) -> {
				String oldSignature = K2Signatures.sign(CUSTOMER_CREATED, "old-key");
				String newSignature = K2Signatures.sign(CUSTOMER_CREATED, "new-key");
				K2ResultProcessor bean = context.getBean(K2ResultProcessor.class);
				K2ResultProcessor clients = context.getBean(K2Client.class).resultProcessor();

				assertThat(bean.process(CUSTOMER_CREATED, oldSignature)).isInstanceOf(CustomerCreated.class);
				assertThat(bean.process(CUSTOMER_CREATED, newSignature)).isInstanceOf(CustomerCreated.class);
				assertThat(clients.process(CUSTOMER_CREATED, oldSignature)).isInstanceOf(CustomerCreated.class);
				assertThat(clients.process(CUSTOMER_CREATED, newSignature)).isInstanceOf(CustomerCreated.class);
				assertThatExceptionOfType(K2SignatureException.class)
					.isThrownBy(() -> bean.process(CUSTOMER_CREATED, K2Signatures.sign(CUSTOMER_CREATED, "other")));
			});
	}

	private static InvalidK2PropertiesException invalidProperties(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidK2PropertiesException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("no InvalidK2PropertiesException in the cause chain of " + failure);
	}

	private static FailureAnalysis analyse(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidK2PropertiesException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("InvalidK2PropertiesException in the cause chain of " + failure).isNotNull();
		FailureAnalysis analysis = new InvalidK2PropertiesFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	private static String stackTrace(Throwable ex) {
		java.io.StringWriter out = new java.io.StringWriter();
		ex.printStackTrace(new java.io.PrintWriter(out));
		return out.toString();
	}

	/**
	 * Adds an interceptor that counts the requests of every client built from the
	 * builder.
	 */
	static final class CountingRestClientCustomizer implements RestClientCustomizer {

		final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

		@Override
		public void customize(RestClient.Builder builder) {
			builder.requestInterceptor((request, body, execution) -> {
				this.requests.incrementAndGet();
				return execution.execute(request, body);
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		K2Client userClient() {
			return K2Client.builder().clientId("user-client").clientSecret("s").build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserPayServiceConfiguration {

		static final PayService PAY = K2Client.builder().clientId("other").clientSecret("s").build().pay();

		@Bean
		PayService userPayService() {
			return PAY;
		}

	}

	/** Connection details from somewhere other than the {@code k2.*} properties. */
	private record VaultDetails(String clientId, String clientSecret,
			@org.jspecify.annotations.Nullable String apiKey) implements K2ConnectionDetails {

		@Override
		public java.net.URI baseUrl() {
			return java.net.URI.create("https://api.kopokopo.com");
		}

	}

}
