package io.k2connect.model;

import org.jspecify.annotations.Nullable;

/**
 * Whose transactions a webhook subscription ({@code POST /api/{v1|v2}/webhook_subscriptions}) or a
 * polling request ({@code POST /api/{v1|v2}/polling}) covers: one till, or the whole company
 * (API.md §3 and §7).
 */
public enum Scope {

	/** One till, named by its number in {@code scope_reference}. */
	TILL("till"),

	/** Every till of the company; no {@code scope_reference}. */
	COMPANY("company");

	private final String wireValue;

	Scope(String wireValue) {
		this.wireValue = wireValue;
	}

	/** The value K2 expects in {@code scope}: {@code till} or {@code company}. */
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The scope with the given wire name, ignoring case (K2 answers {@code "Company"} in some
	 * status documents).
	 * @param wireValue the wire name, may be null
	 * @return the scope, or {@code null} when the name is unknown
	 */
	public static @Nullable Scope fromWireValue(@Nullable String wireValue) {
		for (Scope scope : values()) {
			if (scope.wireValue.equalsIgnoreCase((wireValue != null) ? wireValue.strip() : null)) {
				return scope;
			}
		}
		return null;
	}


}
