package io.k2connect.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The access tokens the simulator issued. Tokens are opaque random strings, like
 * Doorkeeper's; they expire {@code tokenLifetime} after issue (by the simulator's clock)
 * and stop working at once when revoked. A token that ended is forgotten
 * {@link #REMEMBERED_AFTER_END} later, so that a long run does not keep every token it
 * ever issued; a forgotten token is unknown, and still refused.
 */
final class TokenStore {

	/**
	 * How long an expired or revoked token is still known: long enough for a client to
	 * hear {@code ExpiredAccessToken} rather than {@code InvalidAccessToken} for a token
	 * it just used.
	 */
	static final Duration REMEMBERED_AFTER_END = Duration.ofMinutes(10);

	/** Forgetting walks every token, so it runs at most this often, on issue. */
	static final Duration FORGET_INTERVAL = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private final Duration lifetime;

	private final Clock clock;

	private volatile Instant nextForget;

	TokenStore(Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
		this.nextForget = clock.instant().plus(FORGET_INTERVAL);
	}

	Token issue(String clientId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Token token = new Token(value, clientId, now, now.plus(this.lifetime), null);
		forgetEnded(now);
		this.tokens.put(value, token);
		return token;
	}

	void revoke(String value) {
		Instant now = this.clock.instant();
		this.tokens.computeIfPresent(value, (key, token) -> token.isRevoked() ? token : token.revoked(now));
	}

	/** How many tokens are known, ended ones not yet forgotten included. */
	int size() {
		return this.tokens.size();
	}

	private void forgetEnded(Instant now) {
		if (now.isBefore(this.nextForget)) {
			return;
		}
		this.nextForget = now.plus(FORGET_INTERVAL);
		Instant endedBefore = now.minus(REMEMBERED_AFTER_END);
		this.tokens.values().removeIf((token) -> token.endedAt().isBefore(endedBefore));
	}

	/**
	 * The token with this value, revoked or not, or {@code null} if the simulator never
	 * issued it.
	 */
	@Nullable Token find(@Nullable String value) {
		return (value != null) ? this.tokens.get(value) : null;
	}

	State check(@Nullable String value) {
		Token token = find(value);
		if (token == null || token.isRevoked()) {
			return State.INVALID;
		}
		return token.isExpired(this.clock.instant()) ? State.EXPIRED : State.VALID;
	}

	Clock clock() {
		return this.clock;
	}

	/** What a presented token is worth. */
	enum State {

		VALID, EXPIRED, INVALID

	}

	/** One issued token; {@code revokedAt} is {@code null} until it is revoked. */
	record Token(String value, String clientId, Instant createdAt, Instant expiresAt, @Nullable Instant revokedAt) {

		Token revoked(Instant now) {
			return new Token(this.value, this.clientId, this.createdAt, this.expiresAt, now);
		}

		boolean isRevoked() {
			return this.revokedAt != null;
		}

		/**
		 * When the token stopped working: revoked, or else expired (maybe in the future).
		 */
		Instant endedAt() {
			Instant revokedAt = this.revokedAt;
			return (revokedAt != null && revokedAt.isBefore(this.expiresAt)) ? revokedAt : this.expiresAt;
		}

		boolean isExpired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

		boolean isActive(Instant now) {
			return !isRevoked() && !isExpired(now);
		}

		/**
		 * Whole seconds of lifetime, rounded up so that a sub-second lifetime is not
		 * announced as 0.
		 */
		long lifetimeSeconds() {
			long millis = Duration.between(this.createdAt, this.expiresAt).toMillis();
			return (millis + 999) / 1000;
		}

		@Override
		public String toString() {
			return "Token[****, clientId=" + this.clientId + "]";
		}

	}

}
