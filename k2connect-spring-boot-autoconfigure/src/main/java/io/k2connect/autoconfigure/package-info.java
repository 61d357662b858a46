/**
 * Spring Boot auto-configuration for k2connect: {@code k2.*} properties, the K2 client and
 * service beans, and the {@code @K2Webhook} endpoint that publishes typed events.
 */
@NullMarked
package io.k2connect.autoconfigure;

import org.jspecify.annotations.NullMarked;
