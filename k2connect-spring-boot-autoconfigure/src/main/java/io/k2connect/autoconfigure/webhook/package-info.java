/**
 * The {@code @K2Webhook} endpoint: verifies K2's webhooks and callbacks, parses them into
 * typed records and publishes each once, remembering deliveries in a
 * {@link K2DeliveryRegistry}.
 */
@NullMarked
package io.k2connect.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
