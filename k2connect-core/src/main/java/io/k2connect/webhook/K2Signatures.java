package io.k2connect.webhook;

import java.util.HexFormat;
import java.util.Objects;

import io.k2connect.K2ValidationException;

/**
 * Computes {@code X-KopoKopo-Signature} values the way K2 does: the lower-case hex
 * HMAC-SHA256 of the exact body bytes, keyed with the application's API key. Meant for
 * tests and for the simulator, which must sign what it sends; production code verifies
 * with {@link K2SignatureVerifier}.
 */
public final class K2Signatures {

	private K2Signatures() {
	}

	/**
	 * Signs a body as K2 signs webhook events and callback results.
	 * @param body the exact bytes that will be sent; never re-serialised
	 * @param apiKey the API key of the OAuth application (not the client secret)
	 * @return 64 lower-case hexadecimal characters, no prefix
	 * @throws K2ValidationException if the API key is blank
	 */
	public static String sign(byte[] body, String apiKey) {
		Objects.requireNonNull(body, "body must not be null");
		K2SignatureVerifier.checkKey(apiKey, "apiKey");
		return HexFormat.of().formatHex(new HmacSha256(apiKey).digest(body));
	}

}
