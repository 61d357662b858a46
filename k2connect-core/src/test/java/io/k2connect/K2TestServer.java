package io.k2connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.k2connect.internal.K2Json;
import io.k2connect.receive.PaymentRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP server on loopback that stands in for K2 in core tests: it records every
 * request, issues tokens, answers creates with 201 + Location and status reads with 200,
 * and plays scripted replies (statuses, delays, dropped connections) where a test asks
 * for them.
 *
 * <p>
 * Registered with {@code @RegisterExtension}, it stops by itself after each test.
 */
public final class K2TestServer implements AutoCloseable, AfterEachCallback {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(40);

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	private volatile long tokenLifetimeSeconds = 3600;

	private K2TestServer(HttpServer server) {
		this.server = server;
	}

	public static K2TestServer start() {
		return start(0);
	}

	/** Starts on a given loopback port (0 for any free one). */
	public static K2TestServer start(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			K2TestServer fake = new K2TestServer(server);
			server.setExecutor(fake.executor);
			server.createContext("/", fake::handle);
			server.start();
			return fake;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	public K2Client.Builder clientBuilder() {
		return K2Client.builder()
			.clientId("test-client-id")
			.clientSecret("test-client-secret")
			.baseUrl(baseUrl())
			.retryBackoff(Duration.ofMillis(10));
	}

	/**
	 * Scripts the next replies to {@code METHOD /path}; once used up, the default
	 * behaviour returns.
	 */
	public K2TestServer script(String method, String path, Reply... replies) {
		this.scripts.computeIfAbsent(method + " " + path, (k) -> new ArrayDeque<>()).addAll(List.of(replies));
		return this;
	}

	public K2TestServer tokenLifetime(Duration lifetime) {
		this.tokenLifetimeSeconds = lifetime.toSeconds();
		return this;
	}

	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	public List<RecordedRequest> requests(String method, String path) {
		return this.requests.stream().filter((r) -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	/**
	 * The only request other than token requests; fails when there is not exactly one.
	 */
	public RecordedRequest onlyApiRequest() {
		List<RecordedRequest> api = this.requests.stream().filter((r) -> !r.path().startsWith("/oauth/")).toList();
		if (api.size() != 1) {
			throw new AssertionError("expected exactly one API request but got " + api);
		}
		return api.get(0);
	}

	/**
	 * The only API request, checked to be a JSON POST to {@code path} with the managed
	 * token.
	 * @return its body
	 */
	public JsonNode onlyApiPost(String path) {
		RecordedRequest request = onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(path);
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		return request.json();
	}

	/**
	 * Asserts the call fails validation naming exactly {@code fields}, and that nothing
	 * reached the server.
	 */
	public void assertRejected(org.junit.jupiter.api.function.Executable call, String... fields) {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(call::execute)
			.satisfies((ex) -> assertThat(fields(ex)).containsExactly(fields));
		assertThat(requests()).isEmpty();
	}

	/**
	 * {@link #assertRejected}, and within two seconds: an amount such as
	 * {@code 1E+300000000} must fail on its precision and scale, before any arithmetic
	 * could expand it.
	 */
	public void assertRejectedQuickly(org.junit.jupiter.api.function.Executable call, String... fields) {
		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertRejected(call, fields));
	}

	/**
	 * Amounts no request may accept, each cheap to write and ruinous to expand or send.
	 */
	public static Stream<String> absurdAmounts() {
		return Stream.of("1E+300000000", "1E+999999999", "1E+100000", "1E-999999999", "-1E+999999999",
				"1.000000000000000000000", "1000000000", "1000000000.00");
	}

	/** A valid STK push, for tests about anything but its content. */
	public static PaymentRequest stkPush() {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.phoneNumber("0712345678")
			.amount(BigDecimal.TEN)
			.callbackUrl("https://example.com/cb")
			.build();
	}

	/** The wire names of the broken fields, in order. */
	public static List<String> fields(K2ValidationException ex) {
		return ex.errors().stream().map(K2ValidationException.FieldError::field).toList();
	}

	public int tokenRequests() {
		return requests("POST", "/oauth/token").size();
	}

	public String lastIssuedToken() {
		return "token-" + this.tokensIssued.get();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new RecordedRequest(method, path, exchange.getRequestHeaders(), body));
			Reply reply = nextScripted(method + " " + path);
			if (reply == null) {
				reply = defaultReply(method, path);
			}
			if (reply.delay() != null) {
				sleep(reply.delay());
			}
			if (reply.dropConnection()) {
				return; // closing without a status line: the client sees the connection
						// fail
			}
			reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
	}

	private Reply nextScripted(String key) {
		Deque<Reply> script = this.scripts.get(key);
		if (script == null) {
			return null;
		}
		synchronized (script) {
			return script.pollFirst();
		}
	}

	private Reply defaultReply(String method, String path) {
		if (path.equals("/oauth/token")) {
			int n = this.tokensIssued.incrementAndGet();
			return Reply.json(200, "{\"access_token\":\"token-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":"
					+ this.tokenLifetimeSeconds + ",\"created_at\":1617777061}");
		}
		if (method.equals("POST") && path.startsWith("/api/")) {
			return new Reply(201, Map.of("Location", baseUrl() + path + "/" + UUID.randomUUID()), "", null, false);
		}
		return Reply.json(200, "{}");
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A request as it arrived. */
	public record RecordedRequest(String method, String path, Headers headers, byte[] body) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return K2Json.mapper().readTree(this.body);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	/** A scripted reply. */
	public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean dropConnection) {

		public static Reply status(int status) {
			return new Reply(status, Map.of(), "", null, false);
		}

		public static Reply json(int status, String json) {
			return new Reply(status, Map.of("Content-Type", "application/json"), json, null, false);
		}

		public static Reply text(int status, String contentType, String text) {
			return new Reply(status, Map.of("Content-Type", contentType), text, null, false);
		}

		public static Reply drop() {
			return new Reply(0, Map.of(), "", null, true);
		}

		public Reply withHeader(String name, String value) {
			Map<String, String> headers = new java.util.HashMap<>(this.headers);
			headers.put(name, value);
			return new Reply(this.status, headers, this.body, this.delay, this.dropConnection);
		}

		public Reply after(Duration delay) {
			return new Reply(this.status, this.headers, this.body, delay, this.dropConnection);
		}

	}

	public static ObjectNode example(String name) {
		try (InputStream in = K2TestServer.class.getResourceAsStream("/k2-api/examples/" + name)) {
			if (in == null) {
				throw new AssertionError("no example " + name);
			}
			return (ObjectNode) K2Json.mapper().readTree(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static JsonNode json(String text) {
		return K2Json.mapper().readTree(text);
	}

	/**
	 * Asserts two JSON trees are equal, treating 20000, 20000.0 and "20000"-free numbers
	 * alike by value.
	 */
	public static void assertJsonEquals(JsonNode actual, JsonNode expected) {
		assertThat(normalise(actual)).as("JSON body").isEqualTo(normalise(expected));
	}

	private static JsonNode normalise(JsonNode node) {
		if (node.isNumber()) {
			return JsonNodeFactory.instance.numberNode(new BigDecimal(node.asString()).stripTrailingZeros());
		}
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			node.properties().forEach((e) -> copy.set(e.getKey(), normalise(e.getValue())));
			return copy;
		}
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((n) -> copy.add(normalise(n)));
			return copy;
		}
		return node;
	}

}
