package io.k2connect.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Defensive copies for record components, so that a record is a value even when a caller
 * builds it from its own mutable collections.
 */
final class Values {

	private Values() {
	}

	/**
	 * An unmodifiable copy (no copy when already a {@code List.copyOf} list), or
	 * {@code null}.
	 */
	static <T> @Nullable List<T> list(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : null;
	}

	/** An unmodifiable copy keeping order and {@code null} values, or {@code null}. */
	static @Nullable Map<String, @Nullable Object> map(@Nullable Map<String, @Nullable Object> map) {
		return (map != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(map)) : null;
	}

	/**
	 * Whether {@code actual} equals {@code expected}, ignoring case; {@code false} for
	 * {@code null}.
	 */
	static boolean is(@Nullable String actual, String expected) {
		return expected.equalsIgnoreCase(actual);
	}

}
