package io.k2connect.model;

import java.util.Objects;

import io.k2connect.K2ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A Kenyan mobile number, kept in its international form {@code +2547XXXXXXXX} (or
 * {@code +2541XXXXXXXX}).
 *
 * <p>
 * {@link #parse(String)} accepts the forms people type: {@code 0712345678},
 * {@code 0112345678}, {@code 712345678}, {@code 254712345678} and {@code +254712345678},
 * with or without spaces and dashes. K2 wants {@link #e164()} ({@code +254…}) for STK
 * push, PAY and settlement accounts, and {@link #msisdn()} ({@code 254…}) for v2
 * send-money destinations.
 *
 * @param e164 the number as {@code +254} followed by nine digits starting with 7 or 1
 */
public record PhoneNumber(String e164) {

	/** What {@link #parse(String)} accepts, worded for error messages. */
	public static final String RULE = "must be a Kenyan mobile number such as 0712345678, 712345678, 254712345678 or +254712345678";

	public PhoneNumber {
		Objects.requireNonNull(e164, "e164 must not be null");
		if (!isCanonical(e164)) {
			throw new K2ValidationException("phone_number", RULE);
		}
	}

	/**
	 * Reads a Kenyan mobile number in any common form.
	 * @param value the number as typed
	 * @return the number
	 * @throws K2ValidationException naming {@code phone_number} when it is not a Kenyan
	 * mobile number
	 */
	public static PhoneNumber parse(String value) {
		PhoneNumber number = tryParse(value);
		if (number == null) {
			throw new K2ValidationException("phone_number", RULE);
		}
		return number;
	}

	/**
	 * Reads a Kenyan mobile number in any common form, or returns {@code null} when it is
	 * not one.
	 * @param value the number as typed, may be null
	 * @return the number, or {@code null}
	 */
	public static @Nullable PhoneNumber tryParse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String digits = value.replace(" ", "").replace("-", "");
		String national;
		if (digits.startsWith("+254")) {
			national = digits.substring(4);
		}
		else if (digits.startsWith("254") && digits.length() == 12) {
			national = digits.substring(3);
		}
		else if (digits.startsWith("0") && digits.length() == 10) {
			national = digits.substring(1);
		}
		else {
			national = digits;
		}
		String e164 = "+254" + national;
		return isCanonical(e164) ? new PhoneNumber(e164) : null;
	}

	/**
	 * The number without the plus sign, {@code 2547XXXXXXXX}, as v2 send money wants it.
	 */
	public String msisdn() {
		return this.e164.substring(1);
	}

	@Override
	public String toString() {
		return this.e164;
	}

	private static boolean isCanonical(String value) {
		if (value.length() != 13 || !value.startsWith("+254")) {
			return false;
		}
		char first = value.charAt(4);
		if (first != '7' && first != '1') {
			return false;
		}
		for (int i = 4; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}
