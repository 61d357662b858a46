package io.k2connect;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import io.k2connect.K2TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.k2connect.K2TestServer.stkPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retry rules and error mapping, through a real loopback server. GETs are exercised
 * through {@code GET /oauth/token/info}, token calls through {@code POST /oauth/token}
 * and money-moving POSTs through STK push.
 */
class K2HttpTests {

	private static final String INFO = "/oauth/token/info";

	private static final String STK = "/api/v2/incoming_payments";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void getSurvivesTwo503s() {
		this.server.script("GET", INFO, Reply.status(503), Reply.status(503), Reply.json(200, "{\"expires_in\":5}"));

		assertThat(this.client.tokens().tokenInfo("t").expiresIn()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.server.requests("GET", INFO)).hasSize(3);
	}

	@Test
	void getGivesUpAfterMaxRetries() {
		this.server.script("GET", INFO, Reply.status(500), Reply.status(502), Reply.status(503), Reply.json(200, "{}"));

		assertThatExceptionOfType(K2ServerException.class).isThrownBy(() -> this.client.tokens().tokenInfo("t"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
		assertThat(this.server.requests("GET", INFO)).hasSize(3);
	}

	@Test
	void maxRetriesZeroMeansOneAttempt() {
		K2Client noRetries = this.server.clientBuilder().maxRetries(0).build();
		this.server.script("GET", INFO, Reply.status(503), Reply.json(200, "{}"));

		assertThatExceptionOfType(K2ServerException.class).isThrownBy(() -> noRetries.tokens().tokenInfo("t"));
		assertThat(this.server.requests("GET", INFO)).hasSize(1);
	}

	@Test
	void tokenRequestIsRetriedOn5xx() {
		this.server.script("POST", "/oauth/token", Reply.status(500));

		assertThat(this.client.accessToken().accessToken()).isEqualTo("token-1");
		assertThat(this.server.tokenRequests()).isEqualTo(2);
	}

	@Test
	void retryAfterIsHonoured() {
		this.server.script("GET", INFO, Reply.status(429).withHeader("Retry-After", "1"), Reply.json(200, "{}"));
		long started = System.nanoTime();

		this.client.tokens().tokenInfo("t");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
		assertThat(this.server.requests("GET", INFO)).hasSize(2);
	}

	@Test
	void aRetryAfterLongerThanAMinuteIsSurfacedAtOnce() {
		this.server.script("GET", INFO, Reply.status(429).withHeader("Retry-After", "120"));

		assertThatExceptionOfType(K2RateLimitException.class).isThrownBy(() -> this.client.tokens().tokenInfo("t"))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
		assertThat(this.server.requests("GET", INFO)).hasSize(1);
	}

	@Test
	void absurdRetryAfterIsTreatedAsAbsent() {
		this.server.script("POST", STK, Reply.status(429).withHeader("Retry-After", "99999999999999999999"));

		assertThatExceptionOfType(K2RateLimitException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isNull());
	}

	@Test
	void retryAfterAsAnHttpDateIsHonoured() {
		String inOneSecond = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
		this.server.script("GET", INFO, Reply.status(503).withHeader("Retry-After", inOneSecond),
				Reply.json(200, "{}"));
		long started = System.nanoTime();

		this.client.tokens().tokenInfo("t");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
		assertThat(this.server.requests("GET", INFO)).hasSize(2);
	}

	@Test
	void moneyMovingPostIsRetriedWhenTheConnectionWasRefused() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		K2Client client = K2Client.builder()
			.clientId("id")
			.clientSecret("secret")
			.baseUrl("http://127.0.0.1:" + port)
			.retryBackoff(Duration.ofMillis(1200))
			.build();
		// K2 comes up while the client waits to retry: the refused attempt never reached
		// it.
		java.util.concurrent.CompletableFuture<K2TestServer> later = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> K2TestServer.start(port), java.util.concurrent.CompletableFuture.delayedExecutor(100,
					java.util.concurrent.TimeUnit.MILLISECONDS));
		try {
			ResourceLocation location = client.receivePayments()
				.createPaymentRequest(stkPush(), RequestOptions.withAccessToken("t"));

			assertThat(location).isNotNull();
			assertThat(later.get().requests("POST", STK)).hasSize(1);
		}
		finally {
			later.get().close();
		}
	}

