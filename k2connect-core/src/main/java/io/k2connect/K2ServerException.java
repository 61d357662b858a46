package io.k2connect;

import org.jspecify.annotations.Nullable;

/** K2 failed to handle the request (5xx). Safe-to-repeat calls were already retried. */
public class K2ServerException extends K2ApiException {

	private static final long serialVersionUID = 1L;

	public K2ServerException(String message, int status, @Nullable String errorCode, @Nullable String errorMessage,
			@Nullable String error, @Nullable String errorDescription, @Nullable String responseBody) {
		super(message, status, errorCode, errorMessage, error, errorDescription, responseBody);
	}

}
