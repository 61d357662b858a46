package io.k2connect.event;

/**
 * Anything K2 POSTs to an application, classified as docs/k2-webhooks.md §5 describes: a
 * webhook {@link K2Event} (top-level {@code topic}), an asynchronous {@link K2Result}
 * (top-level {@code data}), a flat Safaricom-style {@link DarajaEvent}
 * ({@code TransactionType}) or an {@link UnknownPayload} for everything else.
 *
 * <p>
 * Produced by {@link K2PayloadParser}; after verification by
 * {@code io.k2connect.webhook.K2ResultProcessor}.
 */
public sealed interface K2Payload permits K2Event, K2Result, DarajaEvent, UnknownPayload {

}
