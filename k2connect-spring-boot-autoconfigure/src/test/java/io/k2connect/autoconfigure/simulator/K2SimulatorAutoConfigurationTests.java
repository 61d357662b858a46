package io.k2connect.autoconfigure.simulator;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import io.k2connect.K2ApiException;
import io.k2connect.K2Client;
import io.k2connect.K2SignatureException;
import io.k2connect.autoconfigure.K2AutoConfiguration;
import io.k2connect.autoconfigure.webhook.K2WebhookAutoConfiguration;
import io.k2connect.autoconfigure.webhook.K2WebhookController;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class K2SimulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(K2SimulatorAutoConfiguration.class, K2AutoConfiguration.class));

	@Test
	void backsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(K2Simulator.class)
			.doesNotHaveBean(K2Client.class));
	}

	@Test
	void startsASimulatorAndPointsTheClientAtItWithoutCredentials() {
		this.contextRunner.withPropertyValues("k2.simulator.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(K2Simulator.class).hasSingleBean(K2Client.class);
			K2Simulator simulator = context.getBean(K2Simulator.class);
			K2Client client = context.getBean(K2Client.class);
			assertThat(client.baseUrl()).isEqualTo(simulator.baseUrl());
			assertThat(client.clientId()).isEqualTo(simulator.clientId()).isNotEqualTo(K2Simulator.DEFAULT_CLIENT_ID);
			assertThat(client.accessToken().accessToken()).isNotBlank();
			assertThat(simulator.requests("POST", "/oauth/token")).hasSize(1);
		});
	}

	@Test
	void configuredCredentialsNeverReachTheSimulator() {
		this.contextRunner
			.withPropertyValues("k2.simulator.enabled=true", "k2.client-id=my-id", "k2.client-secret=my-secret",
					"k2.api-key=my-key")
			.run((context) -> {
				K2Simulator simulator = context.getBean(K2Simulator.class);
				assertThat(simulator.clientId()).isNotEqualTo("my-id");
				assertThat(simulator.clientSecret()).isNotEqualTo("my-secret");
				assertThat(simulator.apiKey()).isNotEqualTo("my-key");
				assertThat(context.getBean(K2Client.class).clientId()).isEqualTo(simulator.clientId());
				assertThat(context.getBean(K2Client.class).accessToken()).isNotNull();
				HttpResponse<String> info = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/simulator")).build(),
							HttpResponse.BodyHandlers.ofString());
				assertThat(info.body()).contains(simulator.clientId()).doesNotContain("my-secret", "my-key");
			});
	}

	@Test
	void configuredApiKeyDoesNotVerifyWhileTheSimulatorIsOn() {
		this.contextRunner.withPropertyValues("k2.simulator.enabled=true", "k2.api-key=my-key").run((context) -> {
			byte[] body = "{}".getBytes();
			assertThatExceptionOfType(K2SignatureException.class).isThrownBy(
					() -> context.getBean(K2ResultProcessor.class).process(body, K2Signatures.sign(body, "my-key")));
		});
	}

	@Test
	void recordingLimitsReachTheSimulator() {
		this.contextRunner
			.withPropertyValues("k2.simulator.enabled=true", "k2.simulator.max-recorded-requests=1",
					"k2.simulator.max-recorded-body-size=4B")
			.run((context) -> {
				K2Simulator simulator = context.getBean(K2Simulator.class);
				context.getBean(K2Client.class).tokens().requestAccessToken();
				context.getBean(K2Client.class).tokens().requestAccessToken();
				assertThat(simulator.requests()).singleElement().satisfies((request) -> {
					assertThat(request.body()).hasSize(4);
					assertThat(request.bodyTruncated()).isTrue();
				});
			});
	}

	@Test
	void maxRequestBodySizeReachesTheSimulator() {
		this.contextRunner.withPropertyValues("k2.simulator.enabled=true", "k2.simulator.max-request-body-size=16B")
			.run((context) -> assertThatExceptionOfType(K2ApiException.class)
				.isThrownBy(() -> context.getBean(K2Client.class).tokens().requestAccessToken())
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(413)));
	}

	@Test
	void simulatorStopsWithTheContext() {
		AtomicReference<URI> baseUrl = new AtomicReference<>();
		this.contextRunner.withPropertyValues("k2.simulator.enabled=true")
			.run((context) -> baseUrl.set(context.getBean(K2Simulator.class).baseUrl()));

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(baseUrl.get().getHost(), baseUrl.get().getPort()), 1000);
			}
		});
	}

	@Test
	void backsOffWhenTheSimulatorIsNotOnTheClassPath() {
		this.contextRunner.withPropertyValues("k2.simulator.enabled=true")
			.withClassLoader(new FilteredClassLoader(K2Simulator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(K2Client.class));
	}

	@Test
	void webhookEndpointUsesTheSimulatorsApiKey() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(K2SimulatorAutoConfiguration.class, K2AutoConfiguration.class,
					K2WebhookAutoConfiguration.class))
			.withPropertyValues("k2.simulator.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(K2WebhookController.class);
				byte[] body = "{}".getBytes();
				context.getBean(K2ResultProcessor.class)
					.process(body, K2Signatures.sign(body, context.getBean(K2Simulator.class).apiKey()));
			});
	}

}
