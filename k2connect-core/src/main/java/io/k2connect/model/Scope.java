package io.k2connect.model;

import org.jspecify.annotations.Nullable;

/**
 * Whose transactions a webhook subscription ({@code POST
 * /api/{v1|v2}/webhook_subscriptions}) or a polling request ({@code POST
 * /api/{v1|v2}/polling}) covers: one till, or the whole company (docs/k2-api.md §3 and
 * §7).
 */
public enum Scope implements WireValue {

	/** One till, named by its number in {@code scope_reference}. */
	TILL("till"),

	/** Every till of the company; no {@code scope_reference}. */
	COMPANY("company");

	private final String wireValue;

	Scope(String wireValue) {
		this.wireValue = wireValue;
	}

	/** The value K2 expects in {@code scope}: {@code till} or {@code company}. */
	@Override
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces.
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown
	 */
	public static @Nullable Scope fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
