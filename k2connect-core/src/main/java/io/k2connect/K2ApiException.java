package io.k2connect;

import org.jspecify.annotations.Nullable;

/**
 * K2 answered with an HTTP error status. Carries what K2 said: the status, the API error
 * fields {@code error_code} / {@code error_message}, the OAuth error fields {@code error}
 * / {@code error_description}, and the raw body (which may be empty or not JSON at all).
 *
 * <p>
 * Subclasses name the common cases so callers can catch what they handle:
 * {@link K2AuthenticationException} (401, 403), {@link K2InvalidRequestException} (400,
 * 422), {@link K2NotFoundException} (404), {@link K2RateLimitException} (429) and
 * {@link K2ServerException} (5xx). Also thrown for a malformed success, such as a create
 * call answered without a {@code Location} header (status is then the 2xx K2 sent).
 */
public class K2ApiException extends K2Exception {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final @Nullable String errorCode;

	private final @Nullable String errorMessage;

	private final @Nullable String error;

	private final @Nullable String errorDescription;

	private final @Nullable String responseBody;

	public K2ApiException(String message, int status, @Nullable String errorCode, @Nullable String errorMessage,
			@Nullable String error, @Nullable String errorDescription, @Nullable String responseBody) {
		super(message);
		this.status = status;
		this.errorCode = errorCode;
		this.errorMessage = errorMessage;
		this.error = error;
		this.errorDescription = errorDescription;
		this.responseBody = responseBody;
	}

	/**
	 * The exception for a success K2 should not have answered, such as a create call
	 * without a {@code Location} or a token answer without a token: there are no error
	 * fields, and {@code message} must quote nothing secret.
	 * @param status the 2xx status K2 sent
	 * @param message what was wrong with the answer
	 * @return the exception
	 */
	public static K2ApiException malformedAnswer(int status, String message) {
		return new K2ApiException(message, status, null, null, null, null, null);
	}

	/** The HTTP status code K2 answered with. */
	public int status() {
		return this.status;
	}

	/** The {@code error_code} of an API error body, if there was one. */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	/** The {@code error_message} of an API error body, if there was one. */
	public @Nullable String errorMessage() {
		return this.errorMessage;
	}

	/** The OAuth {@code error} of a token endpoint error body, if there was one. */
	public @Nullable String error() {
		return this.error;
	}

	/**
	 * The OAuth {@code error_description} of a token endpoint error body, if there was
	 * one.
	 */
	public @Nullable String errorDescription() {
		return this.errorDescription;
	}

	/**
	 * The response body as text (cut at 4,096 characters), or {@code null} when empty.
	 */
	public @Nullable String responseBody() {
		return this.responseBody;
	}

}
