package io.k2connect;

/**
 * A body received from K2 (a webhook, a callback or a response) is not the JSON it must
 * be: empty, not JSON, or not a JSON object.
 */
public class K2PayloadException extends K2Exception {

	private static final long serialVersionUID = 1L;

	public K2PayloadException(String message) {
		super(message);
	}

	public K2PayloadException(String message, Throwable cause) {
		super(message, cause);
	}

}
