package io.k2connect.simulator;

import java.time.Duration;

import io.k2connect.K2Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link K2SimulatorExtension} registered programmatically, with a builder's settings.
 */
class K2SimulatorExtensionBuilderTests {

	@RegisterExtension
	static final K2SimulatorExtension k2 = new K2SimulatorExtension(
			K2Simulator.builder().apiKey("custom-key").tokenLifetime(Duration.ofMinutes(5)));

	@Test
	void simulatorHasTheBuildersSettings(K2Simulator simulator, K2Client client) {
		assertThat(simulator.apiKey()).isEqualTo("custom-key");
		assertThat(client.tokens().requestAccessToken().expiresIn()).isEqualTo(Duration.ofMinutes(5));
	}

}
