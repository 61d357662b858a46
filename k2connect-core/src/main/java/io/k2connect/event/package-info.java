/**
 * Typed webhook events and asynchronous results from K2, produced by
 * {@link io.k2connect.event.K2PayloadParser}. The root is the sealed
 * {@link io.k2connect.event.K2Payload}: a {@link io.k2connect.event.K2Event} (one record
 * per webhook topic), a {@link io.k2connect.event.K2Result} (one record per result
 * {@code data.type}), a {@link io.k2connect.event.DarajaEvent} or an
 * {@link io.k2connect.event.UnknownPayload}.
 *
 * <p>
 * Every record component is nullable: K2 payloads vary between API versions and fixtures,
 * so a missing key, a JSON {@code null} or a value of the wrong JSON type is {@code null}
 * rather than an error.
 */
@NullMarked
package io.k2connect.event;

import org.jspecify.annotations.NullMarked;
