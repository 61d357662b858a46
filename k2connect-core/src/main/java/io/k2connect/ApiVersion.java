package io.k2connect;

/**
 * Which K2 Connect API version the client uses for the operations that exist in both: STK
 * push ({@code incoming_payments}), webhook subscriptions and polling (docs/k2-api.md
 * §0.2). Their bodies are the same; only the path prefix differs. Operations that exist
 * in one version only (PAY, settlement transfers and SMS notifications are v1) always use
 * that version.
 */
public enum ApiVersion {

	/** {@code /api/v1}: the version of the seed SDKs (Python 1.x, PHP, .NET, Flutter). */
	V1("/api/v1"),

	/** {@code /api/v2}: the version of Python 2.0, Node 2.0 and Ruby 4.0. */
	V2("/api/v2");

	private final String pathPrefix;

	ApiVersion(String pathPrefix) {
		this.pathPrefix = pathPrefix;
	}

	/** The path prefix, e.g. {@code /api/v2}. */
	public String pathPrefix() {
		return this.pathPrefix;
	}

}
