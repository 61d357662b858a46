package io.k2connect.pay;

import io.k2connect.model.WireValue;
import org.jspecify.annotations.Nullable;

/**
 * What an outgoing payment is for: the optional {@code category} of
 * {@code POST /api/v1/payments} (docs/k2-api.md §5.2). K2 documents exactly these fifteen
 * values.
 */
public enum PayCategory implements WireValue {

	/** {@code advertising_and_marketing}. */
	ADVERTISING_AND_MARKETING("advertising_and_marketing"),

	/** {@code education_and_training}. */
	EDUCATION_AND_TRAINING("education_and_training"),

	/** {@code general}. */
	GENERAL("general"),

	/** {@code insurance}. */
	INSURANCE("insurance"),

	/** {@code legal_and_professional}. */
	LEGAL_AND_PROFESSIONAL("legal_and_professional"),

	/** {@code maintenance_and_repairs}. */
	MAINTENANCE_AND_REPAIRS("maintenance_and_repairs"),

	/** {@code loans}. */
	LOANS("loans"),

	/** {@code office_supplies}. */
	OFFICE_SUPPLIES("office_supplies"),

	/** {@code permits_licences_subscriptions}. */
	PERMITS_LICENCES_SUBSCRIPTIONS("permits_licences_subscriptions"),

	/** {@code postage_and_shipping}. */
	POSTAGE_AND_SHIPPING("postage_and_shipping"),

	/** {@code rent_or_mortgage}. */
	RENT_OR_MORTGAGE("rent_or_mortgage"),

	/** {@code sales_commissions}. */
	SALES_COMMISSIONS("sales_commissions"),

	/** {@code travel}. */
	TRAVEL("travel"),

	/** {@code utilities}. */
	UTILITIES("utilities"),

	/** {@code salaries}. */
	SALARIES("salaries");

	private final String wireValue;

	PayCategory(String wireValue) {
		this.wireValue = wireValue;
	}

	/** The value K2 expects on the wire, e.g. {@code salaries}. */
	@Override
	public String wireValue() {
		return this.wireValue;
	}

	/**
	 * The constant with the given wire value, ignoring case and surrounding spaces.
	 * @param wireValue the value as K2 writes it, may be null
	 * @return the constant, or {@code null} when the value is unknown
	 */
	public static @Nullable PayCategory fromWireValue(@Nullable String wireValue) {
		return WireValue.find(values(), wireValue);
	}

}
