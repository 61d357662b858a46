package io.k2connect.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandLineTests {

	@Test
	void noArgumentsStartOnTheStandalonePortWithDefaultCredentials() {
		CommandLine commandLine = CommandLine.parse(new String[0]);
		assertThat(commandLine.help()).isFalse();
		assertThat(commandLine.builder().toString()).contains("port=" + K2Simulator.DEFAULT_STANDALONE_PORT,
				"clientId=sim-client-id");
	}

	@Test
	void optionsConfigureTheSimulator() {
		CommandLine commandLine = CommandLine.parse(new String[] { "--port=0", "--client-id=my-id",
				"--client-secret=my-secret", "--api-key=my-key", "--callback-delay=5", "--token-lifetime=60" });
		try (K2Simulator k2 = commandLine.builder().start()) {
			assertThat(k2.clientId()).isEqualTo("my-id");
			assertThat(k2.clientSecret()).isEqualTo("my-secret");
			assertThat(k2.apiKey()).isEqualTo("my-key");
			assertThat(k2.clientBuilder().build().tokens().requestAccessToken().expiresIn())
				.isEqualTo(Duration.ofSeconds(60));
			assertThat(commandLine.banner(k2)).contains(k2.baseUrl().toString(), "my-id")
				.doesNotContain("my-secret", "my-key");
		}
	}

	@Test
	void recordingAndBodyLimitsAreOptions() {
		CommandLine commandLine = CommandLine.parse(new String[] { "--port=0", "--max-recorded-requests=1",
				"--max-recorded-body-size=4", "--max-request-body-size=512" });
		try (K2Simulator k2 = commandLine.builder().start()) {
			k2.clientBuilder().build().tokens().requestAccessToken();
			k2.clientBuilder().build().tokens().requestAccessToken();
			assertThat(k2.requests()).singleElement().satisfies((request) -> {
				assertThat(request.body()).hasSize(4);
				assertThat(request.bodyTruncated()).isTrue();
			});
		}
	}

	@Test
	void helpIsRecognised() {
		assertThat(CommandLine.parse(new String[] { "--help" }).help()).isTrue();
	}

	@Test
	void unknownOptionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "--colour=blue" }))
			.withMessageContaining("--colour");
	}

	@Test
	void argumentWithoutValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "8089" }))
			.withMessageContaining("--name=value");
	}

	@Test
	void nonNumericPortIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.parse(new String[] { "--port=abc" }))
			.withMessageContaining("--port must be a whole number");
	}

}
