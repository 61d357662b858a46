package io.k2connect.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code GET /oauth/token/info} says about a token.
 *
 * @param resourceOwnerId the resource owner (always {@code null} for client-credentials
 * tokens)
 * @param scopes the token's scopes (empty on K2)
 * @param expiresIn the time the token has left
 * @param applicationUid the client id of the application that owns the token
 * @param createdAt when the token was issued
 */
public record TokenInfo(@Nullable String resourceOwnerId, List<String> scopes, @Nullable Duration expiresIn,
		@Nullable String applicationUid, @Nullable Instant createdAt) {

	public TokenInfo {
		scopes = List.copyOf(scopes);
	}

}
