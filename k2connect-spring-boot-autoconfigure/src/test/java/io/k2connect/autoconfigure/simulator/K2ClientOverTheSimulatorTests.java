package io.k2connect.autoconfigure.simulator;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client's settings, seen on the wire: real HTTP calls to the
 * embedded simulator.
 */
class K2ClientOverTheSimulatorTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class, K2SimulatorAutoConfiguration.class,
				K2AutoConfiguration.class))
		.withPropertyValues("k2.simulator.enabled=true");

	@Test
	void apiVersionV2SelectsTheV2Paths() {
		this.contextRunner.withPropertyValues("k2.api-version=v2").run((context) -> {
			ResourceLocation location = context.getBean(K2Client.class)
				.webhooks()
				.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
						"https://example.com/k2/webhooks"));

			assertThat(location.location().getPath()).startsWith("/api/v2/webhook_subscriptions/");
			assertThat(context.getBean(K2Simulator.class).requests("POST", "/api/v2/webhook_subscriptions")).hasSize(1);
		});
	}

}
