package io.k2connect.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.k2connect.K2ApiException;
import io.k2connect.K2AuthenticationException;
import io.k2connect.K2Client;
import io.k2connect.K2ConnectionException;
import io.k2connect.K2Exception;
import io.k2connect.K2ServerException;
import io.k2connect.K2TestServer;
import io.k2connect.K2TestServer.Reply;
import io.k2connect.RequestOptions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import static io.k2connect.K2TestServer.stkPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No exception shows a credential, on any failure path: each test provokes one through a
 * real loopback server, often with the credential planted where it could leak, and walks
 * the whole exception (message, localized message and {@code toString()} of it, its
 * causes and its suppressed exceptions, recursively, and the printed stack trace).
 */
class SecretsTests {

	private static final String CLIENT_SECRET = "client-secret-0123456789";

	private static final String API_KEY = "api-key-0123456789";

	private static final String TOKEN = "managed-token-0123456789";

	private static final String OWN_TOKEN = "own-token-0123456789";

	private static final String STK = "/api/v2/incoming_payments";

	private static final String INFO = "/oauth/token/info";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = client(this.server.clientBuilder());

	@Test
	void tokenEndpoint401EchoingTheSecret() {
		this.server.script("POST", "/oauth/token",
				Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"no client with secret "
						+ CLIENT_SECRET + "\"}"));

		Throwable thrown = assertShowsNoSecret(this.client::accessToken, K2AuthenticationException.class);

