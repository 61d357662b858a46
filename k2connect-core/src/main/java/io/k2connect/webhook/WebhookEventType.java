package io.k2connect.webhook;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;

/**
 * The event topics a webhook subscription ({@code POST /api/{v1|v2}/webhook_subscriptions}) can
 * listen to, each with the scopes K2 allows for it (API.md §3).
 */
public enum WebhookEventType {

	/** A customer paid one of the merchant's Buy Goods tills. */
	BUYGOODS_TRANSACTION_RECEIVED("buygoods_transaction_received", Scope.TILL, Scope.COMPANY),

	/** A Buy Goods payment was reversed. */
	BUYGOODS_TRANSACTION_REVERSED("buygoods_transaction_reversed", Scope.TILL, Scope.COMPANY),

	/** Another business paid the merchant (business to business). */
	B2B_TRANSACTION_RECEIVED("b2b_transaction_received", Scope.TILL, Scope.COMPANY),

	/** A settlement transfer to the merchant's own account finished. Company scope only. */
	SETTLEMENT_TRANSFER_COMPLETED("settlement_transfer_completed", Scope.COMPANY),

	/** A new customer paid the merchant for the first time. Company scope only. */
	CUSTOMER_CREATED("customer_created", Scope.COMPANY),

	/**
	 * Another Kopo Kopo merchant paid this one (merchant to merchant). Company scope only; only
	 * the v1 SDKs know it.
	 */
	M2M_TRANSACTION_RECEIVED("m2m_transaction_received", Scope.COMPANY),

	/** A card payment was received at a till. Till scope only; a v2 topic. */
	CARD_TRANSACTION_RECEIVED("card_transaction_received", Scope.TILL),

	/** A card payment was voided. Till scope only; a v2 topic. */
	CARD_TRANSACTION_VOIDED("card_transaction_voided", Scope.TILL),

	/** A card payment was reversed. Till scope only; a v2 topic. */
	CARD_TRANSACTION_REVERSED("card_transaction_reversed", Scope.TILL),

	/**
	 * A business-to-business payment was reversed. A v2 topic; API.md presumes till scope (no
	 * SDK allow-lists it), so only till is accepted until K2 documents more.
	 */
	B2B_TRANSACTION_REVERSED("b2b_transaction_reversed", Scope.TILL);

	private final String wireValue;

	private final Set<Scope> scopes;

	WebhookEventType(String wireValue, Scope first, Scope... rest) {
		this.wireValue = wireValue;
		// An EnumSet keeps the declaration order, so messages list the scopes the same way every time.
		this.scopes = Collections.unmodifiableSet(EnumSet.of(first, rest));
	}

	/** The value K2 expects in {@code event_type}, e.g. {@code buygoods_transaction_received}. */
	public String wireValue() {
		return this.wireValue;
	}

	/** The scopes K2 accepts for this topic. */
	public Set<Scope> scopes() {
		return this.scopes;
	}

	/** Whether K2 accepts a subscription to this topic with the given scope. */
	public boolean allows(Scope scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * The topic with the given wire name.
	 * @param wireValue the wire name, may be null
	 * @return the topic, or {@code null} when the name is unknown (K2 may add topics)
	 */
	public static @Nullable WebhookEventType fromWireValue(@Nullable String wireValue) {
		for (WebhookEventType type : values()) {
			if (type.wireValue.equals(wireValue)) {
				return type;
			}
		}
		return null;
	}


}
