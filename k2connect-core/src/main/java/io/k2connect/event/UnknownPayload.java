package io.k2connect.event;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A JSON object from K2 that this version of the SDK does not model: a webhook with an
 * unknown {@code topic}, a result with an unknown {@code data.type} (e.g. the status
 * documents {@code pay_recipient} or {@code merchant_bank_account}), or an object with
 * neither. Never an error, so that K2 can add event types without breaking receivers; the
 * body is kept as sent.
 *
 * @param id {@code id}, or {@code data.id} of a result, if present as a string
 * @param topic {@code topic}, if present as a string
 * @param type {@code data.type}, if present as a string
 * @param rawJson the body exactly as received, decoded as UTF-8
 */
public record UnknownPayload(@Nullable String id, @Nullable String topic, @Nullable String type,
		String rawJson) implements K2Payload {

	/** Checks that the raw JSON is there. */
	public UnknownPayload {
		Objects.requireNonNull(rawJson, "rawJson must not be null");
	}

}
