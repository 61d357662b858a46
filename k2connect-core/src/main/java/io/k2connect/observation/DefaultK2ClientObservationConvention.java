package io.k2connect.observation;

import io.k2connect.observation.K2ClientObservationDocumentation.HighCardinalityKeys;
import io.k2connect.observation.K2ClientObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of K2 operations: observation
 * {@value K2ClientObservationDocumentation#NAME}, contextual name {@code k2 <operation>},
 * low-cardinality {@code k2.operation}, {@code k2.api.version}, {@code method},
 * {@code status}, {@code outcome} and {@code exception}, high-cardinality
 * {@code k2.resource.id}.
 */
public class DefaultK2ClientObservationConvention implements K2ClientObservationConvention {

	private static final KeyValue NO_EXCEPTION = LowCardinalityKeys.EXCEPTION.withValue("none");

	@Override
	public String getName() {
		return K2ClientObservationDocumentation.NAME;
	}

	@Override
	public String getContextualName(K2ClientObservationContext context) {
		return "k2 " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(K2ClientObservationContext context) {
		int status = context.getStatus();
		return KeyValues.of(LowCardinalityKeys.OPERATION.withValue(context.getOperation()),
				LowCardinalityKeys.API_VERSION.withValue(context.getApiVersion()),
				LowCardinalityKeys.METHOD.withValue(context.getMethod()),
				LowCardinalityKeys.STATUS.withValue((status > 0) ? Integer.toString(status) : "none"),
				LowCardinalityKeys.OUTCOME.withValue(outcome(status)), exception(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(K2ClientObservationContext context) {
		String resourceId = context.getResourceId();
		return (resourceId != null) ? KeyValues.of(HighCardinalityKeys.RESOURCE_ID.withValue(resourceId))
				: KeyValues.empty();
	}

	/** {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN}. */
	static String outcome(int status) {
		if (status >= 200 && status < 300) {
			return "SUCCESS";
		}
		if (status >= 400 && status < 500) {
			return "CLIENT_ERROR";
		}
		if (status >= 500 && status < 600) {
			return "SERVER_ERROR";
		}
		return "UNKNOWN";
	}

	private static KeyValue exception(K2ClientObservationContext context) {
		Throwable error = context.getError();
		// The class name only: a message may quote K2's answer.
		return (error != null) ? LowCardinalityKeys.EXCEPTION.withValue(error.getClass().getSimpleName())
				: NO_EXCEPTION;
	}

}
