/**
 * Receiving K2's webhooks and asynchronous results: signature verification on the raw
 * body bytes ({@link io.k2connect.webhook.K2SignatureVerifier}), signing for tests
 * ({@link io.k2connect.webhook.K2Signatures}) and verify-then-parse
 * ({@link io.k2connect.webhook.K2ResultProcessor}). Subscribing to webhooks is
 * {@link io.k2connect.subscription}; the flat, Python-compatible view is
 * {@link io.k2connect.decompose}.
 */
@NullMarked
package io.k2connect.webhook;

import org.jspecify.annotations.NullMarked;
