package io.k2connect.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for JSON that K2 sent: a missing key, a null or a value of the wrong type
 * reads as {@code null}, never as an exception.
 */
public final class JsonReaders {

	private JsonReaders() {
	}

	/** Parses a body that should be a JSON object; {@code null} when it is empty, not JSON or not an object. */
	public static @Nullable JsonNode tryParseObject(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = K2Json.mapper().readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** A text or number field as text; {@code null} when missing or of another type. */
	public static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
			return null;
		}
		return value.asString();
	}

	/** A numeric field (or a numeric text) as a long; {@code null} when missing or not a number. */
	public static @Nullable Long longValue(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * A time given as ISO-8601 text (with or without fraction and offset; UTC when it has none)
	 * or as epoch seconds; {@code null} when missing or unreadable.
	 */
	public static java.time.@Nullable OffsetDateTime time(@Nullable JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return java.time.OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(value.longValue()),
					java.time.ZoneOffset.UTC);
		}
		if (!value.isString()) {
			return null;
		}
		String text = value.asString().strip();
		try {
			return java.time.OffsetDateTime.parse(text);
		}
		catch (java.time.format.DateTimeParseException ex) {
			try {
				return java.time.LocalDateTime.parse(text).atOffset(java.time.ZoneOffset.UTC);
			}
			catch (java.time.format.DateTimeParseException notLocal) {
				Long epoch = longValue(node, field);
				return (epoch != null) ? java.time.OffsetDateTime
					.ofInstant(java.time.Instant.ofEpochSecond(epoch), java.time.ZoneOffset.UTC) : null;
			}
		}
	}

}
