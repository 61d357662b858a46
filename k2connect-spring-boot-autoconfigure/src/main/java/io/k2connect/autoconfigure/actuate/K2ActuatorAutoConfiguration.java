package io.k2connect.autoconfigure.actuate;

import java.util.Locale;

import io.k2connect.K2Client;
import io.k2connect.autoconfigure.ConditionalOnK2Configured;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.webhook.K2Inbox;
import io.k2connect.autoconfigure.webhook.K2WebhookAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support, each part only when its module is present: the {@code k2} health
 * indicator, the {@code k2deliveries} endpoint of the async inbox, and masking of the K2
 * secrets in the {@code env} and {@code configprops} endpoints even where an application
 * chooses to show values.
 */
@AutoConfiguration(after = { K2AutoConfiguration.class, K2WebhookAutoConfiguration.class })
public final class K2ActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(K2Client.class)
	@ConditionalOnEnabledHealthIndicator("k2")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "k2HealthIndicator")
		K2HealthIndicator k2HealthIndicator(K2Client k2Client) {
			return new K2HealthIndicator(k2Client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnBean(K2Inbox.class)
	@ConditionalOnAvailableEndpoint(K2DeliveriesEndpoint.class)
	static class DeliveriesEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		K2DeliveriesEndpoint k2DeliveriesEndpoint(K2Inbox inbox) {
			return new K2DeliveriesEndpoint(inbox);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	@ConditionalOnK2Configured
	static class SanitizingConfiguration {

		@Bean
		SanitizingFunction k2SecretsSanitizingFunction() {
			return (data) -> isK2Secret(data) ? data.withSanitizedValue() : data;
		}

		static boolean isK2Secret(SanitizableData data) {
			// env reports "k2.client-secret" or "K2_CLIENT_SECRET", configprops the
			// bean's "clientSecret".
			String key = data.getKey().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
			return key.endsWith("clientsecret") || key.endsWith("apikey") || key.contains("additionalapikeys");
		}

	}

}
