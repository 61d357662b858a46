package io.k2connect.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.k2connect.K2ValidationException;
import io.k2connect.K2ValidationException.FieldError;
import io.k2connect.model.Amounts;
import io.k2connect.model.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Collects every broken rule of one request so that a single
 * {@link K2ValidationException} names them all. Field names are the wire names (e.g.
 * {@code subscriber.phone_number}), which is what K2's own error messages and the API
 * docs use.
 *
 * <p>
 * Each check returns the value to keep (normalised where the rule says so), so a record's
 * compact constructor reads {@code phone = v.phone("phone_number", phone);}.
 */
public final class Validator {

	/** K2 documents at most five metadata entries. */
	public static final int MAX_METADATA_ENTRIES = 5;

	/** The only currency K2 supports. */
	public static final String KES = "KES";

	/** Digits before the decimal point of {@link Amounts#MAX}. */
	private static final long MAX_INTEGER_DIGITS = Amounts.MAX.precision() - Amounts.MAX.scale();

	private final List<FieldError> errors = new ArrayList<>();

	/** Records a broken rule when {@code valid} is false. */
	public Validator check(boolean valid, String field, String rule) {
		if (!valid) {
			this.errors.add(new FieldError(field, rule));
		}
		return this;
	}

	/** Requires a non-null value. */
	public <T> @Nullable T required(String field, @Nullable T value) {
		check(value != null, field, "is required");
		return value;
	}

	/** Requires a non-blank text; returns it stripped of surrounding whitespace. */
	public @Nullable String requiredText(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			this.errors.add(new FieldError(field, "must not be blank"));
			return value;
		}
		return value.strip();
	}

	/** An optional text: blank becomes {@code null}, anything else is stripped. */
	public @Nullable String optionalText(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** Requires a Kenyan mobile number and returns it as {@code +254…}. */
	public @Nullable String phone(String field, @Nullable String value) {
		PhoneNumber number = phoneNumber(field, value);
		return (number != null) ? number.e164() : value;
	}

	/**
	 * Requires a Kenyan mobile number and returns it as {@code 254…}, without the plus
	 * sign, as v2 send-money destinations take it.
	 */
	public @Nullable String msisdn(String field, @Nullable String value) {
		PhoneNumber number = phoneNumber(field, value);
		return (number != null) ? number.msisdn() : value;
	}

	private @Nullable PhoneNumber phoneNumber(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			this.errors.add(new FieldError(field, "must not be blank"));
			return null;
		}
		PhoneNumber number = PhoneNumber.tryParse(value);
		if (number == null) {
			this.errors.add(new FieldError(field, PhoneNumber.RULE));
		}
		return number;
	}

	/**
	 * Builds a part of the request that checks itself, e.g. one entry of a list, and
	 * records its broken rules under the part's wire name: {@code phone_number} of the
	 * second destination becomes {@code destinations[1].phone_number}.
	 * @param prefix the part's wire name, e.g. {@code destinations[1]}, or {@code null}
	 * to keep the part's own names
	 * @param part builds the part, throwing a {@link K2ValidationException} when it is
	 * invalid
	 * @return the part, or {@code null} when it is invalid
	 */
	public <T> @Nullable T nested(@Nullable String prefix, Supplier<T> part) {
		try {
			return part.get();
		}
		catch (K2ValidationException ex) {
			ex.errors()
				.forEach((error) -> this.errors.add(
						new FieldError((prefix != null) ? prefix + "." + error.field() : error.field(), error.rule())));
			return null;
		}
	}

	/** Whether a rule is broken so far. */
	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	/**
	 * Requires an amount within {@link Amounts}: positive, at most {@link Amounts#MAX},
	 * with at most two decimals and {@link Amounts#MAX_PRECISION} digits.
	 */
	public @Nullable BigDecimal amount(String field, @Nullable BigDecimal value) {
		if (value == null) {
			this.errors.add(new FieldError(field, "is required"));
			return null;
		}
		check(value.signum() > 0, field, "must be greater than 0");
		// Only precision() and scale() until the value is known to be small: arithmetic
		// on 1E+300000000 (stripTrailingZeros, setScale, writing it out) would not
		// finish.
		int precision = value.precision();
		if (precision > Amounts.MAX_PRECISION) {
			this.errors.add(new FieldError(field, "must be written with at most " + Amounts.MAX_PRECISION + " digits"));
			return value;
		}
		long integerDigits = (long) precision - value.scale();
		check(value.signum() <= 0 || (integerDigits <= MAX_INTEGER_DIGITS && value.compareTo(Amounts.MAX) <= 0), field,
				"must be at most " + Amounts.MAX.toPlainString());
		// Stripping trailing zeros removes at most precision - 1 places: a larger scale
		// has too many decimals.
		check((long) value.scale() - (precision - 1) <= Amounts.MAX_DECIMALS
				&& value.stripTrailingZeros().scale() <= Amounts.MAX_DECIMALS, field,
				"must have at most " + Amounts.MAX_DECIMALS + " decimal places");
		return value;
	}

	/** Defaults the currency to KES and rejects anything else. */
	public String currency(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return KES;
		}
		check(KES.equals(value.strip()), field, "must be KES (the only currency K2 supports)");
		return value.strip();
	}

	/**
	 * At most five entries with non-blank keys and string, number or boolean values;
	 * returns an unmodifiable copy keeping the order.
	 */
	public Map<String, Object> metadata(String field, @Nullable Map<String, ?> value) {
		if (value == null || value.isEmpty()) {
			return Map.of();
		}
		check(value.size() <= MAX_METADATA_ENTRIES, field, "must have at most " + MAX_METADATA_ENTRIES + " entries");
		Map<String, Object> copy = new LinkedHashMap<>();
		value.forEach((key, entry) -> {
			if (key == null || key.isBlank()) {
				this.errors.add(new FieldError(field, "keys must not be blank"));
			}
			else if (!(entry instanceof String || entry instanceof Number || entry instanceof Boolean)) {
				// K2 echoes metadata back as flat JSON values; anything else has no
				// defined wire form.
				this.errors.add(new FieldError(field + "." + key, "must be a string, number or boolean"));
			}
			else {
				copy.put(key, entry);
			}
		});
		return java.util.Collections.unmodifiableMap(copy);
	}

	/** Requires an absolute https URL (http only for loopback hosts). */
	public @Nullable URI callbackUrl(String field, @Nullable URI value) {
		if (value == null) {
			this.errors.add(new FieldError(field, "is required"));
			return null;
		}
		check(Urls.isSecure(value), field, Urls.SECURE_RULE);
		return value;
	}

	/** Requires one of the allowed values (compared exactly). */
	public @Nullable String oneOf(String field, @Nullable String value, Collection<String> allowed) {
		if (value == null || value.isBlank()) {
			this.errors.add(new FieldError(field, "must not be blank"));
			return value;
		}
		check(allowed.contains(value), field, "must be one of " + allowed);
		return value;
	}

	/** Throws one exception naming every broken rule, if there is any. */
	public void throwIfInvalid() {
		if (!this.errors.isEmpty()) {
			throw new K2ValidationException(this.errors);
		}
	}

	/** Widens a caller's metadata map to the type the request records keep. */
	@SuppressWarnings("unchecked")
	public static @Nullable Map<String, Object> widen(@Nullable Map<String, ?> metadata) {
		return (Map<String, Object>) metadata;
	}

}
