package io.k2connect.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of K2 operations; give one to
 * {@code K2Client.Builder.observationConvention} (or declare a bean of it with the Spring
 * Boot starter) to change them. {@link DefaultK2ClientObservationConvention} is the
 * default, and a good class to extend.
 */
public interface K2ClientObservationConvention extends ObservationConvention<K2ClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof K2ClientObservationContext;
	}

}
