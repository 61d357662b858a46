package io.k2connect;

import org.jspecify.annotations.Nullable;

/**
 * K2 refused the credentials or the access token (401), or the operation is not allowed
 * for them (403).
 */
public class K2AuthenticationException extends K2ApiException {

	private static final long serialVersionUID = 1L;

	public K2AuthenticationException(String message, int status, @Nullable String errorCode,
			@Nullable String errorMessage, @Nullable String error, @Nullable String errorDescription,
			@Nullable String responseBody) {
		super(message, status, errorCode, errorMessage, error, errorDescription, responseBody);
	}

}
