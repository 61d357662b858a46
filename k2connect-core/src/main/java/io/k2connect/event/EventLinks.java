package io.k2connect.event;

import org.jspecify.annotations.Nullable;

/**
 * The {@code _links} of a webhook event.
 *
 * @param self {@code _links.self}: the webhook event itself
 * ({@code .../webhook_events/<id>})
 * @param resource {@code _links.resource}: the underlying resource (a financial
 * transaction, transfer batch, mobile money user or payment batch)
 */
public record EventLinks(@Nullable String self, @Nullable String resource) {

}
