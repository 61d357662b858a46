package io.k2connect;

import org.jspecify.annotations.Nullable;

/**
 * Per-call options, for applications that manage tokens themselves.
 *
 * <p>
 * With an explicit {@linkplain #accessToken() access token} the call uses it as is: the
 * client's own token cache is neither consulted nor refreshed, and a 401 is surfaced as a
 * {@link K2AuthenticationException} instead of being retried. {@link #toString()} never
 * shows the token.
 *
 * @param accessToken the bearer token to send, or {@code null} to let the client manage
 * it
 */
public record RequestOptions(@Nullable String accessToken) {

	private static final RequestOptions DEFAULTS = new RequestOptions(null);

	public RequestOptions {
		if (accessToken != null && accessToken.isBlank()) {
			throw new K2ValidationException("accessToken", "must not be blank");
		}
	}

	/** No options: the client fetches and refreshes its own token. */
	public static RequestOptions defaults() {
		return DEFAULTS;
	}

	/** Sends the given bearer token instead of the client's own. */
	public static RequestOptions withAccessToken(String accessToken) {
		return new RequestOptions(accessToken);
	}

	@Override
	public String toString() {
		return "RequestOptions[accessToken=" + ((this.accessToken != null) ? "****" : "managed") + "]";
	}

}
