package io.k2connect.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers from a Jackson tree. Each takes a possibly-null parent and a field name
 * and returns {@code null} for a missing key, a JSON {@code null} or a value of the wrong
 * JSON type, and never throws: K2's payloads differ between versions and SDK fixtures, and
 * a webhook must not be lost because one field is odd.
 */
public final class JsonReaders {

	/** Longest numeric string parsed; longer strings are not amounts and could be slow to parse. */
	private static final int MAX_NUMBER_TEXT = 1000;

	/** Fallback for times the fast path does not handle (e.g. {@code +0300}, seconds in the offset). */
	private static final DateTimeFormatter LENIENT_OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
		.parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM:ss", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT);

	private JsonReaders() {
	}

	/** The child {@code field} of an object node, or {@code null}. */
	public static @Nullable JsonNode child(@Nullable JsonNode parent, String field) {
		if (parent == null || !parent.isObject()) {
			return null;
		}
		return parent.get(field);
	}

	/** The child {@code field} if it is an object, else {@code null}. */
	public static @Nullable JsonNode object(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		return (node != null && node.isObject()) ? node : null;
	}

	/** Whether an object node has {@code field} at all (even with a null value). */
	public static boolean has(@Nullable JsonNode parent, String field) {
		return child(parent, field) != null;
	}

	public static @Nullable String text(@Nullable JsonNode parent, String field) {
		return text(child(parent, field));
	}

	/**
	 * A string, or the text of a number or boolean (K2 sends e.g. {@code sender_phone_number}
	 * as a JSON number in payment-link callbacks); objects and arrays are {@code null}.
	 */
	public static @Nullable String text(@Nullable JsonNode node) {
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

	public static @Nullable BigDecimal decimal(@Nullable JsonNode parent, String field) {
		return decimal(child(parent, field));
	}

	/** An amount from a JSON number or a numeric string ({@code "100.0"}, {@code 780}). */
	public static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		try {
			if (node.isNumber()) {
				return node.decimalValue();
			}
			if (node.isString()) {
				return decimal(node.stringValue());
			}
		}
		catch (RuntimeException ex) {
			// NaN, infinities or any other number that is no amount.
		}
		return null;
	}

	public static @Nullable BigDecimal decimal(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (value.isEmpty() || value.length() > MAX_NUMBER_TEXT) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public static @Nullable Boolean bool(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		if (node == null) {
			return null;
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			String value = node.stringValue().strip();
			if (value.equalsIgnoreCase("true")) {
				return Boolean.TRUE;
			}
			if (value.equalsIgnoreCase("false")) {
				return Boolean.FALSE;
			}
		}
		return null;
	}

	public static @Nullable OffsetDateTime time(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		return (node != null && node.isString()) ? time(node.stringValue()) : null;
	}

	/**
	 * An ISO-8601 date-time with an offset, with or without fractional seconds
	 * ({@code 2020-10-22T10:43:19+03:00}, {@code 2021-01-27T10:57:58.623+03:00}, {@code ...Z}).
	 * The common shapes are parsed by hand because {@code DateTimeFormatter} costs more than
	 * the rest of a webhook's mapping together; anything else (e.g. {@code +0300}) goes
	 * through a strict formatter, and whatever that cannot read is {@code null}.
	 */
	public static @Nullable OffsetDateTime time(@Nullable String text) {
		if (text == null) {
			return null;
		}
		OffsetDateTime fast = fastTime(text);
		if (fast != null) {
			return fast;
		}
		if (text.length() > 64) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip(), LENIENT_OFFSET_DATE_TIME);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static @Nullable OffsetDateTime fastTime(String s) {
		int n = s.length();
		if (n < 20 || n > 40 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
				|| s.charAt(13) != ':' || s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int i = 19;
		int nano = 0;
		if (s.charAt(i) == '.') {
			int start = ++i;
			while (i < n && isDigit(s.charAt(i))) {
				if (i - start < 9) {
					nano = nano * 10 + (s.charAt(i) - '0');
				}
				i++;
			}
			int count = i - start;
			if (count == 0) {
				return null;
			}
			for (int k = count; k < 9; k++) {
				nano *= 10;
			}
		}
		ZoneOffset offset;
		if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
			offset = ZoneOffset.UTC;
		}
		else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
			int hours = digits(s, i + 1, 2);
			int minutes = digits(s, i + 4, 2);
			if ((hours | minutes) < 0) {
				return null;
			}
			int sign = (s.charAt(i) == '-') ? -1 : 1;
			try {
				offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		else {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	public static @Nullable Map<String, @Nullable Object> map(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		return (node != null && node.isObject()) ? toMap(node) : null;
	}

	/**
	 * A JSON object as an unmodifiable map in document order: strings, {@code Boolean},
	 * {@code Long} (or {@code BigInteger}) for integers, {@code BigDecimal} for other numbers,
	 * {@code null}, nested maps and lists. Plain Java types keep Jackson out of the API.
	 */
	public static Map<String, @Nullable Object> toMap(JsonNode object) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			map.put(property.getKey(), plain(property.getValue()));
		}
		return Collections.unmodifiableMap(map);
	}

	private static @Nullable Object plain(JsonNode node) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isObject()) {
			return toMap(node);
		}
		if (node.isArray()) {
			List<@Nullable Object> list = new ArrayList<>(node.size());
			for (JsonNode element : node) {
				list.add(plain(element));
			}
			return Collections.unmodifiableList(list);
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isNumber()) {
			try {
				if (node.isInt() || node.isLong() || node.isShort()) {
					return node.longValue();
				}
				if (node.isBigInteger()) {
					return node.bigIntegerValue();
				}
				return node.decimalValue();
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

	/** The object elements of an array, each mapped; other elements are skipped. */
	public static <T> @Nullable List<T> list(@Nullable JsonNode parent, String field, Function<JsonNode, T> mapper) {
		JsonNode node = child(parent, field);
		if (node == null || !node.isArray()) {
			return null;
		}
		List<T> list = new ArrayList<>(node.size());
		for (JsonNode element : node) {
			if (element.isObject()) {
				list.add(mapper.apply(element));
			}
		}
		return Collections.unmodifiableList(list);
	}

	/**
	 * K2's {@code errors}: a string in most payloads, sometimes a list (of strings or
	 * objects) or an object. Lists are joined with {@code "; "}; objects become their JSON
	 * text; an empty list is {@code null}.
	 */
	public static @Nullable String errors(@Nullable JsonNode parent, String field) {
		JsonNode node = child(parent, field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isArray()) {
			StringBuilder joined = new StringBuilder();
			for (JsonNode element : node) {
				String text = errorText(element);
				if (text != null && !text.isEmpty()) {
					if (joined.length() > 0) {
						joined.append("; ");
					}
					joined.append(text);
				}
			}
			return (joined.length() > 0) ? joined.toString() : null;
		}
		return errorText(node);
	}

	private static @Nullable String errorText(JsonNode node) {
		if (node.isObject() || node.isArray()) {
			return node.toString();
		}
		return text(node);
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

	/** A whole number, from a JSON integer or a numeric string; {@code null} otherwise. */
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
	 * A time given either as epoch seconds (a JSON integer or numeric string, as the OAuth
	 * endpoints send {@code created_at}) or as ISO-8601 text; {@code null} otherwise.
	 */
	public static @Nullable OffsetDateTime timeOrEpochSeconds(@Nullable JsonNode parent, String field) {
		Long epochSeconds = longValue(parent, field);
		if (epochSeconds != null) {
			try {
				return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		return time(parent, field);
	}

}
