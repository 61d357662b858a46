package io.k2connect;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class K2ClientTests {

	@Test
	void buildsWithCredentialsAndDefaultsToTheSandbox() {
		K2Client client = K2Client.builder().clientId("id").clientSecret("secret").build();

		assertThat(client.baseUrl()).isEqualTo(K2Client.SANDBOX_URL);
		assertThat(client.clientId()).isEqualTo("id");
	}

	@Test
	void missingCredentialsAreListedTogether() {
		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> K2Client.builder().build())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(K2ValidationException.FieldError::field)
				.containsExactly("clientId", "clientSecret"));
	}

	@Test
	void plainHttpIsRefusedForRemoteHosts() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> K2Client.builder()
				.clientId("id")
				.clientSecret("s")
				.baseUrl("http://sandbox.kopokopo.com")
				.build())
			.withMessageContaining("baseUrl must be an absolute https:// URL");
	}

	@Test
	void plainHttpIsAcceptedForLoopbackHosts() {
		for (String url : new String[] { "http://localhost:8080", "http://127.0.0.1:9", "http://127.10.20.30",
				"http://[::1]:8080" }) {
			assertThat(K2Client.builder().clientId("id").clientSecret("s").baseUrl(url).build().baseUrl())
				.hasToString(url);
		}
	}

	@Test
	void hostsThatOnlyLookLikeLoopbackAreRefused() {
		for (String url : new String[] { "http://127.0.0.1.evil.example", "http://localhost.evil.example",
				"http://128.0.0.1", "ftp://localhost", "localhost:8080", "//localhost" }) {
			assertThatExceptionOfType(K2ValidationException.class).as(url)
				.isThrownBy(() -> K2Client.builder().clientId("id").clientSecret("s").baseUrl(url).build());
		}
	}

	@Test
	void invalidTimeoutsAndRetriesAreRefused() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> K2Client.builder()
				.clientId("id")
				.clientSecret("s")
				.connectTimeout(Duration.ZERO)
				.readTimeout(Duration.ofSeconds(-1))
				.maxRetries(11)
				.tokenRefreshSkew(Duration.ofSeconds(-1))
				.build())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(K2ValidationException.FieldError::field)
				.containsExactly("connectTimeout", "readTimeout", "maxRetries", "tokenRefreshSkew"));
	}

	@Test
	void toStringNeverShowsTheSecret() {
		K2Client.Builder builder = K2Client.builder()
			.clientId("id")
			.clientSecret("super-secret-value")
			.apiKey("api-key-value");

		assertThat(builder.toString()).doesNotContain("super-secret-value").doesNotContain("api-key-value");
		assertThat(builder.build().toString()).doesNotContain("super-secret-value").contains("id");
	}

	@Test
	void twoClientsWithDifferentCredentialsKeepTheirOwnTokens() {
		try (K2TestServer server = K2TestServer.start()) {
			K2Client first = server.clientBuilder().clientId("first").build();
			K2Client second = server.clientBuilder().clientId("second").build();

			String firstToken = first.accessToken().accessToken();
			String secondToken = second.accessToken().accessToken();

			assertThat(firstToken).isNotEqualTo(secondToken);
			assertThat(first.accessToken().accessToken()).isEqualTo(firstToken);
			assertThat(server.requests("POST", "/oauth/token")).extracting(K2TestServer.RecordedRequest::text)
				.anySatisfy((body) -> assertThat(body).contains("client_id=first"))
				.anySatisfy((body) -> assertThat(body).contains("client_id=second"));
		}
	}

	@Test
	void userAgentNamesTheSdkVersionAndTheSuffix() {
		try (K2TestServer server = K2TestServer.start()) {
			server.clientBuilder().userAgentSuffix("my-shop/1.0").build().accessToken();

			assertThat(server.requests().get(0).header("User-Agent"))
				.isEqualTo("k2connect-java/" + K2Client.VERSION + " my-shop/1.0");
			assertThat(K2Client.VERSION).isNotEqualTo("unknown").doesNotContain("${");
		}
	}

	@Test
	void resultProcessorVerifiesWithTheApiKey() {
		K2Client client = K2Client.builder().clientId("id").clientSecret("s").apiKey("the-api-key").build();
		byte[] body = "{\"topic\":\"customer_created\",\"id\":\"e-1\"}"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(client.resultProcessor().process(body, io.k2connect.webhook.K2Signatures.sign(body, "the-api-key")))
			.isInstanceOf(io.k2connect.event.CustomerCreated.class);
		assertThatExceptionOfType(K2SignatureException.class).isThrownBy(
				() -> client.resultProcessor().process(body, io.k2connect.webhook.K2Signatures.sign(body, "other")));
		assertThat(client.toString()).doesNotContain("the-api-key");
	}

	@Test
	void resultProcessorAcceptsTheAdditionalApiKeys() {
		K2Client client = K2Client.builder()
			.clientId("id")
			.clientSecret("s")
			.apiKey("new-key")
			.additionalApiKeys(java.util.List.of("old-key", "older-key"))
			.build();
		byte[] body = "{\"topic\":\"customer_created\",\"id\":\"e-1\"}"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		for (String key : new String[] { "new-key", "old-key", "older-key" }) {
			assertThat(client.resultProcessor().process(body, io.k2connect.webhook.K2Signatures.sign(body, key)))
				.isInstanceOf(io.k2connect.event.CustomerCreated.class);
		}
		assertThatExceptionOfType(K2SignatureException.class).isThrownBy(
				() -> client.resultProcessor().process(body, io.k2connect.webhook.K2Signatures.sign(body, "other")));
		assertThat(client.toString()).doesNotContain("old-key");
	}

	@Test
	void blankAdditionalApiKeyIsNamed() {
		K2Client.Builder builder = K2Client.builder()
			.clientId("id")
			.clientSecret("s")
			.apiKey("k")
			.additionalApiKeys(java.util.List.of("old-key", " "));

		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("additionalApiKeys[1]")));
	}

	@Test
	void resultProcessorWithoutApiKeyNamesTheSetting() {
		K2Client client = K2Client.builder().clientId("id").clientSecret("s").build();

		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(client::resultProcessor)
			.withMessageContaining("apiKey must be set");
	}

	@Test
	void theHttpClientIsCreatedOnTheFirstCallNotAtBuildTime() {
		try (K2TestServer server = K2TestServer.start()) {
			java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
			K2Client client = server.clientBuilder().restClientBuilder(() -> {
				asked.incrementAndGet();
				return org.springframework.web.client.RestClient.builder();
			}).build();
			assertThat(asked).hasValue(0);

			client.accessToken();
			client.tokens().requestAccessToken();

			assertThat(asked).hasValue(1);
		}
	}

	@Test
	void changingTheBuilderAfterBuildDoesNotChangeTheClient() {
		try (K2TestServer server = K2TestServer.start()) {
			K2Client.Builder builder = server.clientBuilder();
			K2Client client = builder.build();
			builder.connectTimeout(Duration.ofNanos(1)).readTimeout(Duration.ofNanos(1));

			assertThat(client.accessToken().accessToken()).isEqualTo("token-1");
		}
	}

	@Test
	void buildingMakesNoNetworkCall() {
		try (K2TestServer server = K2TestServer.start()) {
			server.clientBuilder().build();

			assertThat(server.requests()).isEmpty();
		}
	}

}
