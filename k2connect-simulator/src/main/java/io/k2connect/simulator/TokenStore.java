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
 * The access tokens the simulator issued. Tokens are opaque random strings, like Doorkeeper's;
 * they expire {@code tokenLifetime} after issue (by the simulator's clock) and stop working
 * at once when revoked.
 */
final class TokenStore {

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private final Duration lifetime;

	private final Clock clock;

	TokenStore(Duration lifetime, Clock clock) {
		this.lifetime = lifetime;
		this.clock = clock;
	}

	Token issue(String clientId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Token token = new Token(value, clientId, now, now.plus(this.lifetime), false);
		this.tokens.put(value, token);
		return token;
	}

	void revoke(String value) {
		this.tokens.computeIfPresent(value, (key, token) -> token.revoked());
	}

	/** The token with this value, revoked or not, or {@code null} if the simulator never issued it. */
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

	/** One issued token. */
	record Token(String value, String clientId, Instant createdAt, Instant expiresAt, boolean isRevoked) {

		Token revoked() {
			return new Token(this.value, this.clientId, this.createdAt, this.expiresAt, true);
		}

		boolean isExpired(Instant now) {
			return !now.isBefore(this.expiresAt);
		}

		boolean isActive(Instant now) {
			return !this.isRevoked && !isExpired(now);
		}

		/** Whole seconds of lifetime, rounded up so that a sub-second lifetime is not announced as 0. */
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
