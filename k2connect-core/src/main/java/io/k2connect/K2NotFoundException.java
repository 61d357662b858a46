package io.k2connect;

import org.jspecify.annotations.Nullable;

/** K2 does not know the resource (404). */
public class K2NotFoundException extends K2ApiException {

	private static final long serialVersionUID = 1L;

	public K2NotFoundException(String message, int status, @Nullable String errorCode, @Nullable String errorMessage,
			@Nullable String error, @Nullable String errorDescription, @Nullable String responseBody) {
		super(message, status, errorCode, errorMessage, error, errorDescription, responseBody);
	}

}
