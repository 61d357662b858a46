/**
 * Micrometer observations of deliveries ({@link K2DeliveryObservationDocumentation}),
 * named and tagged by a replaceable {@link K2DeliveryObservationConvention}. Without an
 * {@code ObservationRegistry} in the application, nothing is observed.
 */
@NullMarked
package io.k2connect.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
