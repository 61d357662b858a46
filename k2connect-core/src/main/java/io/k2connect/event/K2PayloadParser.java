package io.k2connect.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import io.k2connect.K2PayloadException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

import static io.k2connect.event.Fields.object;
import static io.k2connect.event.Fields.string;
import static io.k2connect.event.Fields.text;

/**
 * Parses the body of a K2 webhook event or asynchronous result into a typed
 * {@link K2Payload}, classifying it in this order:
 * <ol>
 * <li>a {@code TransactionType} key: a {@link DarajaEvent};</li>
 * <li>a {@code topic}: a {@link K2Event}, one record per topic;</li>
 * <li>a {@code data} object: a {@link K2Result}, one record per {@code data.type};</li>
 * <li>anything else, including unknown topics and types: an {@link UnknownPayload}.</li>
 * </ol>
 *
 * <p>
 * Every field is optional: a missing key, a JSON {@code null} or a value of the wrong
 * JSON type gives {@code null}; amounts are read exactly from strings or numbers, times
 * with or without fractional seconds, and an unreadable time is {@code null}. Unknown
 * fields are ignored. The only failure is a body that is not a single JSON object.
 *
 * <p>
 * The body is read once, as a token stream, straight into the fields the records need (no
 * tree is built, and fields no record reads are skipped undecoded), so parsing costs
 * about what tokenising the body costs.
 *
 * <p>
 * Parsing does not check the signature: use
 * {@code io.k2connect.webhook.K2ResultProcessor} for bodies received over HTTP. Instances
 * are stateless and thread-safe; one can serve a whole application.
 */
public final class K2PayloadParser {

	/**
	 * Deepest nesting accepted. K2's payloads are about six levels deep; a body nested
	 * far deeper is not from K2 and is refused before it costs stack or memory.
	 */
	static final int MAX_NESTING_DEPTH = 64;

	/**
	 * Immutable, hence shareable; the nesting limit also bounds the readers' recursion.
	 * Package-private for a test that checks its buffer pool.
	 */
	static final JsonFactory JSON = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
		.recyclerPool(new ParserBuffers())
		.build();

	/**
	 * The top level of any payload: an event's, a Daraja event's and a result's fields.
	 */
	private static final Shape ROOT = EventMapping.ROOT.object("data", ResultMapping.DATA);

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
		Fields root = read(body);
		if (root.has("TransactionType")) {
			return EventMapping.daraja(root);
		}
		if (root.has("topic")) {
			String topic = string(root, "topic");
			K2Event event = (topic != null) ? EventMapping.event(root, topic) : null;
			return (event != null) ? event : unknown(root, body, topic, null);
		}
		if (root.has("data")) {
			Fields data = object(root, "data");
			String type = text(data, "type");
			K2Result result = (type != null && data != null) ? ResultMapping.result(data, type) : null;
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

	private static Fields read(byte[] body) {
		if (isBlank(body)) {
			throw new K2PayloadException("K2 payload is empty");
		}
		Fields root = null;
		JsonToken first;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			first = parser.nextToken();
			if (first == JsonToken.START_OBJECT) {
				root = ROOT.read(parser);
			}
			else {
				// Still read to the end: a body that is not JSON at all is reported as
				// such.
				parser.skipChildren();
			}
			JsonToken trailing = parser.nextToken();
			if (first != null && trailing != null) {
				throw new K2PayloadException(
						"K2 payload is not valid JSON: trailing token " + trailing + " after the top-level value");
			}
		}
		catch (StreamConstraintsException ex) {
			throw new K2PayloadException("K2 payload exceeds the parser's limits (nested deeper than "
					+ MAX_NESTING_DEPTH + " levels, or a number or string too long)", ex);
		}
		catch (JacksonException ex) {
			throw new K2PayloadException("K2 payload is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (K2PayloadException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Anything else Jackson lets through (e.g. a number it cannot represent) is
			// still a bad body.
			throw new K2PayloadException("K2 payload is not valid JSON", ex);
		}
		if (first == null) {
			throw new K2PayloadException("K2 payload is empty");
		}
		if (root == null) {
			throw new K2PayloadException("K2 payload is not a JSON object but " + describe(first));
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

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> "a " + token;
		};
	}

	private static UnknownPayload unknown(Fields root, byte[] body, @Nullable String topic, @Nullable String type) {
		String id = text(root, "id");
		if (id == null) {
			id = text(object(root, "data"), "id");
		}
		return new UnknownPayload(id, topic, type, new String(body, StandardCharsets.UTF_8));
	}

}
