/**
 * k2connect: the Java SDK for the Kopo Kopo (K2) payments API. Start at
 * {@link io.k2connect.K2Client#builder()}.
 */
@NullMarked
package io.k2connect;

import org.jspecify.annotations.NullMarked;
