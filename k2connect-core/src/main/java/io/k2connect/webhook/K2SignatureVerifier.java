package io.k2connect.webhook;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.k2connect.K2SignatureException;
import io.k2connect.K2ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@value #HEADER} header that K2 puts on every webhook event, Daraja-format
 * event and callback result: the lower-case hex HMAC-SHA256 of the <em>raw body
 * bytes</em>, keyed with the application's API key.
 *
 * <p>
 * Verification runs on the bytes exactly as received. Parsing and re-serialising the body
 * first (as the Node and Ruby SDKs do) breaks on pretty-printed bodies, unicode escapes
 * (a backslash-u002B for a plus sign), non-ASCII names or trailing whitespace, so never
 * do that.
 *
 * <p>
 * Several keys may be given, so that an API key can be rotated without rejecting the
 * deliveries already signed with the old one; a signature made with any of them passes.
 * The header is compared with each key's digest in constant time. Instances are immutable
 * and thread-safe, and never reveal their keys in {@link #toString()} or in exception
 * messages.
 */
public final class K2SignatureVerifier {

	/** The name of the header carrying the signature; look it up case-insensitively. */
	public static final String HEADER = "X-KopoKopo-Signature";

	private static final int HEX_LENGTH = HmacSha256.DIGEST_LENGTH * 2;

	private final HmacSha256[] keys;

	/**
	 * A verifier for one API key.
	 * @param apiKey the API key of the OAuth application (not the client secret)
	 * @throws K2ValidationException if the key is blank
	 */
	public K2SignatureVerifier(String apiKey) {
		this(List.of(Objects.requireNonNull(apiKey, "apiKey must not be null")));
	}

	/**
	 * A verifier accepting signatures made with any of several API keys, for key
	 * rotation. Keys are tried in order, so put the current one first.
	 * @param apiKeys one or more API keys
	 * @throws K2ValidationException if the list is empty or a key is blank
	 */
	public K2SignatureVerifier(List<String> apiKeys) {
		Objects.requireNonNull(apiKeys, "apiKeys must not be null");
		if (apiKeys.isEmpty()) {
			throw new K2ValidationException("apiKeys", "must contain at least one API key");
		}
		this.keys = new HmacSha256[apiKeys.size()];
		for (int i = 0; i < this.keys.length; i++) {
			String key = apiKeys.get(i);
			checkKey(key, (apiKeys.size() == 1) ? "apiKey" : "apiKeys[" + i + "]");
			this.keys[i] = new HmacSha256(key);
		}
	}

	/**
	 * Verifies that {@code signatureHeader} is the signature K2 computes for
	 * {@code body}.
	 * @param body the request body exactly as received, before any parsing
	 * @param signatureHeader the value of the {@value #HEADER} header, or {@code null}
	 * when the request had none
	 * @throws K2SignatureException if the header is missing, empty, not 64 hexadecimal
	 * characters, or does not match the body under any of the keys; the message says
	 * which
	 */
	public void verify(byte[] body, @Nullable String signatureHeader) {
		Objects.requireNonNull(body, "body must not be null");
		String presented = presented(signatureHeader);
		// Kept only once a key fails, for the retry below: no HMAC is computed twice.
		byte[][] digests = null;
		for (int i = 0; i < this.keys.length; i++) {
			byte[] digest = this.keys[i].digest(body);
			if (isLowerHexOf(digest, presented)) {
				return;
			}
			if (digests == null) {
				digests = new byte[this.keys.length][];
			}
			digests[i] = digest;
		}
		// Not K2's lower-case hex of any key's digest. Say why more precisely if the
		// header is not hex at all; accept upper or mixed case, which is the same digest.
		checkHex(presented);
		String lowerCase = presented.toLowerCase(Locale.ROOT);
		if (!lowerCase.equals(presented)) {
			for (byte[] digest : Objects.requireNonNull(digests)) {
				if (isLowerHexOf(digest, lowerCase)) {
					return;
				}
			}
		}
		throw new K2SignatureException(HEADER + " does not match the request body"
				+ ((this.keys.length > 1) ? " under any of the " + this.keys.length + " configured API keys" : ""));
	}

	/** The number of API keys accepted; the keys themselves are never shown. */
	@Override
	public String toString() {
		return "K2SignatureVerifier[apiKeys=" + this.keys.length + "]";
	}

	/** The header's value, if it has the length of a hex digest. */
	private static String presented(@Nullable String header) {
		if (header == null) {
			throw new K2SignatureException(HEADER + " header is missing");
		}
		// Surrounding whitespace is not part of an HTTP field value; some stacks leave
		// it.
		String value = header.strip();
		if (value.isEmpty()) {
			throw new K2SignatureException(HEADER + " header is empty");
		}
		if (value.length() != HEX_LENGTH) {
			throw new K2SignatureException(HEADER + " must be " + HEX_LENGTH
					+ " hexadecimal characters (an HMAC-SHA256 digest) but has " + value.length());
		}
		return value;
	}

	/**
	 * Whether {@code hex} (of the digest's hex length) is the lower-case hex of
	 * {@code digest}, in constant time: every character is compared, whatever the first
	 * difference, and neither a branch nor a memory access depends on the digest (its hex
	 * digits are computed, not looked up). Comparing in the header's own form skips
	 * decoding it into a second array.
	 */
	private static boolean isLowerHexOf(byte[] digest, String hex) {
		int difference = 0;
		for (int i = 0; i < digest.length; i++) {
			// Two characters as one int, against the two digits of one digest byte.
			int presented = (hex.charAt(2 * i) << 16) | hex.charAt(2 * i + 1);
			int expected = (lowerHexDigit((digest[i] >> 4) & 0xF) << 16) | lowerHexDigit(digest[i] & 0xF);
			difference |= presented ^ expected;
		}
		return difference == 0;
	}

	/**
	 * The lower-case hex digit of {@code value} (0 to 15), without a branch: '0' + value,
	 * plus the distance from '9' + 1 to 'a' when value is above 9 (then 9 - value is
	 * negative, and its sign, shifted down, masks the 39 in).
	 */
	private static int lowerHexDigit(int value) {
		return '0' + value + (((9 - value) >> 31) & ('a' - '9' - 1));
	}

	/** Fails naming the first character that is not an ASCII hexadecimal digit. */
	private static void checkHex(String value) {
		for (int i = 0; i < value.length(); i++) {
			// ASCII digits and letters only, unlike Character.digit.
			if (!HexFormat.isHexDigit(value.charAt(i))) {
				throw new K2SignatureException(HEADER + " is not hexadecimal (bad character at index " + i + ")");
			}
		}
	}

	static void checkKey(@Nullable String key, String field) {
		if (key == null || key.isBlank()) {
			throw new K2ValidationException(field, "must not be blank");
		}
	}

}
