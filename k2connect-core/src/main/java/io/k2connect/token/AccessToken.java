package io.k2connect.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth access token issued by {@code POST /oauth/token}.
 *
 * <p>
 * {@link #toString()} never shows the token itself.
 *
 * @param accessToken the opaque bearer token
 * @param tokenType the token type, {@code Bearer}
 * @param expiresIn how long the token lives from {@code createdAt} (K2 issues one-hour
 * tokens; {@link TokenService} trusts none for longer than
 * {@link TokenService#MAX_TOKEN_LIFETIME})
 * @param createdAt when K2 issued the token ({@code created_at}), or when it was received
 * if K2 did not say
 */
public record AccessToken(String accessToken, String tokenType, Duration expiresIn, Instant createdAt) {

	public AccessToken {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		Objects.requireNonNull(tokenType, "tokenType must not be null");
		Objects.requireNonNull(expiresIn, "expiresIn must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
	}

	/** When the token stops working: {@code createdAt + expiresIn}. */
	public Instant expiresAt() {
		return this.createdAt.plus(this.expiresIn);
	}

	@Override
	public String toString() {
		return "AccessToken[accessToken=****, tokenType=" + this.tokenType + ", expiresIn=" + this.expiresIn
				+ ", createdAt=" + this.createdAt + "]";
	}

}
