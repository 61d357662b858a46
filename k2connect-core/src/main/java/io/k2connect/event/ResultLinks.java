package io.k2connect.event;

import org.jspecify.annotations.Nullable;

/**
 * The {@code attributes._links} of an asynchronous result.
 *
 * @param self {@code self}: the resource, i.e. the {@code Location} returned by the
 * create call
 * @param callbackUrl {@code callback_url}: where K2 delivered this result
 */
public record ResultLinks(@Nullable String self, @Nullable String callbackUrl) {

}
