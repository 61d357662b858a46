package io.k2connect.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers of the small JSON documents K2 answers calls with (OAuth tokens, error
 * bodies). Each takes a possibly-null parent and a field name and returns {@code null}
 * for a missing key, a JSON {@code null} or a value of the wrong JSON type, and never
 * throws: an odd field must not hide the answer. Webhook and result bodies are read by
 * {@code io.k2connect.event.K2PayloadParser} instead, straight from the bytes.
 */
public final class JsonReaders {

	private JsonReaders() {
	}

	/** The child {@code field} of an object node, or {@code null}. */
	public static @Nullable JsonNode child(@Nullable JsonNode parent, String field) {
		if (parent == null || !parent.isObject()) {
			return null;
		}
		return parent.get(field);
	}

	/**
	 * A string, or the text of a number or boolean; objects and arrays are {@code null}.
	 * @param parent the object, or {@code null}
	 * @param field the field's name
	 * @return the text, or {@code null}
	 */
	public static @Nullable String text(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		return null;
	}

	/**
	 * Parses a body that should be a JSON object; {@code null} when it is empty, not JSON
	 * or not an object.
	 */
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

	/**
	 * An exact decimal from a JSON number or a numeric string; {@code null} otherwise
	 * (NaN included).
	 */
	public static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (node.isString()) {
			return Numbers.decimal(node.stringValue());
		}
		try {
			return node.isNumber() ? node.decimalValue() : null;
		}
		catch (RuntimeException ex) {
			return null; // NaN, infinities: no amount
		}
	}

	/**
	 * A whole number, from a JSON integer or a numeric string; {@code null} otherwise.
	 */
	public static @Nullable Long longValue(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		if (node == null) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * A time given either as epoch seconds (a JSON integer or numeric string, as the
	 * OAuth endpoints send {@code created_at}) or as ISO-8601 text; {@code null}
	 * otherwise.
	 */
	public static @Nullable OffsetDateTime timeOrEpochSeconds(@Nullable JsonNode parent, String field) {
		Long epochSeconds = longValue(parent, field);
		if (epochSeconds != null) {
			return Timestamps.ofEpochSeconds(epochSeconds);
		}
		JsonNode node = child(parent, field);
		return (node != null && node.isString()) ? Timestamps.parse(node.stringValue()) : null;
	}

}
