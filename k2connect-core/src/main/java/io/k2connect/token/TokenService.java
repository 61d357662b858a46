package io.k2connect.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.k2connect.K2ApiException;
import io.k2connect.internal.ClientCredentials;
import io.k2connect.internal.FormBody;
import io.k2connect.internal.JsonReaders;
import io.k2connect.internal.K2Http;
import io.k2connect.internal.K2Json;
import io.k2connect.internal.Urls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;

/**
 * The OAuth endpoints of K2 (API.md §1). Obtain it from {@link io.k2connect.K2Client#tokens()}.
 *
 * <p>Every other service fetches, caches and refreshes its token by itself; call this service
 * to manage tokens by hand, or to revoke or inspect one.
 */
public final class TokenService {

	private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

	private final K2Http http;

	private final URI baseUrl;

	private final ClientCredentials credentials;

	private final Clock clock;

	/**
	 * Creates the service; applications get theirs from {@link io.k2connect.K2Client#tokens()}.
	 * @param http the client's HTTP exchange
	 * @param baseUrl the K2 base URL
	 * @param credentials the application's credentials
	 * @param clock the clock that stamps tokens without {@code created_at}
	 */
	public TokenService(K2Http http, URI baseUrl, ClientCredentials credentials, Clock clock) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.credentials = credentials;
		this.clock = clock;
	}

	/**
	 * Requests a new access token with the client credentials ({@code POST /oauth/token}, form
	 * encoded, {@code grant_type=client_credentials}).
	 * @return the new token
	 */
	public AccessToken requestAccessToken() {
		FormBody form = new FormBody().add("client_id", this.credentials.clientId())
			.add("client_secret", this.credentials.clientSecret())
			.add("grant_type", "client_credentials");
		K2Http.Response response = post("/oauth/token", FormBody.CONTENT_TYPE, form.toBytes());
		JsonNode json = object(response, "/oauth/token");
		String token = JsonReaders.text(json, "access_token");
		if (token == null || token.isBlank()) {
			throw malformed(response, "POST /oauth/token answered without an access_token");
		}
		String type = JsonReaders.text(json, "token_type");
		Long expiresIn = JsonReaders.longValue(json, "expires_in");
		OffsetDateTime createdAt = JsonReaders.timeOrEpochSeconds(json, "created_at");
		return new AccessToken(token, (type != null) ? type : "Bearer",
				(expiresIn != null && expiresIn > 0) ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME,
				(createdAt != null) ? createdAt.toInstant() : this.clock.instant());
	}

	/**
	 * Revokes a token ({@code POST /oauth/revoke}); it stops working at once.
	 * @param accessToken the token to revoke
	 */
	public void revokeToken(String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		FormBody form = new FormBody().add("client_id", this.credentials.clientId())
			.add("client_secret", this.credentials.clientSecret())
			.add("token", accessToken);
		post("/oauth/revoke", FormBody.CONTENT_TYPE, form.toBytes());
	}

	/**
	 * Asks K2 whether a token is active and when it expires ({@code POST /oauth/introspect}, JSON).
	 * @param accessToken the token to inspect
	 * @return what K2 says about it
	 */
	public TokenIntrospection introspectToken(String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		ObjectNode body = K2Json.mapper().createObjectNode()
			.put("client_id", this.credentials.clientId())
			.put("client_secret", this.credentials.clientSecret())
			.put("token", accessToken);
		K2Http.Response response = post("/oauth/introspect", "application/json",
				K2Json.mapper().writeValueAsBytes(body));
		JsonNode json = object(response, "/oauth/introspect");
		JsonNode active = json.get("active");
		return new TokenIntrospection(active != null && active.asBoolean(false), JsonReaders.text(json, "scope"),
				JsonReaders.text(json, "client_id"), JsonReaders.text(json, "token_type"), JsonReaders.timeOrEpochSeconds(json, "exp"),
				JsonReaders.timeOrEpochSeconds(json, "iat"));
	}

	/**
	 * Reads a token's remaining lifetime and owner ({@code GET /oauth/token/info} with the token
	 * as bearer).
	 * @param accessToken the token to inspect
	 * @return what K2 says about it
	 */
	public TokenInfo tokenInfo(String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		K2Http.Response response = this.http
			.execute(new K2Http.Request(HttpMethod.GET, Urls.join(this.baseUrl, "/oauth/token/info"), null, null,
					accessToken, true));
		JsonNode json = object(response, "/oauth/token/info");
		List<String> scopes = new ArrayList<>();
		JsonNode scope = json.get("scope");
		if (scope != null && scope.isArray()) {
			scope.forEach((s) -> {
				if (s.isString()) {
					scopes.add(s.asString());
				}
			});
		}
		Long expiresIn = JsonReaders.longValue(json, "expires_in");
		OffsetDateTime createdAt = JsonReaders.timeOrEpochSeconds(json, "created_at");
		return new TokenInfo(JsonReaders.text(json, "resource_owner_id"), scopes,
				(expiresIn != null) ? Duration.ofSeconds(expiresIn) : null,
				JsonReaders.text(json.get("application"), "uid"), (createdAt != null) ? createdAt.toInstant() : null);
	}

	@Override
	public String toString() {
		return "TokenService[baseUrl=" + this.baseUrl + ", clientId=" + this.credentials.clientId() + "]";
	}

	private K2Http.Response post(String path, String contentType, byte[] body) {
		// The OAuth calls change nothing that a repeat could harm, so they retry like GETs.
		return this.http.execute(new K2Http.Request(HttpMethod.POST, Urls.join(this.baseUrl, path), contentType, body, null,
				true));
	}

	private static JsonNode object(K2Http.Response response, String path) {
		JsonNode json = JsonReaders.tryParseObject(response.body());
		if (json == null) {
			throw malformed(response, path + " answered " + response.status() + " without a JSON object");
		}
		return json;
	}

	private static K2ApiException malformed(K2Http.Response response, String message) {
		return new K2ApiException(message, response.status(), null, null, null, null, null);
	}


}
