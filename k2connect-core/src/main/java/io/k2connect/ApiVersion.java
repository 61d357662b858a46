package io.k2connect;

/**
 * Which K2 Connect API version the client uses for the operations that exist in both
 * (docs/k2-api.md §0.2): STK push ({@code incoming_payments}), webhook subscriptions,
 * polling and transfer accounts ({@code merchant_bank_accounts},
 * {@code merchant_wallets}). The default is {@link #V2}; {@link #V1} keeps the old paths
 * (and, for transfer accounts, the v1 bodies, which have no {@code nickname}).
 *
 * <p>
 * Operations that exist in one version only always use that version: PAY, settlement
 * transfers and SMS notifications are v1 (replaced in v2 by send money and external
 * recipients); send money, external recipients, reversals and payment links are v2.
 */
public enum ApiVersion {

	/** {@code /api/v1}: the version of the seed SDKs (Python 1.x, PHP, .NET, Flutter). */
	V1("/api/v1"),

	/**
	 * {@code /api/v2}, the default: the version of Python 2.0, Node 2.0 and Ruby 4.0.
	 */
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
