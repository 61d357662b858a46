package io.k2connect.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's one HTTP handler: records the request, applies the request faults, then
 * dispatches by path to OAuth, the API (after checking the bearer token), webhook events or
 * the admin endpoints.
 */
final class Router implements HttpHandler {

	private final Clock clock;

	private final List<RecordedRequest> requests = new ArrayList<>();

	private final SimulatorFaults faults;

	private final OAuthEndpoints oauth;

	private final TokenStore tokens;

	private final ApiEndpoints api;

	private final AdminEndpoints admin;

	Router(Clock clock, SimulatorFaults faults, OAuthEndpoints oauth, TokenStore tokens, ApiEndpoints api,
			AdminEndpoints admin) {
		this.clock = clock;
		this.faults = faults;
		this.oauth = oauth;
		this.tokens = tokens;
		this.api = api;
		this.admin = admin;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			RecordedRequest request = record(exchange);
			String path = normalise(request.path());
			boolean isAdmin = path.equals("/simulator") || path.startsWith("/simulator/");
			SimulatorFaults.@Nullable Decision fault = isAdmin ? null : this.faults.decide(path);
			if (fault != null) {
				pause(fault);
				if (fault.dropBefore()) {
					return; // closing the exchange before any status line drops the connection
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
				// A bug in the simulator must look like a K2 outage to the client, not hang it.
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

	private RecordedRequest record(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
		RecordedRequest request = new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
				exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body,
				this.clock.instant());
		synchronized (this.requests) {
			this.requests.add(request);
		}
		return request;
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
		if (segments.length < 3 || segments.length > 4 || !segments[0].equals("api")) {
			return notFound(path);
		}
		Collection collection = Collection.fromPath(segments[2]);
		if (collection == null || !collection.servesVersion(segments[1])) {
			return notFound(path);
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
