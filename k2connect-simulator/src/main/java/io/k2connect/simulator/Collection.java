package io.k2connect.simulator;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The resource collections the simulator serves under {@code /api/v1} and {@code /api/v2}
 * (each in the versions K2 has it), with the {@code data.type} of their documents and
 * whether K2 posts a result when they finish (docs/k2-api.md §16).
 */
enum Collection {

	INCOMING_PAYMENTS("incoming_payments", "incoming_payment", true, "v1", "v2"),

	PAY_RECIPIENTS("pay_recipients", "pay_recipient", false, "v1"),

	PAYMENTS("payments", "payment", true, "v1"),

	MERCHANT_BANK_ACCOUNTS("merchant_bank_accounts", "merchant_bank_account", false, "v1", "v2"),

	MERCHANT_WALLETS("merchant_wallets", "merchant_wallet", false, "v1", "v2"),

	SETTLEMENT_TRANSFERS("settlement_transfers", "settlement_transfer", true, "v1"),

	WEBHOOK_SUBSCRIPTIONS("webhook_subscriptions", "webhook_subscription", false, "v1", "v2"),

	TRANSACTION_SMS_NOTIFICATIONS("transaction_sms_notifications", "transaction_sms_notification", true, "v1"),

	POLLING("polling", "polling", true, "v1", "v2"),

	SEND_MONEY("send_money", "send_money", true, "v2"),

	EXTERNAL_RECIPIENTS("external_recipients", "external_recipient", false, "v2"),

	REVERSALS("reversals", "reversal", true, "v2"),

	/**
	 * Asynchronous in K2's sense, but its result is posted when a customer pays, not
	 * after the callback delay.
	 */
	PAYMENT_LINKS("payment_links", "payment_link", false, "v2");

	private final String path;

	private final String type;

	private final boolean async;

	private final Set<String> versions;

	Collection(String path, String type, boolean async, String... versions) {
		this.path = path;
		this.type = type;
		this.async = async;
		this.versions = Set.of(versions);
	}

	/** The path segment, e.g. {@code incoming_payments}. */
	String path() {
		return this.path;
	}

	/** The {@code data.type} of the documents, e.g. {@code incoming_payment}. */
	String type() {
		return this.type;
	}

	/**
	 * Whether a result is posted to {@code _links.callback_url} when the resource
	 * finishes.
	 */
	boolean isAsync() {
		return this.async;
	}

	boolean servesVersion(String version) {
		return this.versions.contains(version);
	}

	static @Nullable Collection fromPath(String path) {
		for (Collection collection : values()) {
			if (collection.path.equals(path)) {
				return collection;
			}
		}
		return null;
	}

}
