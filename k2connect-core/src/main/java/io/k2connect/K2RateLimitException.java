package io.k2connect;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** K2 asked the client to slow down (429). Safe-to-repeat calls were already retried. */
public class K2RateLimitException extends K2ApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public K2RateLimitException(String message, int status, @Nullable String errorCode, @Nullable String errorMessage,
			@Nullable String error, @Nullable String errorDescription, @Nullable String responseBody,
			@Nullable Duration retryAfter) {
		super(message, status, errorCode, errorMessage, error, errorDescription, responseBody);
		this.retryAfter = retryAfter;
	}

	/** How long K2 asked to wait ({@code Retry-After}), if it said. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
