/**
 * Webhook subscriptions: which events K2 sends to which URL
 * ({@link io.k2connect.subscription.WebhookService}).
 */
@NullMarked
package io.k2connect.subscription;

import org.jspecify.annotations.NullMarked;
