package io.k2connect.simulator;

import org.jspecify.annotations.Nullable;

/**
 * A stored webhook subscription.
 *
 * @param id the subscription id
 * @param eventType the topic, e.g. {@code buygoods_transaction_received}
 * @param url where events go
 * @param scope {@code till} or {@code company}
 * @param scopeReference the till number for till scope
 * @param daraja whether events go out in the flat Daraja format
 * ({@code enable_daraja_payload})
 */
record Subscription(String id, String eventType, String url, String scope, @Nullable String scopeReference,
		boolean daraja) {

	/**
	 * Whether an event of this topic about this till (or about no till) goes to this
	 * subscription.
	 */
	boolean matches(String topic, @Nullable String tillNumber) {
		if (!this.eventType.equals(topic)) {
			return false;
		}
		if (this.scope.equals("company")) {
			return true;
		}
		return tillNumber != null && tillNumber.equalsIgnoreCase(this.scopeReference);
	}

}
