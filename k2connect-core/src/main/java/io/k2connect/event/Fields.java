package io.k2connect.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.k2connect.internal.K2Json;
import io.k2connect.internal.Numbers;
import io.k2connect.internal.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object as the parser read it: the fields of a {@link Shape}, or every field of
 * an object kept whole ({@link Shape#plain}). The static readers convert a field to what
 * a record needs and return {@code null} for a missing parent, a missing key, a JSON
 * {@code null} or a value of the wrong JSON type; they never throw, because K2's payloads
 * differ between versions and SDK fixtures, and a webhook must not be lost because one
 * field is odd.
 */
final class Fields {

	private final @Nullable Shape shape;

	private final @Nullable Object @Nullable [] values;

	private final @Nullable Map<String, @Nullable Object> all;

	/** Which slots were present in the body, even as {@code null}: slot i is bit i. */
	private long present;

	Fields(Shape shape) {
		if (shape.size() > Long.SIZE) {
			throw new IllegalArgumentException("A shape has at most " + Long.SIZE + " fields");
		}
		this.shape = shape;
		this.values = new Object[shape.size()];
		this.all = null;
	}

	private Fields(Map<String, @Nullable Object> all) {
		this.shape = null;
		this.values = null;
		this.all = all;
	}

	void set(int index, @Nullable Object value) {
		this.values[index] = value;
		this.present |= 1L << index;
	}

	/**
	 * Whether the object has {@code name} at all, even with a {@code null} or unreadable
	 * value.
	 */
	boolean has(String name) {
		return (this.all != null) ? this.all.containsKey(name) : (this.present & (1L << this.shape.index(name))) != 0;
	}

	private @Nullable Object get(String name) {
		return (this.all != null) ? this.all.get(name) : this.values[this.shape.index(name)];
	}

	private static @Nullable Object value(@Nullable Fields parent, String name) {
		return (parent != null) ? parent.get(name) : null;
	}

	/** A nested object, or {@code null} when the value is not an object. */
	static @Nullable Fields object(@Nullable Fields parent, String name) {
		return object(value(parent, name));
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Fields object(@Nullable Object value) {
		if (value instanceof Fields fields) {
			return fields;
		}
		// An object read whole (Shape.plain) is read by the same rules as one read by
		// shape.
		return (value instanceof Map<?, ?> map) ? new Fields((Map<String, @Nullable Object>) map) : null;
	}

	/**
	 * A JSON string only, or {@code null}: for values that classify, where a number is no
	 * name.
	 */
	static @Nullable String string(@Nullable Fields parent, String name) {
		return (value(parent, name) instanceof String text) ? text : null;
	}

	/**
	 * A string, or the text of a number or boolean (K2 sends e.g.
	 * {@code sender_phone_number} as a JSON number in payment-link callbacks); objects
	 * and arrays are {@code null}.
	 */
	static @Nullable String text(@Nullable Fields parent, String name) {
		return text(value(parent, name));
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof String text) {
			return text;
		}
		return (value instanceof Number || value instanceof Boolean) ? value.toString() : null;
	}

	/**
	 * An amount, exactly, from a JSON number or a numeric string ({@code "100.0"},
	 * {@code 780}, {@code " 1.0050E2 "}); anything else, {@code NaN} included, is
	 * {@code null}.
	 */
	static @Nullable BigDecimal decimal(@Nullable Fields parent, String name) {
		Object value = value(parent, name);
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Long number) {
			return BigDecimal.valueOf(number);
		}
		if (value instanceof BigInteger number) {
			return new BigDecimal(number);
		}
		return (value instanceof String text) ? Numbers.decimal(text) : null;
	}

	/** A JSON boolean, or the string {@code true} or {@code false} in any case. */
	static @Nullable Boolean bool(@Nullable Fields parent, String name) {
		Object value = value(parent, name);
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text) {
			String trimmed = text.strip();
			if (trimmed.equalsIgnoreCase("true")) {
				return Boolean.TRUE;
			}
			if (trimmed.equalsIgnoreCase("false")) {
				return Boolean.FALSE;
			}
		}
		return null;
	}

	/** A time from a JSON string, as {@link Timestamps#parse} reads it. */
	static @Nullable OffsetDateTime time(@Nullable Fields parent, String name) {
		return (value(parent, name) instanceof String text) ? Timestamps.parse(text) : null;
	}

	/**
	 * A JSON object as an unmodifiable map in document order: strings, {@code Boolean},
	 * {@code Long} (or {@code BigInteger}) for integers, {@code BigDecimal} for other
	 * numbers, {@code null}, nested maps and lists. Plain Java types keep Jackson out of
	 * the API. Only for fields declared {@link Shape#plain}.
	 */
	@SuppressWarnings("unchecked")
	static @Nullable Map<String, @Nullable Object> map(@Nullable Fields parent, String name) {
		Object value = value(parent, name);
		return (value instanceof Map<?, ?> map) ? (Map<String, @Nullable Object>) map : null;
	}

	/**
	 * The object elements of a list read whole ({@link Shape#plain}), as maps; other
	 * elements are skipped.
	 */
	@SuppressWarnings("unchecked")
	static @Nullable List<Map<String, @Nullable Object>> maps(@Nullable Fields parent, String name) {
		if (!(value(parent, name) instanceof List<?> elements)) {
			return null;
		}
		List<Map<String, @Nullable Object>> maps = new ArrayList<>(elements.size());
		for (Object element : elements) {
			if (element instanceof Map<?, ?> map) {
				maps.add((Map<String, @Nullable Object>) map);
			}
		}
		return Collections.unmodifiableList(maps);
	}

	/** The object elements of a list, each mapped; other elements are skipped. */
	static <T> @Nullable List<T> list(@Nullable Fields parent, String name, Function<Fields, T> mapper) {
		if (!(value(parent, name) instanceof List<?> elements)) {
			return null;
		}
		List<T> list = new ArrayList<>(elements.size());
		for (Object element : elements) {
			Fields fields = object(element);
			if (fields != null) {
				list.add(mapper.apply(fields));
			}
		}
		return Collections.unmodifiableList(list);
	}

	/**
	 * K2's {@code errors}: a string in most payloads, sometimes a list (of strings or
	 * objects) or an object. Lists are joined with {@code "; "}; objects become their
	 * JSON text; an empty list is {@code null}. Only for fields declared
	 * {@link Shape#plain}.
	 */
	static @Nullable String errors(@Nullable Fields parent, String name) {
		Object value = value(parent, name);
		if (value instanceof List<?> list) {
			StringBuilder joined = new StringBuilder();
			for (Object element : list) {
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
		return errorText(value);
	}

	private static @Nullable String errorText(@Nullable Object value) {
		if (value instanceof Map || value instanceof List) {
			return K2Json.mapper().writeValueAsString(value);
		}
		return text(value);
	}

}
