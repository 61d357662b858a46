package io.k2connect.autoconfigure;

import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.K2ValidationException;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.notification.NotificationService;
import io.k2connect.observation.K2ClientObservationConvention;
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
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the K2 client and one bean per K2 service. Silent until
 * {@code k2.client-id} is set; every bean backs off when the application defines its own.
 *
 * <p>
 * Makes no network call at start-up: the first access token is fetched on first use.
 */
@AutoConfiguration(afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass(K2Client.class)
@ConditionalOnK2Configured
@EnableConfigurationProperties(K2Properties.class)
public final class K2AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(K2ConnectionDetails.class)
	PropertiesK2ConnectionDetails k2ConnectionDetails(K2Properties properties) {
		return new PropertiesK2ConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	K2Client k2Client(K2ConnectionDetails connectionDetails, K2Properties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<K2ClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<K2ClientObservationConvention> observationConvention) {
		K2Client.Builder builder = K2Client.builder()
			.clientId(connectionDetails.clientId())
			.clientSecret(connectionDetails.clientSecret())
			.baseUrl(connectionDetails.baseUrl())
			.apiVersion(properties.getApiVersion())
			.connectTimeout(properties.getHttp().getConnectTimeout())
			.readTimeout(properties.getHttp().getReadTimeout())
			.maxRetries(properties.getHttp().getMaxRetries())
			.tokenRefreshSkew(properties.getToken().getRefreshSkew())
			// Boot's builder carries observations and RestClientCustomizers. It is
			// fetched on the first K2 call, not here (creating it sets up TLS), and
			// cloned, so the application's own builder stays as it was.
			.restClientBuilder(() -> restClientBuilder.getIfAvailable(RestClient::builder));
		String apiKey = apiKey(connectionDetails, properties);
		if (apiKey != null) {
			builder.apiKey(apiKey);
		}
		builder.additionalApiKeys(
				properties.getWebhook().getAdditionalApiKeys().stream().filter(StringUtils::hasText).toList());
		observationRegistry.ifUnique(builder::observationRegistry);
		observationConvention.ifUnique(builder::observationConvention);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		try {
			return builder.build();
		}
		catch (K2ValidationException ex) {
			throw K2ClientProblems.of(ex, connectionDetails);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	TokenService k2TokenService(K2Client k2Client) {
		return k2Client.tokens();
	}

	@Bean
	@ConditionalOnMissingBean
	ReceivePaymentsService k2ReceivePaymentsService(K2Client k2Client) {
		return k2Client.receivePayments();
	}

	@Bean
	@ConditionalOnMissingBean
	PayService k2PayService(K2Client k2Client) {
		return k2Client.pay();
	}

	@Bean
	@ConditionalOnMissingBean
	TransferService k2TransferService(K2Client k2Client) {
		return k2Client.transfers();
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookService k2WebhookService(K2Client k2Client) {
		return k2Client.webhooks();
	}

	@Bean
	@ConditionalOnMissingBean
	NotificationService k2NotificationService(K2Client k2Client) {
		return k2Client.notifications();
	}

	@Bean
	@ConditionalOnMissingBean
	PollingService k2PollingService(K2Client k2Client) {
		return k2Client.polling();
	}

	@Bean
	@ConditionalOnMissingBean
	SendMoneyService k2SendMoneyService(K2Client k2Client) {
		return k2Client.sendMoney();
	}

	@Bean
	@ConditionalOnMissingBean
	ExternalRecipientService k2ExternalRecipientService(K2Client k2Client) {
		return k2Client.externalRecipients();
	}

	@Bean
	@ConditionalOnMissingBean
	ReversalService k2ReversalService(K2Client k2Client) {
		return k2Client.reversals();
	}

	@Bean
	@ConditionalOnMissingBean
	PaymentLinkService k2PaymentLinkService(K2Client k2Client) {
		return k2Client.paymentLinks();
	}

	@Bean
	@ConditionalOnMissingBean
	K2PayloadParser k2PayloadParser() {
		return new K2PayloadParser();
	}

	/**
	 * The one path from a received body to a typed payload, for the webhook endpoint and
	 * the application alike: the client's own processor, so a key accepted at the
	 * endpoint ({@code k2.api-key} or one of {@code k2.webhook.additional-api-keys}) is
	 * accepted everywhere. Lazy, because only webhooks need an API key: an application
	 * that only makes calls never creates it, and one that receives webhooks without a
	 * key fails at start-up, naming it.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	K2ResultProcessor k2ResultProcessor(K2Client k2Client) {
		try {
			return k2Client.resultProcessor();
		}
		catch (K2ValidationException ex) {
			throw new InvalidK2PropertiesException(List.of(new InvalidK2PropertiesException.Problem("k2.api-key",
					"is not set, but K2's webhook and callback signatures must be checked (by the webhook "
							+ "endpoint, k2.webhook.enabled, or a K2ResultProcessor bean)",
					"Set k2.api-key to your K2 application's API key (it signs webhooks and callbacks), "
							+ "or set k2.webhook.enabled=false if this application receives none.")));
		}
	}

	/**
	 * The connection details' API key, else {@code k2.api-key}; {@code null} when neither
	 * is set.
	 */
	private static @Nullable String apiKey(K2ConnectionDetails connectionDetails, K2Properties properties) {
		if (StringUtils.hasText(connectionDetails.apiKey())) {
			return connectionDetails.apiKey();
		}
		return StringUtils.hasText(properties.getApiKey()) ? properties.getApiKey() : null;
	}

}
