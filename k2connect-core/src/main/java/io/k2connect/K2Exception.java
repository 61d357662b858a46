package io.k2connect;

/**
 * Root of every exception thrown by k2connect. All are unchecked; no Spring, Jackson or
 * JDK I/O exception escapes a public method of the SDK without being wrapped in one of
 * these.
 *
 * <p>
 * No message, cause or suppressed exception shows a client secret, API key or access
 * token: a cause that would is replaced by a stand-in with its class name and stack trace
 * but without its message.
 */
public class K2Exception extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public K2Exception(String message) {
		super(message);
	}

	public K2Exception(String message, Throwable cause) {
		super(message, cause);
	}

}
