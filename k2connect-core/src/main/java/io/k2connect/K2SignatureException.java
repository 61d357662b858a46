package io.k2connect;

/**
 * An inbound webhook or callback did not carry a valid {@code X-KopoKopo-Signature}: the
 * header was missing or malformed, or the HMAC did not match. The body must not be
 * trusted.
 */
public class K2SignatureException extends K2Exception {

	private static final long serialVersionUID = 1L;

	public K2SignatureException(String message) {
		super(message);
	}

}
