package io.k2connect.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The pieces that many K2 request bodies share, written the one way docs/k2-api.md
 * specifies.
 */
public final class JsonBodies {

	private JsonBodies() {
	}

	/** A new, empty JSON object. */
	public static ObjectNode object() {
		return K2Json.mapper().createObjectNode();
	}

	/**
	 * {@code "amount": {"currency": "KES", "value": 250}}: the value is a JSON number,
	 * always in plain notation ({@code 1E+3} is written {@code 1000}).
	 */
	public static ObjectNode amount(ObjectNode body, String currency, BigDecimal value) {
		body.putObject("amount").put("currency", currency).put("value", plain(value));
		return body;
	}

	/**
	 * A number field, e.g. {@code "amount": 1000} of the v2 bodies, always in plain
	 * notation.
	 */
	public static ObjectNode number(ObjectNode body, String field, BigDecimal value) {
		return body.put(field, plain(value));
	}

	/**
	 * The same number with a non-negative scale, so that Jackson never writes an
	 * exponent.
	 */
	private static BigDecimal plain(BigDecimal value) {
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

	/** {@code "metadata": {...}}, left out when there is none. */
	public static ObjectNode metadata(ObjectNode body, Map<String, Object> metadata) {
		if (!metadata.isEmpty()) {
			body.set("metadata", K2Json.mapper().valueToTree(metadata));
		}
		return body;
	}

	/** {@code "_links": {"callback_url": "..."}}. */
	public static ObjectNode callback(ObjectNode body, URI callbackUrl) {
		body.putObject("_links").put("callback_url", callbackUrl.toString());
		return body;
	}

	/** A text field, left out when null. */
	public static ObjectNode optional(ObjectNode body, String field, @Nullable String value) {
		if (value != null) {
			body.put(field, value);
		}
		return body;
	}

}
