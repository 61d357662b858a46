/**
 * Spring Boot auto-configuration for k2connect: the {@code k2.*} properties, the K2
 * client and its service beans, and where the credentials come from
 * ({@link K2ConnectionDetails}). The webhook endpoint, the embedded simulator and the
 * Actuator support have packages of their own.
 */
@NullMarked
package io.k2connect.autoconfigure;

import org.jspecify.annotations.NullMarked;