		assertThat(((K2ApiException) thrown).responseBody()).contains("invalid_client").doesNotContain(CLIENT_SECRET);
	}

	@Test
	void tokenEndpoint500() {
		this.server.script("POST", "/oauth/token", Reply.status(500), Reply.status(500), Reply.status(500));

		assertShowsNoSecret(this.client::accessToken, K2ServerException.class);
	}

	@Test
	void tokenEndpointAnsweringSomethingOtherThanJson() {
		this.server.script("POST", "/oauth/token", Reply.text(200, "text/plain", "access_token=" + TOKEN));

		assertShowsNoSecret(this.client::accessToken, K2ApiException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\r", "\\n", "\\r\\n", "\\u0000", " " })
	void tokenEndpointIssuingATokenThatIsNotVisibleAscii(String character) {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, "{\"access_token\":\"" + TOKEN + character + "x\",\"expires_in\":3600}"));

		assertShowsNoSecret(this.client::accessToken, K2ApiException.class);
	}

	@Test
	void tokenEndpointAnsweringAnUnreadableExpiresIn() {
		this.server.script("POST", "/oauth/token",
				Reply.json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":\"" + TOKEN + "\"}"));

		assertShowsNoSecret(this.client::accessToken, K2ApiException.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 410, 422, 429 })
	void apiErrorEchoingTheToken(int status) {
		issueTheToken();
		Reply echo = Reply.json(status,
				"{\"error_code\":\"refused\",\"error_message\":\"refused Bearer " + TOKEN + "\"}");
		this.server.script("POST", STK, echo, echo);

		assertShowsNoSecret(() -> this.client.receivePayments().createPaymentRequest(stkPush()), K2ApiException.class);
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503 })
	void serverErrorsOnAGetEchoingTheToken(int status) {
		Reply echo = Reply.text(status, "text/plain", "upstream refused " + OWN_TOKEN);
		this.server.script("GET", INFO, echo, echo, echo);

		assertShowsNoSecret(() -> this.client.tokens().tokenInfo(OWN_TOKEN), K2ServerException.class);
	}

	@Test
	void refusedConnection() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		K2Client nowhere = client(this.server.clientBuilder().baseUrl("http://127.0.0.1:" + closedPort));

		assertShowsNoSecret(
				() -> nowhere.receivePayments()
					.createPaymentRequest(stkPush(), RequestOptions.withAccessToken(OWN_TOKEN)),
				K2ConnectionException.class);
	}

	@Test
	void droppedConnection() {
		this.server.script("POST", STK, Reply.drop());

		assertShowsNoSecret(
				() -> this.client.receivePayments()
					.createPaymentRequest(stkPush(), RequestOptions.withAccessToken(OWN_TOKEN)),
				K2ConnectionException.class);
	}

	@Test
	void readTimeout() {
		K2Client impatient = client(this.server.clientBuilder().readTimeout(Duration.ofMillis(200)));
		Reply slow = Reply.json(200, "{}").after(Duration.ofMillis(1500));
		this.server.script("GET", INFO, slow, slow, slow);

		assertShowsNoSecret(() -> impatient.tokens().tokenInfo(OWN_TOKEN), K2ConnectionException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\r", "\n", "\r\n", "\u0000" })
	void bearerTokenTheJdkRefusesToSend(String character) {
		assertShowsNoSecret(() -> this.client.tokens().tokenInfo(OWN_TOKEN + character + "x"),
				K2ConnectionException.class);
	}

	@Test
	void interceptorThrowingTheToken() {
		issueTheToken();
		K2Client intercepted = intercepted((request, body, execution) -> {
			String authorization = request.getHeaders().getFirst("Authorization");
			if (authorization == null) {
				return execution.execute(request, body);
			}
			throw new IllegalStateException("refusing " + authorization);
		});

		Throwable thrown = assertShowsNoSecret(() -> intercepted.receivePayments().createPaymentRequest(stkPush()),
				K2ConnectionException.class);

		assertThat(thrown).hasMessageContaining("POST " + STK);

		// The stand-in keeps what a reader of the log needs: the class and where it was
		// thrown.
		assertThat(thrown.getCause().toString()).startsWith(IllegalStateException.class.getName());
		assertThat(thrown.getCause().getStackTrace()).isNotEmpty();
	}

	@Test
	void interceptorThrowingAK2ExceptionWithTheClientSecret() {
		K2Client intercepted = intercepted((request, body, execution) -> {
			throw new K2Exception("refusing " + new String(body));
		});

		assertShowsNoSecret(intercepted::accessToken, K2ConnectionException.class);
	}

	@Test
	void interceptorThrowingSecretsInACauseAndASuppressedException() {
		K2Client intercepted = intercepted((request, body, execution) -> {
			IllegalStateException ex = new IllegalStateException("clean", new RuntimeException("deep " + API_KEY));
			ex.addSuppressed(new IllegalArgumentException("suppressed " + CLIENT_SECRET));
			throw ex;
		});

		Throwable thrown = assertShowsNoSecret(intercepted::accessToken, K2ConnectionException.class);

		assertThat(thrown.getCause().getMessage()).isEqualTo("clean");
		assertThat(thrown.getCause().getSuppressed()).hasSize(1);
	}

	@Test
	void interceptorThrowingACycleOfCauses() {
		K2Client intercepted = intercepted((request, body, execution) -> {
			IllegalStateException first = new IllegalStateException("first " + API_KEY);
			RuntimeException second = new RuntimeException("second", first);
			first.initCause(second);
			throw first;
		});

		assertShowsNoSecret(intercepted::accessToken, K2ConnectionException.class);
	}

	private static K2Client client(K2Client.Builder builder) {
		return builder.clientSecret(CLIENT_SECRET).apiKey(API_KEY).build();
	}

	private K2Client intercepted(ClientHttpRequestInterceptor interceptor) {
		return client(
				this.server.clientBuilder().restClientBuilder(RestClient.builder().requestInterceptor(interceptor)));
	}

	/** Issues {@link #TOKEN}, also when a 401 has the client fetch a fresh one. */
	private void issueTheToken() {
		Reply token = Reply.json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}");
		this.server.script("POST", "/oauth/token", token, token);
	}

	private static Throwable assertShowsNoSecret(ThrowingCallable call, Class<? extends K2Exception> type) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(type);
		List<String> texts = new ArrayList<>();
		collectTexts(thrown, Collections.newSetFromMap(new IdentityHashMap<>()), texts);
		StringWriter printed = new StringWriter();
		thrown.printStackTrace(new PrintWriter(printed));
		texts.add(printed.toString());
		for (String secret : List.of(CLIENT_SECRET, API_KEY, TOKEN, OWN_TOKEN)) {
			assertThat(texts).noneMatch((text) -> text.contains(secret));
		}
		return thrown;
	}

	private static void collectTexts(Throwable ex, Set<Throwable> seen, List<String> texts) {
		if (!seen.add(ex)) {
			return;
		}
		texts.add(String.valueOf(ex.getMessage()));
		texts.add(String.valueOf(ex.getLocalizedMessage()));
		texts.add(ex.toString());
		if (ex.getCause() != null) {
			collectTexts(ex.getCause(), seen, texts);
		}
		for (Throwable suppressed : ex.getSuppressed()) {
			collectTexts(suppressed, seen, texts);
		}
	}

}
