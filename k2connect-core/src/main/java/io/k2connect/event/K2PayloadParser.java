package io.k2connect.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.k2connect.internal.JsonReaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.k2connect.K2PayloadException;

/**
 * Parses the body of a K2 webhook event or asynchronous result into a typed
 * {@link K2Payload}, classifying it as WEBHOOKS.md §5 describes:
 * <ol>
 * <li>a {@code TransactionType} key: a {@link DarajaEvent};</li>
 * <li>a {@code topic}: a {@link K2Event}, one record per topic;</li>
 * <li>a {@code data} object: a {@link K2Result}, one record per {@code data.type};</li>
 * <li>anything else, including unknown topics and types: an {@link UnknownPayload}.</li>
 * </ol>
 *
 * <p>Every field is optional: a missing key, a JSON {@code null} or a value of the wrong
 * JSON type gives {@code null}; amounts are read from strings or numbers, times with or
 * without fractional seconds, and an unreadable time is {@code null}. The only failure is a
 * body that is not a JSON object at all.
 *
 * <p>Parsing does not check the signature: use
 * {@code io.k2connect.webhook.K2ResultProcessor} for bodies received over HTTP.
 * Instances are stateless and thread-safe; one can serve a whole application.
 */
public final class K2PayloadParser {

	/**
	 * Deepest nesting accepted. K2's payloads are about six levels deep; a body nested far
	 * deeper is not from K2 and is refused before it costs stack or memory.
	 */
	static final int MAX_NESTING_DEPTH = 64;

	/**
	 * The parser's own mapper: stricter than the library's shared one (nesting depth,
	 * trailing tokens) and reading decimals exactly. Immutable, hence shareable.
	 */
	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.build())
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** A parser; cheap to create, but one shared instance is enough. */
	public K2PayloadParser() {
	}

	/**
	 * Parses a webhook event or result body.
	 * @param body the body as received (UTF-8 JSON)
	 * @return the typed payload; never {@code null}
	 * @throws K2PayloadException if the body is empty, not JSON, not a JSON object, or
	 * nested deeper than K2 ever nests
	 */
	public K2Payload parse(byte[] body) {
		Objects.requireNonNull(body, "body must not be null");
		JsonNode root = readTree(body);
		if (JsonReaders.has(root, "TransactionType")) {
			return EventMapping.daraja(root);
		}
		JsonNode topicNode = root.get("topic");
		if (topicNode != null) {
			String topic = topicNode.isString() ? topicNode.stringValue() : null;
			K2Event event = (topic != null) ? EventMapping.event(root, topic) : null;
			return (event != null) ? event : unknown(root, body, topic, null);
		}
		JsonNode data = root.get("data");
		if (data != null) {
			String type = JsonReaders.text(data, "type");
			K2Result result = (type != null && data.isObject()) ? ResultMapping.result(data, type) : null;
			return (result != null) ? result : unknown(root, body, null, type);
		}
		return unknown(root, body, null, null);
	}

	/**
	 * Parses a webhook event or result body given as text; see {@link #parse(byte[])}.
	 * Prefer the byte form for bodies received over HTTP, whose bytes were verified.
	 * @param json the body
	 * @return the typed payload; never {@code null}
	 * @throws K2PayloadException if the text is empty, not JSON or not a JSON object
	 */
	public K2Payload parse(String json) {
		Objects.requireNonNull(json, "json must not be null");
		return parse(json.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "K2PayloadParser";
	}

	private static JsonNode readTree(byte[] body) {
		if (isBlank(body)) {
			throw new K2PayloadException("K2 payload is empty");
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(body);
		}
		catch (StreamConstraintsException ex) {
			throw new K2PayloadException("K2 payload exceeds the parser's limits (nested deeper than "
					+ MAX_NESTING_DEPTH + " levels, or a number or string too long)", ex);
		}
		catch (JacksonException ex) {
			throw new K2PayloadException("K2 payload is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (RuntimeException ex) {
			// Anything else Jackson lets through (e.g. a number it cannot represent) is still a bad body.
			throw new K2PayloadException("K2 payload is not valid JSON", ex);
		}
		if (root == null || root.isMissingNode()) {
			throw new K2PayloadException("K2 payload is empty");
		}
		if (!root.isObject()) {
			throw new K2PayloadException("K2 payload is not a JSON object but " + describe(root));
		}
		return root;
	}

	private static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	private static String describe(JsonNode node) {
		if (node.isArray()) {
			return "an array";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		return node.isNull() ? "null" : "a " + node.getNodeType();
	}

	private static UnknownPayload unknown(JsonNode root, byte[] body, @Nullable String topic, @Nullable String type) {
		String id = JsonReaders.text(root, "id");
		if (id == null) {
			id = JsonReaders.text(JsonReaders.object(root, "data"), "id");
		}
		return new UnknownPayload(id, topic, type, new String(body, StandardCharsets.UTF_8));
	}

}
