package io.k2connect.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /oauth/token}, {@code /oauth/revoke}, {@code /oauth/introspect} and
 * {@code GET /oauth/token/info} (docs/k2-api.md §1), answering errors in OAuth's shape.
 */
final class OAuthEndpoints {

	private static final String INVALID_CLIENT = "Client authentication failed due to unknown client, no client "
			+ "authentication included, or unsupported authentication method.";

	private final SimulatorConfig config;

	private final TokenStore tokens;

	OAuthEndpoints(SimulatorConfig config, TokenStore tokens) {
		this.config = config;
		this.tokens = tokens;
	}

	HttpReply token(RecordedRequest request) {
		Map<String, String> params = params(request);
		if (!authenticated(request, params)) {
			return HttpReply.oauthError(401, "invalid_client", INVALID_CLIENT);
		}
		String grantType = params.get("grant_type");
		if (grantType == null || grantType.isBlank()) {
			return HttpReply.oauthError(400, "invalid_request",
					"The request is missing a required parameter: grant_type.");
		}
		if (!grantType.equals("client_credentials")) {
			return HttpReply.oauthError(400, "unsupported_grant_type",
					"The authorization grant type is not supported by the authorization server.");
		}
		TokenStore.Token token = this.tokens.issue(this.config.clientId());
		ObjectNode body = Wire.object()
			.put("access_token", token.value())
			.put("token_type", "Bearer")
			.put("expires_in", token.lifetimeSeconds())
			.put("created_at", token.createdAt().getEpochSecond());
		return HttpReply.json(200, body).withHeader("Cache-Control", "no-store");
	}

	HttpReply revoke(RecordedRequest request) {
		Map<String, String> params = params(request);
		if (!authenticated(request, params)) {
			return HttpReply.oauthError(401, "invalid_client", INVALID_CLIENT);
		}
		String token = params.get("token");
		if (token != null) {
			this.tokens.revoke(token);
		}
		// RFC 7009: an unknown token is not an error, so this always answers {}.
		return HttpReply.json(200, Wire.object());
	}

	HttpReply introspect(RecordedRequest request) {
		Map<String, String> params = params(request);
		if (!authenticated(request, params)) {
			return HttpReply.oauthError(401, "invalid_client", INVALID_CLIENT);
		}
		TokenStore.Token token = this.tokens.find(params.get("token"));
		Instant now = this.tokens.clock().instant();
		if (token == null || !token.isActive(now)) {
			return HttpReply.json(200, Wire.object().put("active", false));
		}
		ObjectNode body = Wire.object()
			.put("active", true)
			.put("scope", "")
			.put("client_id", token.clientId())
			.put("token_type", "Bearer")
			.put("exp", Wire.millis(token.expiresAt()))
			.put("iat", Wire.millis(token.createdAt()));
		return HttpReply.json(200, body);
	}

	HttpReply tokenInfo(RecordedRequest request) {
		TokenStore.Token token = this.tokens.find(bearer(request));
		Instant now = this.tokens.clock().instant();
		if (token == null || !token.isActive(now)) {
			return HttpReply.oauthError(401, "invalid_token", "The access token is invalid")
				.withHeader("WWW-Authenticate", "Bearer realm=\"K2\", error=\"invalid_token\"");
		}
		ObjectNode body = Wire.object();
		body.putNull("resource_owner_id");
		body.putArray("scope");
		body.put("expires_in", Math.max(0, Duration.between(now, token.expiresAt()).toSeconds()));
		body.putObject("application").put("uid", token.clientId());
		body.put("created_at", token.createdAt().getEpochSecond());
		return HttpReply.json(200, body);
	}

	/** The bearer token of the {@code Authorization} header, or {@code null}. */
	static @Nullable String bearer(RecordedRequest request) {
		String header = request.header("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = header.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	/**
	 * Client credentials from the body (form or JSON, as the SDKs send them) or, as
	 * Doorkeeper also accepts, from HTTP Basic authentication.
	 */
	private boolean authenticated(RecordedRequest request, Map<String, String> params) {
		String clientId = params.get("client_id");
		String clientSecret = params.get("client_secret");
		String authorization = request.header("Authorization");
		if ((clientId == null || clientSecret == null) && authorization != null
				&& authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				if (colon > 0) {
					clientId = decoded.substring(0, colon);
					clientSecret = decoded.substring(colon + 1);
				}
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return equal(clientId, this.config.clientId()) && equal(clientSecret, this.config.clientSecret());
	}

	private static boolean equal(@Nullable String presented, String expected) {
		// Constant time, so the simulator does not teach timing-leaky comparisons by
		// example.
		return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Parameters from a form or JSON body; which one is decided by Content-Type, else by
	 * the first byte.
	 */
	static Map<String, String> params(RecordedRequest request) {
		String contentType = request.header("Content-Type");
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		String text = request.bodyText().strip();
		boolean json = type.contains("json") || (!type.contains("form") && text.startsWith("{"));
		Map<String, String> params = new HashMap<>();
		if (json) {
			ObjectNode object = Wire.parseObject(request.body());
			if (object != null) {
				object.properties().forEach((entry) -> {
					if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
						params.put(entry.getKey(), entry.getValue().asString());
					}
				});
			}
			return params;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.putIfAbsent(name, value);
		}
		return params;
	}

}
