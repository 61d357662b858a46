package io.k2connect.token;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import io.k2connect.K2ApiException;
import io.k2connect.K2AuthenticationException;
import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenServiceTests {

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void requestAccessTokenPostsTheClientCredentialsFormEncoded() {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, K2TestServer.example("response-oauth_token-with-created_at.json").toString()));

		AccessToken token = this.client.tokens().requestAccessToken();

		K2TestServer.RecordedRequest request = this.server.requests().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/oauth/token");
		assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(request.header("Authorization")).isNull();
		assertThat(request.text())
			.isEqualTo("client_id=test-client-id&client_secret=test-client-secret&grant_type=client_credentials");
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(token.accessToken()).isEqualTo("test-access-token");
		assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(10));
		assertThat(token.createdAt()).isEqualTo(Instant.ofEpochSecond(1010));
		assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1020));
		assertThat(token.toString()).doesNotContain(token.accessToken());
	}

	@Test
	void formEncodingEscapesSpecialCharacters() {
		K2Client odd = this.server.clientBuilder().clientId("id with space").clientSecret("s&cret=+").build();

		odd.tokens().requestAccessToken();

		assertThat(this.server.requests().get(0).text())
			.isEqualTo("client_id=id+with+space&client_secret=s%26cret%3D%2B&grant_type=client_credentials");
	}

	@Test
	void tokenWithoutCreatedAtIsStampedWithTheClock() {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, K2TestServer.example("response-oauth_token.json").toString()));
		Instant before = Instant.now();

		AccessToken token = this.client.tokens().requestAccessToken();

		assertThat(token.createdAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
	}

	@Test
	void tokenWithIsoCreatedAtIsRead() {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, K2TestServer.example("response-oauth_token-php-mock.json").toString()));

		AccessToken token = this.client.tokens().requestAccessToken();

		assertThat(token.accessToken()).isNotBlank();
		assertThat(token.createdAt()).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "0.5", "-1E+999999999", "\"soon\"", "\"\"", "true", "{}", "[]" })
	void anExpiresInThatIsNoPositiveNumberIsAnApiError(String expiresIn) {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, "{\"access_token\":\"test-access-token\",\"expires_in\":" + expiresIn + "}"));

		assertThatExceptionOfType(K2ApiException.class).isThrownBy(() -> this.client.tokens().requestAccessToken())
			.withMessageContaining("expires_in")
			.withMessageNotContaining("test-access-token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"access_token\":\"t\"}", "{\"access_token\":\"t\",\"expires_in\":null}" })
	void aTokenWithoutExpiresInLivesAnHour(String body) {
		this.server.script("POST", "/oauth/token", Reply.json(200, body));

		assertThat(this.client.tokens().requestAccessToken().expiresIn()).isEqualTo(TokenService.DEFAULT_TOKEN_LIFETIME)
			.isEqualTo(Duration.ofHours(1));
	}

	@Test
	void wrongCredentialsGiveTheOAuthError() {
		this.server.script("POST", "/oauth/token", Reply.json(401,
				"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed due to unknown client.\"}"));

		assertThatExceptionOfType(K2AuthenticationException.class)
			.isThrownBy(() -> this.client.tokens().requestAccessToken())
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.error()).isEqualTo("invalid_client");
				assertThat(ex.errorDescription()).startsWith("Client authentication failed");
				assertThat(ex.getMessage()).contains("POST /oauth/token").doesNotContain("test-client-secret");
			});
	}

	@Test
	void revokeTokenPostsTheTokenFormEncoded() {
		this.client.tokens().revokeToken("tok-1");

		K2TestServer.RecordedRequest request = this.server.requests().get(0);
		assertThat(request.path()).isEqualTo("/oauth/revoke");
		assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(request.text()).isEqualTo("client_id=test-client-id&client_secret=test-client-secret&token=tok-1");
	}

	@Test
	void introspectTokenPostsJsonAndReadsTheAnswer() {
		this.server.script("POST", "/oauth/introspect",
				Reply.json(200, K2TestServer.example("response-token_introspect.json").toString()));

		TokenIntrospection introspection = this.client.tokens().introspectToken("tok-1");

		K2TestServer.RecordedRequest request = this.server.requests().get(0);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		K2TestServer.assertJsonEquals(request.json(), K2TestServer
			.json("{\"client_id\":\"test-client-id\",\"client_secret\":\"test-client-secret\",\"token\":\"tok-1\"}"));
		assertThat(introspection.active()).isTrue();
		assertThat(introspection.tokenType()).isEqualTo("Bearer");
		assertThat(introspection.expiresAt()).isEqualTo(OffsetDateTime.parse("2021-04-07T10:31:01+03:00"));
		assertThat(introspection.issuedAt()).isNotNull();
	}

	@Test
	void introspectionAcceptsNumericTimes() {
		this.server.script("POST", "/oauth/introspect", Reply.json(200, "{\"active\":false,\"exp\":1617777061}"));

		TokenIntrospection introspection = this.client.tokens().introspectToken("tok-1");

		assertThat(introspection.active()).isFalse();
		assertThat(introspection.expiresAt().toInstant()).isEqualTo(Instant.ofEpochSecond(1617777061));
	}

	@Test
	void tokenInfoGetsWithTheTokenAsBearer() {
		this.server.script("GET", "/oauth/token/info",
				Reply.json(200, K2TestServer.example("response-token_info.json").toString()));

		TokenInfo info = this.client.tokens().tokenInfo("tok-1");

		K2TestServer.RecordedRequest request = this.server.requests().get(0);
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.header("Authorization")).isEqualTo("Bearer tok-1");
		assertThat(info.expiresIn()).isPositive();
		assertThat(info.applicationUid()).isNotBlank();
		assertThat(info.scopes()).isEmpty();
		assertThat(info.resourceOwnerId()).isNull();
	}

}
