package io.k2connect.subscription;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.k2connect.event.B2bTransactionReceived;
import io.k2connect.event.B2bTransactionReversed;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.BuygoodsTransactionReversed;
import io.k2connect.event.CardTransactionReceived;
import io.k2connect.event.CardTransactionReversed;
import io.k2connect.event.CardTransactionVoided;
import io.k2connect.event.CustomerCreated;
import io.k2connect.event.M2mTransactionReceived;
import io.k2connect.event.SettlementTransferCompleted;
import io.k2connect.model.Scope;
import io.k2connect.model.WireValue;
import org.jspecify.annotations.Nullable;

/**
 * The event topics a webhook subscription ({@code POST
 * /api/{v1|v2}/webhook_subscriptions}) can listen to, each with the scopes K2 allows for
 * it (docs/k2-api.md §3). Each topic's wire name is the {@code TOPIC} of the record its
 * webhooks parse into, so the two cannot drift apart.
 */
public enum WebhookEventType implements WireValue {

	/** A customer paid one of the merchant's Buy Goods tills. */
	BUYGOODS_TRANSACTION_RECEIVED(BuygoodsTransactionReceived.TOPIC, Scope.TILL, Scope.COMPANY),

	/** A Buy Goods payment was reversed. */
	BUYGOODS_TRANSACTION_REVERSED(BuygoodsTransactionReversed.TOPIC, Scope.TILL, Scope.COMPANY),

	/** Another business paid the merchant (business to business). */
	B2B_TRANSACTION_RECEIVED(B2bTransactionReceived.TOPIC, Scope.TILL, Scope.COMPANY),

	/**
	 * A settlement transfer to the merchant's own account finished. Company scope only.
	 */
	SETTLEMENT_TRANSFER_COMPLETED(SettlementTransferCompleted.TOPIC, Scope.COMPANY),

	/** A new customer paid the merchant for the first time. Company scope only. */
	CUSTOMER_CREATED(CustomerCreated.TOPIC, Scope.COMPANY),

	/**
	 * Another Kopo Kopo merchant paid this one (merchant to merchant). Company scope
	 * only; only the v1 SDKs know it.
	 */
	M2M_TRANSACTION_RECEIVED(M2mTransactionReceived.TOPIC, Scope.COMPANY),

	/** A card payment was received at a till. Till scope only; a v2 topic. */
	CARD_TRANSACTION_RECEIVED(CardTransactionReceived.TOPIC, Scope.TILL),

	/** A card payment was voided. Till scope only; a v2 topic. */
	CARD_TRANSACTION_VOIDED(CardTransactionVoided.TOPIC, Scope.TILL),

	/** A card payment was reversed. Till scope only; a v2 topic. */
	CARD_TRANSACTION_REVERSED(CardTransactionReversed.TOPIC, Scope.TILL),

	/**
	 * A business-to-business payment was reversed. A v2 topic; docs/k2-api.md presumes
	 * till scope (no SDK allow-lists it), so only till is accepted until K2 documents
	 * more.
	 */
	B2B_TRANSACTION_REVERSED(B2bTransactionReversed.TOPIC, Scope.TILL);

	private final String wireValue;

	private final Set<Scope> scopes;

	WebhookEventType(String wireValue, Scope first, Scope... rest) {
		this.wireValue = wireValue;
		// An EnumSet keeps the declaration order, so messages list the scopes the same
		// way every time.
		this.scopes = Collections.unmodifiableSet(EnumSet.of(first, rest));
	}

	/**
	 * The value K2 expects in {@code event_type}, e.g.
	 * {@code buygoods_transaction_received}.
	 */
	@Override
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
	 * Whether a subscription to this topic may ask for the flat Safaricom-Daraja format
	 * ({@code enable_daraja_payload}, v2): only {@link #BUYGOODS_TRANSACTION_RECEIVED}
	 * and {@link #B2B_TRANSACTION_RECEIVED}.
	 */
	public boolean allowsDarajaPayload() {
		return this == BUYGOODS_TRANSACTION_RECEIVED || this == B2B_TRANSACTION_RECEIVED;
	}

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces.
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown
	 */
	public static @Nullable WebhookEventType fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
