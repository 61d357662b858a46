/**
 * Micrometer observations of the K2 client: one per K2 operation
 * ({@link K2ClientObservationDocumentation}), named and tagged by a replaceable
 * {@link K2ClientObservationConvention}. Without an {@code ObservationRegistry} given to
 * the client, nothing is observed.
 */
@NullMarked
package io.k2connect.observation;

import org.jspecify.annotations.NullMarked;
