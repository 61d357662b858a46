package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.k2connect.K2AuthenticationException;
import io.k2connect.K2Client;
import io.k2connect.MutableClock;
import io.k2connect.RequestOptions;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.token.AccessToken;
import io.k2connect.token.TokenInfo;
import io.k2connect.token.TokenIntrospection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * OAuth (docs/k2-api.md §1, §15): tokens are issued, expire, can be revoked, and guard
 * every API call.
 */
class K2SimulatorTokenTests {

	private final MutableClock clock = MutableClock.now();

	private final K2Simulator k2 = K2Simulator.builder()
		.clock(this.clock)
		.tokenLifetime(Duration.ofMinutes(10))
		.callbackDelay(Duration.ofMillis(20))
		.start();

	private final K2Client client = this.k2.clientBuilder().clock(this.clock).build();

	@AfterEach
	void close() {
		this.k2.close();
	}

	@Test
	void tokenIsIssuedForFormEncodedClientCredentials() {
		AccessToken token = this.client.tokens().requestAccessToken();
		assertThat(token.accessToken()).hasSizeGreaterThan(20);
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(token.expiresIn()).isEqualTo(Duration.ofMinutes(10));
		assertThat(token.createdAt().getEpochSecond()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(this.k2.requests("POST", "/oauth/token").get(0).header("Content-Type"))
			.startsWith("application/x-www-form-urlencoded");
	}

	@Test
	void tokenIsIssuedForJsonClientCredentials() {
		HttpResponse<String> response = oauth("/oauth/token", "application/json",
				"{\"client_id\":\"sim-client-id\",\"client_secret\":\"sim-client-secret\",\"grant_type\":\"client_credentials\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = Api.json(response.body());
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(600);
		assertThat(body.get("created_at").isNumber()).isTrue();
	}

	@Test
	void wrongClientSecretIsRefusedWithInvalidClient() {
		K2Client wrong = K2Client.builder()
			.clientId(this.k2.clientId())
			.clientSecret("not-the-secret")
			.baseUrl(this.k2.baseUrl())
			.build();
		assertThatExceptionOfType(K2AuthenticationException.class).isThrownBy(() -> wrong.tokens().requestAccessToken())
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.error()).isEqualTo("invalid_client");
				assertThat(ex.errorDescription()).contains("Client authentication failed");
			});
	}

	@Test
	void unsupportedGrantTypeIsRefused() {
		HttpResponse<String> response = oauth("/oauth/token", "application/x-www-form-urlencoded",
				"client_id=sim-client-id&client_secret=sim-client-secret&grant_type=password");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Api.json(response.body()).get("error").asString()).isEqualTo("unsupported_grant_type");
	}

	@Test
	void apiCallWithoutTokenIsRefused() {
		HttpResponse<String> response = Api.send(HttpRequest.newBuilder(this.k2.baseUrl().resolve("/api/v1/polling"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Api.json(response.body()).get("error_code").asInt()).isEqualTo(401);
		assertThat(Api.json(response.body()).get("error_message").asString()).isEqualTo("InvalidAccessToken");
	}

	@Test
	void apiCallWithAnUnknownTokenIsRefused() {
		assertRefusedAtTheApi("made-up", "InvalidAccessToken");
	}

	@Test
	void expiredTokenIsRefusedWithExpiredAccessToken() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.clock.advance(Duration.ofMinutes(10));
		assertRefusedAtTheApi(token, "ExpiredAccessToken");
	}

	@Test
	void tokenForgottenLongAfterItExpiredIsStillRefused() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.clock.advance(Duration.ofMinutes(10).plus(TokenStore.REMEMBERED_AFTER_END).plusSeconds(1));
		this.client.tokens().requestAccessToken();
		assertRefusedAtTheApi(token, "InvalidAccessToken");
	}

	@Test
	void tokenStillWorksJustBeforeItExpires() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
		assertThat(this.client.receivePayments()
			.createPaymentRequest(stkPush(), RequestOptions.withAccessToken(token))
			.id()).isNotBlank();
	}

	@Test
	void managedClientFetchesANewTokenOnceTheOldOneExpires() {
		this.client.receivePayments().createPaymentRequest(stkPush());
		this.clock.advance(Duration.ofMinutes(11));
		this.client.receivePayments().createPaymentRequest(stkPush());
		assertThat(this.k2.requests("POST", "/oauth/token")).hasSize(2);
		assertThat(this.k2.requests("POST", "/api/v2/incoming_payments")).hasSize(2);
	}

	@Test
	void revokedTokenIsRefused() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.client.tokens().revokeToken(token);
		assertRefusedAtTheApi(token, "InvalidAccessToken");
	}

	@Test
	void managedClientRecoversFromARevokedToken() {
		String token = this.client.accessToken().accessToken();
		this.client.tokens().revokeToken(token);
		assertThat(this.client.receivePayments().createPaymentRequest(stkPush()).id()).isNotBlank();
		assertThat(this.k2.requests("POST", "/api/v2/incoming_payments")).hasSize(2);
	}

	@Test
	void revokeNeedsTheClientCredentials() {
		HttpResponse<String> response = oauth("/oauth/revoke", "application/x-www-form-urlencoded",
				"client_id=sim-client-id&client_secret=wrong&token=x");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Api.json(response.body()).get("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void introspectionDescribesAnActiveToken() {
		AccessToken token = this.client.tokens().requestAccessToken();
		TokenIntrospection introspection = this.client.tokens().introspectToken(token.accessToken());
		assertThat(introspection.active()).isTrue();
		assertThat(introspection.clientId()).isEqualTo(this.k2.clientId());
		assertThat(introspection.tokenType()).isEqualTo("Bearer");
		assertThat(Duration.between(introspection.issuedAt(), introspection.expiresAt()))
			.isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void introspectionOfARevokedTokenIsInactive() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.client.tokens().revokeToken(token);
		assertThat(this.client.tokens().introspectToken(token).active()).isFalse();
	}

	@Test
	void introspectionOfAnExpiredTokenIsInactive() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.client.tokens().introspectToken(token).active()).isFalse();
	}

	@Test
	void tokenInfoReportsTheRemainingLifetime() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.clock.advance(Duration.ofMinutes(4));
		TokenInfo info = this.client.tokens().tokenInfo(token);
		assertThat(info.expiresIn()).isEqualTo(Duration.ofMinutes(6));
		assertThat(info.applicationUid()).isEqualTo(this.k2.clientId());
		assertThat(info.scopes()).isEmpty();
		assertThat(info.resourceOwnerId()).isNull();
	}

	@Test
	void tokenInfoOfARevokedTokenIsRefused() {
		String token = this.client.tokens().requestAccessToken().accessToken();
		this.client.tokens().revokeToken(token);
		assertThatExceptionOfType(K2AuthenticationException.class)
			.isThrownBy(() -> this.client.tokens().tokenInfo(token))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo("invalid_token"));
	}

	@Test
	void statusReadNeedsAValidTokenToo() {
		String location = this.client.receivePayments().createPaymentRequest(stkPush()).location().toString();
		HttpResponse<String> response = Api.get(URI.create(location), "made-up");
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void customCredentialsReplaceTheDefaults() {
		try (K2Simulator custom = K2Simulator.builder().clientId("id-1").clientSecret("secret-1").start()) {
			assertThat(custom.clientBuilder().build().tokens().requestAccessToken().accessToken()).isNotBlank();
			K2Client defaults = K2Client.builder()
				.clientId(K2Simulator.DEFAULT_CLIENT_ID)
				.clientSecret(K2Simulator.DEFAULT_CLIENT_SECRET)
				.baseUrl(custom.baseUrl())
				.build();
			assertThatExceptionOfType(K2AuthenticationException.class)
				.isThrownBy(() -> defaults.tokens().requestAccessToken());
		}
	}

	private void assertRefusedAtTheApi(String token, String errorMessage) {
		assertThatExceptionOfType(K2AuthenticationException.class)
			.isThrownBy(() -> this.client.receivePayments()
				.createPaymentRequest(stkPush(), RequestOptions.withAccessToken(token)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(401);
				assertThat(ex.errorMessage()).isEqualTo(errorMessage);
			});
	}

	private HttpResponse<String> oauth(String path, String contentType, String body) {
		return Api.send(HttpRequest.newBuilder(this.k2.baseUrl().resolve(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static PaymentRequest stkPush() {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.phoneNumber(MagicPhoneNumbers.NO_CALLBACK)
			.amount(new BigDecimal("10"))
			.callbackUrl("http://127.0.0.1:9/none")
			.build();
	}

}