	@Test
	void moneyMovingPostIsNotRetriedOn500() {
		this.server.script("POST", STK, Reply.status(500));

		assertThatExceptionOfType(K2ServerException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()));
		assertThat(this.server.requests("POST", STK)).hasSize(1);
	}

	@Test
	void moneyMovingPostIsNotRetriedOn429() {
		this.server.script("POST", STK, Reply.status(429).withHeader("Retry-After", "0"));

		assertThatExceptionOfType(K2RateLimitException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()));
		assertThat(this.server.requests("POST", STK)).hasSize(1);
	}

	@Test
	void moneyMovingPostIsNotRetriedWhenTheConnectionDropsAfterSending() {
		this.server.script("POST", STK, Reply.drop());

		assertThatExceptionOfType(K2ConnectionException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()))
			.withMessageContaining("POST " + STK);
		assertThat(this.server.requests("POST", STK)).hasSize(1);
	}

	@Test
	void getIsRetriedWhenTheConnectionDrops() {
		this.server.script("GET", INFO, Reply.drop(), Reply.json(200, "{}"));

		this.client.tokens().tokenInfo("t");

		assertThat(this.server.requests("GET", INFO)).hasSize(2);
	}

	@Test
	void readTimeoutOnAGetIsRetriedThenSurfaced() {
		K2Client impatient = this.server.clientBuilder().readTimeout(Duration.ofMillis(200)).build();
		Reply slow = Reply.json(200, "{}").after(Duration.ofMillis(1500));
		this.server.script("GET", INFO, slow, slow, slow);

		assertThatExceptionOfType(K2ConnectionException.class).isThrownBy(() -> impatient.tokens().tokenInfo("t"))
			.withMessageContaining("timed out");
		assertThat(this.server.requests("GET", INFO)).hasSize(3);
	}

	@Test
	void readTimeoutOnAMoneyMovingPostIsNotRetried() {
		K2Client impatient = this.server.clientBuilder().readTimeout(Duration.ofMillis(200)).build();
		impatient.accessToken();
		this.server.script("POST", STK, Reply.status(201).after(Duration.ofMillis(1500)));

		assertThatExceptionOfType(K2ConnectionException.class)
			.isThrownBy(() -> impatient.receivePayments().createPaymentRequest(stkPush()))
			.withMessageContaining("timed out");
		assertThat(this.server.requests("POST", STK)).hasSize(1);
	}

	@Test
	void refusedConnectionIsAConnectionException() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		K2Client nowhere = K2Client.builder()
			.clientId("id")
			.clientSecret("secret")
			.baseUrl("http://127.0.0.1:" + closedPort)
			.retryBackoff(Duration.ofMillis(1))
			.build();

		assertThatExceptionOfType(K2ConnectionException.class).isThrownBy(
				() -> nowhere.receivePayments().createPaymentRequest(stkPush(), RequestOptions.withAccessToken("t")))
			.withMessageContaining("could not connect")
			.withMessageNotContaining("secret");
	}

	@Test
	void aFailingInterceptorSurfacesAsAK2Exception() {
		K2Client client = this.server.clientBuilder()
			.restClientBuilder(org.springframework.web.client.RestClient.builder()
				.requestInterceptor((request, body, execution) -> {
					throw new IllegalStateException("interceptor broke");
				}))
			.build();

		assertThatExceptionOfType(K2ConnectionException.class).isThrownBy(client::accessToken)
			.withMessageContaining("POST /oauth/token")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void forbiddenIsAnAuthenticationException() {
		this.server.script("GET", INFO, Reply.json(403, "{\"error_code\":403,\"error_message\":\"Forbidden\"}"));

		assertThatExceptionOfType(K2AuthenticationException.class).isThrownBy(() -> this.client.tokens().tokenInfo("t"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(403));
	}

	@Test
	void notFoundWithAnHtmlBodyIsANotFoundException() {
		this.server.script("GET", INFO, Reply.text(404, "text/html", "<html><body>Not here</body></html>"));

		assertThatExceptionOfType(K2NotFoundException.class).isThrownBy(() -> this.client.tokens().tokenInfo("t"))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).isNull();
				assertThat(ex.errorCode()).isNull();
				assertThat(ex.responseBody()).contains("Not here");
			});
	}

	@Test
	void unprocessableIsAnInvalidRequestException() {
		this.server.script("POST", STK,
				Reply.json(422, "{\"error_code\":\"unprocessable\",\"error_message\":\"Till is closed\"}"));

		assertThatExceptionOfType(K2InvalidRequestException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo("unprocessable");
				assertThat(ex.errorMessage()).isEqualTo("Till is closed");
			});
	}

	@Test
	void serverErrorWithEmptyBodyIsAServerException() {
		this.server.script("POST", STK, Reply.status(500));

		assertThatExceptionOfType(K2ServerException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()))
			.satisfies((ex) -> {
				assertThat(ex.responseBody()).isNull();
				assertThat(ex.getMessage()).isEqualTo("K2 answered 500 to POST " + STK);
			});
	}

	@Test
	void otherErrorStatusesAreAnApiException() {
		this.server.script("GET", INFO, Reply.text(410, "text/plain", "gone"));

		assertThatExceptionOfType(K2ApiException.class).isThrownBy(() -> this.client.tokens().tokenInfo("t"))
			.satisfies((ex) -> {
				assertThat(ex.getClass()).isEqualTo(K2ApiException.class);
				assertThat(ex.status()).isEqualTo(410);
				assertThat(ex.responseBody()).isEqualTo("gone");
			});
	}

	@Test
	void malformedJsonErrorBodyIsTolerated() {
		this.server.script("POST", STK, Reply.json(400, "{\"error_code\": 400, \"error_mess"));

		assertThatExceptionOfType(K2InvalidRequestException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(stkPush()))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isNull());
	}

}
