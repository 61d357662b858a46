package io.k2connect.autoconfigure.observation;

import io.k2connect.autoconfigure.observation.K2DeliveryObservationDocumentation.HighCardinalityKeys;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of deliveries: observation
 * {@value K2DeliveryObservationDocumentation#NAME}, contextual name
 * {@code k2 delivery <stage>}, low-cardinality {@code k2.stage}, {@code k2.processing},
 * {@code k2.delivery.type}, {@code outcome} and {@code exception}, high-cardinality
 * {@code k2.delivery.key}.
 */
public class DefaultK2DeliveryObservationConvention implements K2DeliveryObservationConvention {

	private static final KeyValue NO_EXCEPTION = LowCardinalityKeys.EXCEPTION.withValue("none");

	@Override
	public String getName() {
		return K2DeliveryObservationDocumentation.NAME;
	}

	@Override
	public String getContextualName(K2DeliveryObservationContext context) {
		return "k2 delivery " + context.getStage();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(K2DeliveryObservationContext context) {
		Throwable error = context.getError();
		return KeyValues.of(LowCardinalityKeys.STAGE.withValue(context.getStage()),
				LowCardinalityKeys.PROCESSING.withValue(context.getProcessing()),
				LowCardinalityKeys.TYPE.withValue(context.getType()),
				LowCardinalityKeys.OUTCOME.withValue(context.getOutcome()),
				// The class name only: a listener's message may quote the payload.
				(error != null) ? LowCardinalityKeys.EXCEPTION.withValue(error.getClass().getSimpleName())
						: NO_EXCEPTION);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(K2DeliveryObservationContext context) {
		String key = context.getDeliveryKey();
		return (key != null) ? KeyValues.of(HighCardinalityKeys.DELIVERY_KEY.withValue(key)) : KeyValues.empty();
	}

}
