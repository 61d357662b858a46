package io.k2connect;

/**
 * K2 could not be reached, or did not answer in time: connection refused or reset, DNS
 * failure, TLS failure, connect or read timeout.
 */
public class K2ConnectionException extends K2Exception {

	private static final long serialVersionUID = 1L;

	public K2ConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
