package io.k2connect.token;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.k2connect.K2ApiException;
import io.k2connect.K2Transport;
import io.k2connect.K2Transport.Answer;
import io.k2connect.K2Transport.Encoding;
import io.k2connect.internal.JsonReaders;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth endpoints of K2 (docs/k2-api.md §1). Obtain it from
 * {@link io.k2connect.K2Client#tokens()}.
 *
 * <p>
 * Every other service fetches, caches and refreshes its token by itself; call this
 * service to manage tokens by hand, or to revoke or inspect one.
 */
public final class TokenService {

	/**
	 * The lifetime of a token whose answer has no {@code expires_in}: K2 issues one-hour
	 * tokens.
	 */
	public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

	/**
	 * The longest a token is trusted for, whatever {@code expires_in} says: a longer
	 * lifetime buys nothing over one fetch a day, and one near {@code Long.MAX_VALUE}
	 * seconds would overflow every expiry computed from it.
	 */
	public static final Duration MAX_TOKEN_LIFETIME = Duration.ofDays(1);

	private static final BigDecimal MAX_TOKEN_LIFETIME_SECONDS = BigDecimal.valueOf(MAX_TOKEN_LIFETIME.toSeconds());

	private final K2Transport transport;

	private final Clock clock;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#tokens()}.
	 * @param transport how the service reaches K2; it holds the application's credentials
	 * @param clock the clock that stamps tokens without {@code created_at}
	 */
	public TokenService(K2Transport transport, Clock clock) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Requests a new access token with the client credentials ({@code POST /oauth/token},
	 * form encoded, {@code grant_type=client_credentials}). Its lifetime is
	 * {@code expires_in} seconds, at most {@link #MAX_TOKEN_LIFETIME}, or
	 * {@link #DEFAULT_TOKEN_LIFETIME} when K2 leaves it out.
	 * @return the new token
	 * @throws K2ApiException when K2 answers an error, or a body without an access token,
	 * with one that is not visible ASCII (it could not be sent as a header), or with an
	 * {@code expires_in} that is not a positive number of seconds
	 */
	public AccessToken requestAccessToken() {
		Answer response = this.transport.oauth("/oauth/token", Map.of("grant_type", "client_credentials"),
				Encoding.FORM);
		JsonNode json = object(response, "/oauth/token");
		String token = JsonReaders.text(json, "access_token");
		if (token == null || token.isBlank()) {
			throw malformed(response, "POST /oauth/token answered without an access_token");
		}
		// A token with CR, LF, NUL or spaces cannot go into an Authorization header, and
		// the JDK would quote it whole in its refusal; it is rejected here, quoting
		// nothing of it.
		if (!token.chars().allMatch((c) -> c >= 0x21 && c <= 0x7E)) {
			throw malformed(response,
					"POST /oauth/token answered an access_token with characters other than visible ASCII");
		}
		String type = JsonReaders.text(json, "token_type");
		OffsetDateTime createdAt = JsonReaders.timeOrEpochSeconds(json, "created_at");
		return new AccessToken(token, (type != null) ? type : "Bearer", lifetime(response, json),
				(createdAt != null) ? createdAt.toInstant() : this.clock.instant());
	}

	private static Duration lifetime(Answer response, JsonNode json) {
		JsonNode expiresIn = JsonReaders.child(json, "expires_in");
		if (expiresIn == null || expiresIn.isNull()) {
			return DEFAULT_TOKEN_LIFETIME;
		}
		// A lifetime under a second, or none that can be read, would have the cache fetch
		// a new token for every call: K2 sent something wrong, and saying so beats
		// hammering it.
		BigDecimal seconds = JsonReaders.decimal(expiresIn);
		if (seconds == null || seconds.compareTo(BigDecimal.ONE) < 0) {
			throw malformed(response,
					"POST /oauth/token answered an expires_in that is not a positive number of seconds");
		}
		// compareTo looks at the exponents first, so even 1E+999999999 costs nothing
		// here.
		return (seconds.compareTo(MAX_TOKEN_LIFETIME_SECONDS) >= 0) ? MAX_TOKEN_LIFETIME
				: Duration.ofSeconds(seconds.longValue());
	}

	/**
	 * Revokes a token ({@code POST /oauth/revoke}); it stops working at once.
	 * @param accessToken the token to revoke
	 */
	public void revokeToken(String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		this.transport.oauth("/oauth/revoke", Map.of("token", accessToken), Encoding.FORM);
	}

	/**
	 * Asks K2 whether a token is active and when it expires
	 * ({@code POST /oauth/introspect}, JSON).
	 * @param accessToken the token to inspect
	 * @return what K2 says about it
	 */
	public TokenIntrospection introspectToken(String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		Answer response = this.transport.oauth("/oauth/introspect", Map.of("token", accessToken), Encoding.JSON);
		JsonNode json = object(response, "/oauth/introspect");
		JsonNode active = json.get("active");
		return new TokenIntrospection(active != null && active.asBoolean(false), JsonReaders.text(json, "scope"),
				JsonReaders.text(json, "client_id"), JsonReaders.text(json, "token_type"),
				JsonReaders.timeOrEpochSeconds(json, "exp"), JsonReaders.timeOrEpochSeconds(json, "iat"));
	}

	/**
	 * Reads a token's remaining lifetime and owner ({@code GET /oauth/token/info} with
	 * the token as bearer).
	 * @param accessToken the token to inspect
	 * @return what K2 says about it
	 */
	public TokenInfo tokenInfo(String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		Answer response = this.transport.oauthRead("/oauth/token/info", accessToken);
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
		return "TokenService[baseUrl=" + this.transport.baseUrl() + "]";
	}

	private static JsonNode object(Answer response, String path) {
		JsonNode json = JsonReaders.tryParseObject(response.body());
		if (json == null) {
			throw malformed(response, path + " answered " + response.status() + " without a JSON object");
		}
		return json;
	}

	private static K2ApiException malformed(Answer response, String message) {
		return K2ApiException.malformedAnswer(response.status(), message);
	}

}
