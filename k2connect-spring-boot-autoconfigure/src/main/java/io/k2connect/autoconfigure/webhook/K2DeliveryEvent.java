package io.k2connect.autoconfigure.webhook;

import io.k2connect.event.K2Payload;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/**
 * The application event k2connect publishes for each delivery: listeners of the payload's
 * type ({@code @EventListener void on(IncomingPaymentResult result)}) get the payload, as
 * for any {@code publishEvent(payload)}; a listener that wants to know more declares this
 * type instead, e.g. {@code @EventListener void on(K2DeliveryEvent<IncomingPaymentResult>
 * delivery)}, and learns whether the delivery was {@linkplain #isRecovered() recovered}
 * rather than posted by K2.
 *
 * <p>
 * Its type is built once per payload class: Spring's own event type is built for every
 * event and then hashed by the multicaster, a noticeable part of a webhook's cost under
 * load.
 *
 * @param <T> the payload's type
 */
public final class K2DeliveryEvent<T extends K2Payload> extends PayloadApplicationEvent<T> {

	private static final long serialVersionUID = 1L;

	private static final ClassValue<ResolvableType> TYPES = new ClassValue<>() {

		@Override
		protected ResolvableType computeValue(Class<?> payloadClass) {
			return ResolvableType.forClassWithGenerics(K2DeliveryEvent.class, payloadClass);
		}

	};

	private final boolean recovered;

	K2DeliveryEvent(Object source, T payload, boolean recovered) {
		super(source, payload);
		this.recovered = recovered;
	}

	/**
	 * Whether k2connect fetched this delivery rather than K2 posting it: a result read
	 * from its request's location because its callback did not come in time
	 * ({@code k2.recovery.*}), or a till payment replayed by polling because its webhook
	 * did not come ({@code k2.reconciliation.*}). A callback or webhook that arrives
	 * later is recognised as a repeat and not published again.
	 * @return whether it was recovered
	 */
	public boolean isRecovered() {
		return this.recovered;
	}

	@Override
	public ResolvableType getResolvableType() {
		return TYPES.get(getPayload().getClass());
	}

}
