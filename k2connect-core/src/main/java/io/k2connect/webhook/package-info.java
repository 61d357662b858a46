/**
 * Inbound webhooks and asynchronous results from K2: signature verification on the raw
 * body bytes ({@link io.k2connect.webhook.K2SignatureVerifier}), signing for tests
 * ({@link io.k2connect.webhook.K2Signatures}), verify-then-parse
 * ({@link io.k2connect.webhook.K2ResultProcessor}) and the flat, seed-compatible view
 * ({@link io.k2connect.webhook.K2PayloadDecomposer}).
 */
@NullMarked
package io.k2connect.webhook;

import org.jspecify.annotations.NullMarked;
