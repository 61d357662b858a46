package io.k2connect.internal;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Rules for the URLs the SDK talks to or hands to K2: HTTPS everywhere, with plain HTTP
 * only for loopback hosts so the local simulator and tests work.
 */
public final class Urls {

	/** The rule, worded for error messages. */
	public static final String SECURE_RULE = "must be an absolute https:// URL (http:// is allowed only for localhost, 127.0.0.0/8 and ::1)";

	private Urls() {
	}

	/** Whether the URL is absolute and either https, or http on a loopback host. */
	public static boolean isSecure(@Nullable URI url) {
		if (url == null || !url.isAbsolute() || url.isOpaque() || url.getRawAuthority() == null) {
			return false;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (scheme.equals("https")) {
			// getHost() is null for names java.net.URI will not parse as a host (e.g.
			// with "_"), which DNS allows.
			return url.getHost() != null || !url.getRawAuthority().isBlank();
		}
		return scheme.equals("http") && url.getHost() != null && isLoopback(url.getHost());
	}

	/** Whether the host names the loopback interface, without any DNS lookup. */
	public static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
			return true;
		}
		String[] parts = h.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	/** Parses a URL, or returns {@code null} when it is not one. */
	public static @Nullable URI tryParse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new URI(value.strip());
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	/** Whether two URLs share scheme, host and port. */
	public static boolean sameOrigin(URI a, URI b) {
		return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
				&& a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	/**
	 * Appends an absolute path ({@code /api/v1/...}) to a base URL, keeping any path the
	 * base has.
	 */
	public static URI join(URI base, String path) {
		String b = base.toString();
		while (b.endsWith("/")) {
			b = b.substring(0, b.length() - 1);
		}
		return URI.create(b + path);
	}

	/**
	 * Parses a URL a user typed for a request field. Text that is not a URL at all
	 * becomes a relative placeholder URI, which the field's rule then reports with all
	 * other broken fields instead of failing alone and first.
	 */
	public static @Nullable URI parseForValidation(@Nullable String value) {
		if (value == null) {
			return null;
		}
		URI parsed = tryParse(value);
		return (parsed != null) ? parsed : URI.create("unparseable-url");
	}

}
