/**
 * Actuator support: the {@code k2} health indicator and the masking of K2's secrets in
 * the {@code env} and {@code configprops} endpoints.
 */
@NullMarked
package io.k2connect.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
