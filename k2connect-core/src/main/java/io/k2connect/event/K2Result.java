package io.k2connect.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An asynchronous result ("callback"): a body with a top-level {@code data} object,
 * POSTed to the {@code callback_url} given when a request was created, and also the
 * document a {@code GET} on the request's {@code Location} returns (docs/k2-webhooks.md
 * §4). One record per {@code data.type}; an unknown type is an {@link UnknownPayload}.
 */
public sealed interface K2Result extends K2Payload
		permits IncomingPaymentResult, PaymentResult, SettlementTransferResult, PollingResult,
		TransactionSmsNotificationResult, SendMoneyResult, ReversalResult, PaymentLinkResult {

	/** {@code data.id}: the id of the request this result is about. */
	@Nullable String id();

	/** {@code data.type}, e.g. {@code incoming_payment}. */
	@Nullable String type();

	/** {@code data.attributes.status}, e.g. {@code Success}, {@code Processed}. */
	@Nullable String status();

	/**
	 * {@code data.attributes.metadata}: the metadata sent with the request, echoed back,
	 * as plain Java values (strings, booleans,
	 * {@code Long}/{@code BigInteger}/{@code BigDecimal}, maps, lists, {@code null}).
	 */
	@Nullable Map<String, @Nullable Object> metadata();

	/** {@code data.attributes._links}. */
	@Nullable ResultLinks links();

}
