package io.k2connect;

import java.util.Arrays;
import java.util.Objects;

import io.k2connect.event.K2Payload;

/**
 * A resource's status document as K2 sent it: the raw body and what it parses to (a
 * {@link io.k2connect.event.K2Result} for every request that has a callback, the same
 * record its callback carries).
 *
 * @param body the body's bytes
 * @param payload the parsed body
 */
public record StatusDocument(byte[] body, K2Payload payload) {

	public StatusDocument {
		Objects.requireNonNull(body, "body must not be null");
		Objects.requireNonNull(payload, "payload must not be null");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StatusDocument that && Arrays.equals(this.body, that.body)
				&& this.payload.equals(that.payload);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.body);
	}

	@Override
	public String toString() {
		// Never the payload: it is payment data.
		return "StatusDocument[" + this.body.length + " bytes, " + this.payload.getClass().getSimpleName() + "]";
	}

}
