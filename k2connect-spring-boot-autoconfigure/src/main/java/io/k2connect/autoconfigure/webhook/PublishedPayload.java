package io.k2connect.autoconfigure.webhook;

import io.k2connect.event.K2Payload;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

/**
 * The event {@code publishEvent(payload)} would publish (a
 * {@link PayloadApplicationEvent} whose source is the publisher, listeners of the
 * payload's type get the payload), but with its type built once per payload class:
 * Spring's own builds it for every event and the multicaster then hashes it to find the
 * listeners, a noticeable part of a webhook's cost under load.
 *
 * @param <T> the payload's type
 */
final class PublishedPayload<T extends K2Payload> extends PayloadApplicationEvent<T> {

	private static final long serialVersionUID = 1L;

	private static final ClassValue<ResolvableType> TYPES = new ClassValue<>() {

		@Override
		protected ResolvableType computeValue(Class<?> payloadClass) {
			return ResolvableType.forClassWithGenerics(PublishedPayload.class, payloadClass);
		}

	};

	PublishedPayload(Object source, T payload) {
		super(source, payload);
	}

	@Override
	public ResolvableType getResolvableType() {
		return TYPES.get(getPayload().getClass());
	}

}
