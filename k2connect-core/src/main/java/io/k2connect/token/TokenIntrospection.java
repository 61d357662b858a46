package io.k2connect.token;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /oauth/introspect} says about a token.
 *
 * @param active whether the token can still be used
 * @param scope the token's scope ({@code ""} on K2)
 * @param clientId the application the token belongs to
 * @param tokenType the token type, {@code Bearer}
 * @param expiresAt when the token expires ({@code exp})
 * @param issuedAt when the token was issued ({@code iat})
 */
public record TokenIntrospection(boolean active, @Nullable String scope, @Nullable String clientId,
		@Nullable String tokenType, @Nullable OffsetDateTime expiresAt, @Nullable OffsetDateTime issuedAt) {
}
