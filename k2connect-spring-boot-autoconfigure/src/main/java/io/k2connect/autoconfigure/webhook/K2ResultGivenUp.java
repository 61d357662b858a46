package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.time.Instant;

/**
 * Published once when k2connect stops waiting for the result of a request: no callback
 * came, and its status stayed pending (or its location was unknown to K2) until
 * {@code k2.recovery.give-up-after}. The request may still finish at K2; look it up
 * there.
 *
 * @param location the request's location
 * @param createdAt when it was created
 * @param checks how many times its status was asked for
 */
public record K2ResultGivenUp(URI location, Instant createdAt, int checks) {
}
