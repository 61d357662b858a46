package io.k2connect;

import org.jspecify.annotations.Nullable;

/** K2 rejected the request as invalid (400 or 422); {@link #errorMessage()} says why. */
public class K2InvalidRequestException extends K2ApiException {

	private static final long serialVersionUID = 1L;

	public K2InvalidRequestException(String message, int status, @Nullable String errorCode,
			@Nullable String errorMessage, @Nullable String error, @Nullable String errorDescription,
			@Nullable String responseBody) {
		super(message, status, errorCode, errorMessage, error, errorDescription, responseBody);
	}

}
