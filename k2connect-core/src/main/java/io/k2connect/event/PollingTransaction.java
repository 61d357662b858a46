package io.k2connect.event;

import org.jspecify.annotations.Nullable;

/**
 * One element of {@code attributes.transactions} in a {@code polling} result
 * (docs/k2-webhooks.md §4.4).
 *
 * @param type {@code type}, e.g. {@code Buygoods Transaction}
 * @param resource {@code resource}: the transaction
 */
public record PollingTransaction(@Nullable String type, @Nullable IncomingPaymentResource resource) {

}
