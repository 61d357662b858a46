package io.k2connect.internal;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** Numbers written as text in K2's answers ({@code "100.0"}): read one way everywhere. */
public final class Numbers {

	/**
	 * Longest numeric string parsed; longer strings are not amounts and could be slow to
	 * parse.
	 */
	private static final int MAX_NUMBER_TEXT = 1000;

	private Numbers() {
	}

	/**
	 * The exact decimal a text spells ({@code " 1.0050E2 "} included), or {@code null}
	 * when it is blank, longer than any amount, or not a number.
	 */
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

}
