package io.k2connect.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's one HTTP handler: reads and records the request, applies the request
 * faults, then dispatches by path to OAuth, the API (after checking the bearer token),
 * webhook events or the admin endpoints.
 *
 * <p>
 * Memory stays bounded however long the simulator runs and whatever it is sent: a body
 * larger than {@code maxRequestBodySize} is refused with 413 before it is read, only the
 * last {@code maxRecordedRequests} requests are kept, each with at most
 * {@code maxRecordedBodySize} bytes of its body.
 */
final class Router implements HttpHandler {

	private final SimulatorConfig config;

	/** Oldest first; guarded by itself. */
	private final Deque<RecordedRequest> requests = new ArrayDeque<>();

	private final SimulatorFaults faults;

	private final OAuthEndpoints oauth;

	private final TokenStore tokens;

	private final ApiEndpoints api;

	private final AdminEndpoints admin;

	Router(SimulatorConfig config, SimulatorFaults faults, OAuthEndpoints oauth, TokenStore tokens, ApiEndpoints api,
			AdminEndpoints admin) {
		this.config = config;
		this.faults = faults;
		this.oauth = oauth;
		this.tokens = tokens;
		this.api = api;
		this.admin = admin;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = readBody(exchange);
			RecordedRequest request = new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
					exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders(), (body != null) ? body : new byte[0], this.config.clock().instant(),
					body == null);
			record(request);
			if (body == null) {
				// The rest of the body is never read: the JDK server discards a little
				// and then closes the connection.
				send(exchange,
						HttpReply
							.apiError(413, "Request body is larger than " + this.config.maxRequestBodySize() + " bytes")
							.withHeader("Connection", "close"));
				return;
			}
			String path = normalise(request.path());
			boolean isAdmin = path.equals("/simulator") || path.startsWith("/simulator/");
			SimulatorFaults.@Nullable Decision fault = isAdmin ? null : this.faults.decide(path);
			if (fault != null) {
				pause(fault);
				if (fault.dropBefore()) {
					return; // closing the exchange before any status line drops the
							// connection
				}
			}
			HttpReply reply;
			try {
				if (fault != null && fault.failStatus() > 0) {
					reply = path.startsWith("/oauth/")
							? HttpReply.oauthError(fault.failStatus(), "server_error", "Simulated failure")
							: HttpReply.apiError(fault.failStatus(), "Simulated failure");
				}
				else {
					reply = isAdmin ? this.admin.handle(request, path) : route(request, path);
				}
			}
			catch (RuntimeException ex) {
				// A bug in the simulator must look like a K2 outage to the client, not
				// hang it.
				reply = HttpReply.apiError(500, "Simulator error: " + ex);
			}
			if (fault != null && fault.dropAfter()) {
				return;
			}
			send(exchange, reply);
		}
	}

	List<RecordedRequest> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	void clear() {
		synchronized (this.requests) {
			this.requests.clear();
		}
	}

	/**
	 * The whole body, or {@code null} when it is larger than allowed: then it is not read
	 * at all when its {@code Content-Length} says so, else only up to the first byte too
	 * many.
	 */
	private byte @Nullable [] readBody(HttpExchange exchange) throws IOException {
		int max = this.config.maxRequestBodySize();
		String length = exchange.getRequestHeaders().getFirst("Content-Length");
		if (length != null && isLongerThan(length.strip(), max)) {
			return null;
		}
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(max + 1);
			return (body.length > max) ? null : body;
		}
	}

	private static boolean isLongerThan(String contentLength, int max) {
		try {
			return Long.parseLong(contentLength) > max;
		}
		catch (NumberFormatException ex) {
			// The JDK server refuses a malformed length, except beside a chunked body:
			// then it is ignored.
			return false;
		}
	}

	private void record(RecordedRequest request) {
		RecordedRequest recorded = request.withBodyCappedAt(this.config.maxRecordedBodySize());
		synchronized (this.requests) {
			this.requests.addLast(recorded);
			while (this.requests.size() > this.config.maxRecordedRequests()) {
				this.requests.removeFirst();
			}
		}
	}

	private HttpReply route(RecordedRequest request, String path) {
		String method = request.method();
		switch (path) {
			case "/oauth/token":
				return method.equals("POST") ? this.oauth.token(request) : AdminEndpoints.notAllowed("POST");
			case "/oauth/revoke":
				return method.equals("POST") ? this.oauth.revoke(request) : AdminEndpoints.notAllowed("POST");
			case "/oauth/introspect":
				return method.equals("POST") ? this.oauth.introspect(request) : AdminEndpoints.notAllowed("POST");
			case "/oauth/token/info":
				return method.equals("GET") ? this.oauth.tokenInfo(request) : AdminEndpoints.notAllowed("GET");
			default:
				break;
		}
		String[] segments = path.substring(1).split("/");
		if (segments.length == 2 && segments[0].equals("webhook_events")) {
			if (!method.equals("GET")) {
				return AdminEndpoints.notAllowed("GET");
			}
			HttpReply refused = authenticate(request);
			return (refused != null) ? refused : this.api.webhookEvent(segments[1]);
		}
		if (segments.length < 3 || segments.length > 5 || !segments[0].equals("api")) {
			return notFound(path);
		}
		Collection collection = Collection.fromPath(segments[2]);
		if (collection == null || !collection.servesVersion(segments[1])) {
			return notFound(path);
		}
		if (segments.length == 5) {
			// The one action on an item: POST <payment link>/cancel (docs/k2-api.md
			// §13.3).
			if (collection != Collection.PAYMENT_LINKS || !segments[4].equals("cancel")) {
				return notFound(path);
			}
			if (!method.equals("POST")) {
				return AdminEndpoints.notAllowed("POST");
			}
			HttpReply refused = authenticate(request);
			return (refused != null) ? refused : this.api.cancelPaymentLink(segments[3]);
		}
		boolean item = segments.length == 4;
		String allowed = item ? "GET" : "POST";
		if (!method.equals(allowed)) {
			return AdminEndpoints.notAllowed(allowed);
		}
		HttpReply refused = authenticate(request);
		if (refused != null) {
			return refused;
		}
		return item ? this.api.status(collection, segments[3]) : this.api.create(segments[1], collection, request);
	}

	/** {@code null} when the bearer token is good, else K2's 401. */
	private @Nullable HttpReply authenticate(RecordedRequest request) {
		TokenStore.State state = this.tokens.check(OAuthEndpoints.bearer(request));
		if (state == TokenStore.State.VALID) {
			return null;
		}
		String message = (state == TokenStore.State.EXPIRED) ? "ExpiredAccessToken" : "InvalidAccessToken";
		return HttpReply.apiError(401, message)
			.withHeader("WWW-Authenticate", "Bearer realm=\"K2\", error=\"invalid_token\"");
	}

	private static HttpReply notFound(String path) {
		return HttpReply.apiError(404, "No route matches " + path);
	}

	private static String normalise(String path) {
		String normalised = path;
		while (normalised.length() > 1 && normalised.endsWith("/")) {
			normalised = normalised.substring(0, normalised.length() - 1);
		}
		return normalised.isEmpty() ? "/" : normalised;
	}

	private static void pause(SimulatorFaults.Decision fault) {
		if (fault.delay().isZero()) {
			return;
		}
		try {
			Thread.sleep(fault.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		byte[] body = reply.body();
		boolean noBody = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
		exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
		if (!noBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}
