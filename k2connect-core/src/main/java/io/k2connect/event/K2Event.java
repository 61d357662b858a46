package io.k2connect.event;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A webhook event: a body with a top-level {@code topic}, sent to the URL of a webhook
 * subscription. One record per topic; an unknown topic is an {@link UnknownPayload}. The
 * envelope fields below are common to all topics (docs/k2-webhooks.md §3.0).
 */
public sealed interface K2Event extends K2Payload permits BuygoodsTransactionReceived, BuygoodsTransactionReversed,
		B2bTransactionReceived, B2bTransactionReversed, M2mTransactionReceived, SettlementTransferCompleted,
		CustomerCreated, CardTransactionReceived, CardTransactionVoided, CardTransactionReversed {

	/** {@code id}: the webhook event id; the key for idempotent processing. */
	@Nullable String id();

	/** {@code topic}, e.g. {@code buygoods_transaction_received}. */
	@Nullable String topic();

	/** {@code created_at}: when K2 created the event. */
	@Nullable OffsetDateTime createdAt();

	/**
	 * {@code event.type}: K2's label of the resource kind, e.g.
	 * {@code Buygoods Transaction}.
	 */
	@Nullable String eventType();

	/** {@code _links}: the event and its resource. */
	@Nullable EventLinks links();

}
