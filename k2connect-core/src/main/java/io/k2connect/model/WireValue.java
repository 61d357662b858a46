package io.k2connect.model;

import org.jspecify.annotations.Nullable;

/**
 * A constant with the one spelling K2 uses for it on the wire, e.g.
 * {@code mobile_wallet}. Every enumeration of k2connect that travels in a request or a
 * response implements it, and each offers a {@code fromWireValue(String)} that reads K2's
 * spelling back leniently, through {@link #find}.
 */
public interface WireValue {

	/** The value as K2 writes it. */
	String wireValue();

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces (K2
	 * answers {@code "Company"} for {@code company} in some documents).
	 * @param <E> the enumeration
	 * @param constants the enumeration's constants, {@code E.values()}
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown: K2 may add values,
	 * and an unknown one must never fail a parse
	 */
	static <E extends Enum<E> & WireValue> @Nullable E find(E[] constants, @Nullable String wireValue) {
		if (wireValue == null) {
			return null;
		}
		String wanted = wireValue.strip();
		for (E constant : constants) {
			if (constant.wireValue().equalsIgnoreCase(wanted)) {
				return constant;
			}
		}
		return null;
	}

}
