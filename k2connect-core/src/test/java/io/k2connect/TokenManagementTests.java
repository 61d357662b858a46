package io.k2connect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.k2connect.K2TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.k2connect.K2TestServer.stkPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenManagementTests {

	private static final String STK_PATH = "/api/v2/incoming_payments";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	@Test
	void tokenIsFetchedLazilyAndReusedAcrossCalls() {
		K2Client client = this.server.clientBuilder().build();
		assertThat(this.server.tokenRequests()).isZero();

		for (int i = 0; i < 5; i++) {
			client.receivePayments().createPaymentRequest(stkPush());
		}

		assertThat(this.server.tokenRequests()).isOne();
		assertThat(this.server.requests("POST", STK_PATH)).extracting((r) -> r.header("Authorization"))
			.containsOnly("Bearer token-1");
	}

	@Test
	void tokenIsRefreshedOnceItIsWithinTheSkewOfExpiring() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		K2Client client = this.server.clientBuilder().clock(clock).build();
		client.receivePayments().createPaymentRequest(stkPush());

		clock.advance(Duration.ofSeconds(3600 - 61));
		client.receivePayments().createPaymentRequest(stkPush());
		assertThat(this.server.tokenRequests()).isOne();

		clock.advance(Duration.ofSeconds(2));
		client.receivePayments().createPaymentRequest(stkPush());
		assertThat(this.server.tokenRequests()).isEqualTo(2);
		assertThat(this.server.requests("POST", STK_PATH).get(2).header("Authorization")).isEqualTo("Bearer token-2");
	}

	@Test
	void refreshSkewIsConfigurable() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		K2Client client = this.server.clientBuilder().clock(clock).tokenRefreshSkew(Duration.ofMinutes(10)).build();
		client.accessToken();

		clock.advance(Duration.ofMinutes(50));
		client.accessToken();

		assertThat(this.server.tokenRequests()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "9223372036854775807", "40000000000000000", "4e16", "1E+999999999", "\"9223372036854775807\"" })
	void aHugeExpiresInIsTrustedForADayAndNoLonger(String expiresIn) {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, "{\"access_token\":\"long-lived\",\"expires_in\":" + expiresIn + "}"));
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		K2Client client = this.server.clientBuilder().clock(clock).build();

		for (int i = 0; i < 3; i++) {
			client.receivePayments().createPaymentRequest(stkPush());
		}
		assertThat(client.accessToken().expiresIn()).isEqualTo(Duration.ofDays(1));
		assertThat(this.server.tokenRequests()).isOne();

		clock.advance(Duration.ofDays(1));
		client.receivePayments().createPaymentRequest(stkPush());
		assertThat(this.server.tokenRequests()).isEqualTo(2);
	}

	@Test
	void aTokenThatCannotBeSentInAHeaderIsNeverCached() {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, "{\"access_token\":\"bad-token-value\\r\\nX-Injected: 1\",\"expires_in\":3600}"));
		K2Client client = this.server.clientBuilder().build();

		assertThatExceptionOfType(K2ApiException.class).isThrownBy(client::accessToken)
			.withMessageContaining("visible ASCII")
			.withMessageNotContaining("bad-token-value");
		assertThat(client.accessToken().accessToken()).isEqualTo("token-1");
	}

	@Test
	void thirtyTwoThreadsWithAnEmptyCacheCauseExactlyOneTokenRequest() throws Exception {
		// A slow token endpoint makes every thread arrive while the first fetch is under
		// way.
		this.server.script("POST", "/oauth/token",
				Reply.json(200, "{\"access_token\":\"slow-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
					.after(Duration.ofMillis(300)));
		K2Client client = this.server.clientBuilder().build();
		ExecutorService pool = Executors.newFixedThreadPool(32);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<ResourceLocation>> calls = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return client.receivePayments().createPaymentRequest(stkPush());
				}));
			}
			start.countDown();
			for (Future<ResourceLocation> call : calls) {
				assertThat(call.get(30, TimeUnit.SECONDS)).isNotNull();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.server.tokenRequests()).isOne();
		assertThat(this.server.requests("POST", STK_PATH)).hasSize(32)
			.extracting((r) -> r.header("Authorization"))
			.containsOnly("Bearer slow-token");
	}

	@Test
	void sixtyFourThreadsMakingTenThousandCallsCauseOneTokenRequestPerLifetime() throws Exception {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		K2Client client = this.server.clientBuilder().clock(clock).build();
		ExecutorService pool = Executors.newFixedThreadPool(64);
		try {
			for (int lifetime = 0; lifetime < 2; lifetime++) {
				List<Future<ResourceLocation>> calls = new ArrayList<>();
				for (int i = 0; i < 5_000; i++) {
					calls.add(pool.submit(() -> client.receivePayments().createPaymentRequest(stkPush())));
				}
				for (Future<ResourceLocation> call : calls) {
					assertThat(call.get(60, TimeUnit.SECONDS)).isNotNull();
				}
				// Past the refresh point of the first token: the second half needs
				// exactly one more.
				clock.advance(Duration.ofMinutes(59).plusSeconds(30));
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.server.requests("POST", STK_PATH)).hasSize(10_000);
		assertThat(this.server.tokenRequests()).isEqualTo(2);
	}

	@Test
	void callersWaitingForAFailedFetchShareItsFailure() throws Exception {
		Reply slowFailure = Reply.status(500).after(Duration.ofMillis(300));
		for (int i = 0; i < 8; i++) {
			this.server.script("POST", "/oauth/token", slowFailure);
		}
		K2Client client = this.server.clientBuilder().maxRetries(0).build();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return client.accessToken();
				}));
			}
			start.countDown();
			for (Future<?> call : calls) {
				assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
					.isThrownBy(() -> call.get(30, TimeUnit.SECONDS))
					.withCauseInstanceOf(K2ServerException.class);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(this.server.tokenRequests()).isOne();
	}

	@Test
	void aLaterCallTriesAgainAfterAFailedFetch() {
		this.server.script("POST", "/oauth/token", Reply.status(500));
		K2Client client = this.server.clientBuilder().maxRetries(0).build();

		assertThatExceptionOfType(K2ServerException.class).isThrownBy(client::accessToken);
		assertThat(client.accessToken().accessToken()).isEqualTo("token-1");
	}

	@Test
	void aRefusedTokenIsRefreshedAndTheCallRetriedOnce() {
		K2Client client = this.server.clientBuilder().build();
		this.server.script("POST", STK_PATH,
				Reply.json(401, "{\"error_code\":401,\"error_message\":\"ExpiredAccessToken\"}"));

		ResourceLocation location = client.receivePayments().createPaymentRequest(stkPush());

		assertThat(location).isNotNull();
		assertThat(this.server.tokenRequests()).isEqualTo(2);
		assertThat(this.server.requests("POST", STK_PATH)).extracting((r) -> r.header("Authorization"))
			.containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void aSecond401IsSurfacedWithoutFurtherRetries() {
		K2Client client = this.server.clientBuilder().build();
		this.server.script("POST", STK_PATH, Reply.status(401), Reply.status(401), Reply.status(401));

		assertThatExceptionOfType(K2AuthenticationException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(stkPush()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("token-1").doesNotContain("token-2"));
		assertThat(this.server.requests("POST", STK_PATH)).hasSize(2);
		assertThat(this.server.tokenRequests()).isEqualTo(2);
	}

	@Test
	void anExplicitTokenIsNeverRefreshed() {
		K2Client client = this.server.clientBuilder().build();
		this.server.script("POST", STK_PATH, Reply.status(401));

		assertThatExceptionOfType(K2AuthenticationException.class).isThrownBy(() -> client.receivePayments()
			.createPaymentRequest(stkPush(), RequestOptions.withAccessToken("expired-own-token")));
		assertThat(this.server.requests("POST", STK_PATH)).hasSize(1);
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void requestOptionsNeverShowTheToken() {
		assertThat(RequestOptions.withAccessToken("very-secret-token").toString()).doesNotContain("very-secret-token");
		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> RequestOptions.withAccessToken(" "));
	}

}
