package io.k2connect.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of deliveries; declare a bean of it to change them.
 * {@link DefaultK2DeliveryObservationConvention} is the default, and a good class to
 * extend.
 */
public interface K2DeliveryObservationConvention extends ObservationConvention<K2DeliveryObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof K2DeliveryObservationContext;
	}

}
