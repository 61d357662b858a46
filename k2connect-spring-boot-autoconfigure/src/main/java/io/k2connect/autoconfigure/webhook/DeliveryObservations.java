package io.k2connect.autoconfigure.webhook;

import java.util.Objects;
import java.util.function.Supplier;

import io.k2connect.autoconfigure.observation.DefaultK2DeliveryObservationConvention;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationConvention;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationDocumentation;
import io.k2connect.event.DarajaEvent;
import io.k2connect.event.K2Event;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2Result;
import io.k2connect.event.UnknownPayload;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes deliveries where they are handled (the endpoint, the inbox, the recovery, the
 * reconciliation): one observation each, named and tagged by the convention.
 */
final class DeliveryObservations {

	static final DeliveryObservations NONE = new DeliveryObservations(ObservationRegistry.NOOP, null);

	private static final DefaultK2DeliveryObservationConvention DEFAULT_CONVENTION = new DefaultK2DeliveryObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable K2DeliveryObservationConvention convention;

	private DeliveryObservations(ObservationRegistry registry, @Nullable K2DeliveryObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	static DeliveryObservations of(@Nullable ObservationRegistry registry,
			@Nullable K2DeliveryObservationConvention convention) {
		return (registry != null && !registry.isNoop()) ? new DeliveryObservations(registry, convention) : NONE;
	}

	/** Runs the handling of one delivery in an observation of it. */
	<T> T observe(K2DeliveryObservationContext context, Supplier<T> work) {
		if (this == NONE) {
			return work.get();
		}
		Observation observation = K2DeliveryObservationDocumentation.DELIVERY.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		return observation.observe(work);
	}

	/** Records one delivery that needed no work of its own, e.g. a request given up. */
	void record(K2DeliveryObservationContext context) {
		observe(context, () -> null);
	}

	/** What a payload is, for {@code k2.delivery.type}: a bounded set of K2's names. */
	static String typeOf(K2Payload payload) {
		Objects.requireNonNull(payload, "payload must not be null");
		String type = null;
		if (payload instanceof K2Event event) {
			type = event.topic();
		}
		else if (payload instanceof K2Result result) {
			type = result.type();
		}
		else if (payload instanceof DarajaEvent) {
			type = "daraja";
		}
		else if (payload instanceof UnknownPayload unknown) {
			type = (unknown.topic() != null) ? unknown.topic() : unknown.type();
		}
		// K2 signed it, but a tag must stay short and plain.
		return (type != null && isPlainName(type)) ? type : "unknown";
	}

	/**
	 * {@code [A-Za-z0-9_.-]{1,64}}, checked by hand: this runs for every delivery, and a
	 * regular expression would be compiled each time.
	 */
	private static boolean isPlainName(String name) {
		int length = name.length();
		if (length == 0 || length > 64) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = name.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '.' || c == '-';
			if (!plain) {
				return false;
			}
		}
		return true;
	}

}
