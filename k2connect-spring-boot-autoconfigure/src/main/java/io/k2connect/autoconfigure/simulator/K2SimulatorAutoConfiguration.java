package io.k2connect.autoconfigure.simulator;

import java.net.URI;

import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.K2ConnectionDetails;
import io.k2connect.simulator.K2Simulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts an embedded {@link K2Simulator} when {@code k2.simulator.enabled=true} and the
 * simulator is on the class path, and points the K2 client at it through
 * {@link K2ConnectionDetails}: no credentials, no network, and signed callbacks that
 * reach the application's own {@code @K2Webhook} endpoint. The simulator stops with the
 * context.
 *
 * <p>
 * The simulator gets credentials generated for this run, never {@code k2.client-id},
 * {@code k2.client-secret} or {@code k2.api-key}: its admin page is open to anyone who
 * reaches its port, and a webhook endpoint that trusted the public default key would
 * accept anything signed with it.
 */
@AutoConfiguration(before = K2AutoConfiguration.class)
@ConditionalOnClass(K2Simulator.class)
@ConditionalOnBooleanProperty("k2.simulator.enabled")
@EnableConfigurationProperties(K2SimulatorProperties.class)
public final class K2SimulatorAutoConfiguration {

	private static final Log logger = LogFactory.getLog(K2SimulatorAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	K2Simulator k2Simulator(K2SimulatorProperties settings) {
		K2Simulator simulator = K2Simulator.builder()
			.generatedCredentials()
			.port(settings.getPort())
			.callbackDelay(settings.getCallbackDelay())
			.maxRequestBodySize(Math.toIntExact(settings.getMaxRequestBodySize().toBytes()))
			.maxRecordedRequests(settings.getMaxRecordedRequests())
			.maxRecordedBodySize(Math.toIntExact(settings.getMaxRecordedBodySize().toBytes()))
			.start();
		logger.info("Embedded K2 simulator running at " + simulator.baseUrl() + " with credentials of its own (admin: "
				+ simulator.baseUrl() + "/simulator)");
		return simulator;
	}

	@Bean
	@ConditionalOnMissingBean(K2ConnectionDetails.class)
	SimulatorK2ConnectionDetails k2SimulatorConnectionDetails(K2Simulator k2Simulator) {
		return new SimulatorK2ConnectionDetails(k2Simulator);
	}

	/** The running simulator's address and credentials. */
	static final class SimulatorK2ConnectionDetails implements K2ConnectionDetails {

		private final K2Simulator simulator;

		SimulatorK2ConnectionDetails(K2Simulator simulator) {
			this.simulator = simulator;
		}

		@Override
		public String clientId() {
			return this.simulator.clientId();
		}

		@Override
		public String clientSecret() {
			return this.simulator.clientSecret();
		}

		@Override
		public @Nullable String apiKey() {
			return this.simulator.apiKey();
		}

		@Override
		public URI baseUrl() {
			return this.simulator.baseUrl();
		}

		@Override
		public String toString() {
			return "SimulatorK2ConnectionDetails[baseUrl=" + this.simulator.baseUrl() + "]";
		}

	}

}
