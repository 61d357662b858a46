package io.k2connect.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Collects what is wrong with a request body and words it as K2 does
 * ({@code "Subscriber phone number is an invalid number"}, docs/k2-api.md §4): a human
 * label for the field, then the rule. Several problems are joined with {@code ", "}, as
 * Rails joins full messages.
 */
final class Validation {

	/** K2's own rule for {@code +254} numbers (PHP SDK: {@code ^\+254\d{9}$}). */
	static final Pattern PHONE = Pattern.compile("\\+254\\d{9}");

	/**
	 * Send money's destinations: {@code 254} and nine digits, no {@code +}
	 * (docs/k2-api.md §0.5, §9).
	 */
	static final Pattern V2_PHONE = Pattern.compile("254\\d{9}");

	/**
	 * External recipients: K2's own example writes {@code +254…}, v2 SDKs {@code 254…}.
	 */
	static final Pattern RECIPIENT_PHONE = Pattern.compile("\\+?254\\d{9}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final int MAX_METADATA = 5;

	private final List<String> problems = new ArrayList<>();

	boolean isValid() {
		return this.problems.isEmpty();
	}

	String message() {
		return String.join(", ", this.problems);
	}

	HttpReply reply() {
		return HttpReply.apiError(400, message());
	}

	void problem(String message) {
		this.problems.add(message);
	}

	/**
	 * A required non-blank text field; returns it stripped, or {@code null} after
	 * recording the problem.
	 */
	@Nullable String requiredText(@Nullable JsonNode node, String field, String label) {
		String value = Wire.text(node, field);
		if (value == null || value.isBlank()) {
			problem(label + " can't be blank");
			return null;
		}
		return value.strip();
	}

	/** An optional text field, stripped; blank counts as absent. */
	@Nullable String optionalText(@Nullable JsonNode node, String field) {
		String value = Wire.text(node, field);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A required object field; returns it, or {@code null} after recording the problem.
	 */
	@Nullable JsonNode requiredObject(@Nullable JsonNode node, String field, String label) {
		JsonNode value = Wire.object(node, field);
		if (value == null) {
			problem(label + " can't be blank");
		}
		return value;
	}

	@Nullable String phone(@Nullable JsonNode node, String field, String label) {
		return phone(node, field, label, PHONE);
	}

	@Nullable String phone(@Nullable JsonNode node, String field, String label, Pattern rule) {
		String value = requiredText(node, field, label);
		if (value != null && !rule.matcher(value).matches()) {
			problem(label + " is an invalid number");
			return null;
		}
		return value;
	}

	@Nullable String email(@Nullable JsonNode node, String field, String label) {
		String value = optionalText(node, field);
		if (value != null && !EMAIL.matcher(value).matches()) {
			problem(label + " is invalid");
		}
		return value;
	}

	/**
	 * A required text field that must be one of the allowed values (compared ignoring
	 * case); returns the value lower-cased.
	 */
	@Nullable String oneOf(@Nullable JsonNode node, String field, String label, Set<String> allowed) {
		String value = requiredText(node, field, label);
		if (value == null) {
			return null;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (!allowed.contains(lower)) {
			problem(label + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
			return null;
		}
		return lower;
	}

	/**
	 * A required {@code {"currency": "KES", "value": ...}} object whose value is a
	 * positive number (JSON number or numeric string) with at most two decimals.
	 */
	@Nullable BigDecimal money(@Nullable JsonNode node, String field, String label) {
		JsonNode amount = requiredObject(node, field, label);
		if (amount == null) {
			return null;
		}
		currency(amount, label + " currency");
		return positiveAmount(amount, "value", label + " value");
	}

	void currency(JsonNode amount, String label) {
		String currency = requiredText(amount, "currency", label);
		if (currency != null && !currency.equals("KES")) {
			problem(label + " must be KES");
		}
	}

	@Nullable BigDecimal positiveAmount(@Nullable JsonNode node, String field, String label) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
			problem(label + " can't be blank");
			return null;
		}
		BigDecimal amount = decimal(value);
		if (amount == null) {
			problem(label + " is not a number");
			return null;
		}
		if (amount.signum() <= 0) {
			problem(label + " must be greater than 0");
			return null;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			problem(label + " must have at most 2 decimal places");
			return null;
		}
		return amount;
	}

	void metadata(@Nullable JsonNode node) {
		JsonNode metadata = (node != null) ? node.get("metadata") : null;
		if (metadata == null || metadata.isNull()) {
			return;
		}
		if (!metadata.isObject()) {
			problem("Metadata must be an object");
		}
		else if (metadata.size() > MAX_METADATA) {
			problem("Metadata must have at most " + MAX_METADATA + " key-value pairs");
		}
	}

	/** A required absolute http(s) URL. */
	@Nullable String url(@Nullable JsonNode node, String field, String label) {
		String value = requiredText(node, field, label);
		if (value == null) {
			return null;
		}
		if (!isHttpUrl(value)) {
			problem(label + " must be an absolute http or https URL");
			return null;
		}
		return value;
	}

	/**
	 * {@code _links.callback_url}, required on every request with an asynchronous result.
	 */
	@Nullable String callbackUrl(@Nullable JsonNode body) {
		JsonNode links = Wire.object(body, "_links");
		return url(links, "callback_url", "Callback url");
	}

	@Nullable OffsetDateTime time(@Nullable JsonNode node, String field, String label) {
		String value = requiredText(node, field, label);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			problem(label + " must be an ISO-8601 time with an offset, e.g. 2021-04-12T08:50:22+03:00");
			return null;
		}
	}

	private static @Nullable BigDecimal decimal(JsonNode value) {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString()) {
			try {
				return new BigDecimal(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	static boolean isHttpUrl(String value) {
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme();
			// The authority, not the host: K2's own examples use host names with
			// underscores, which java.net.URI does not parse as a host.
			return uri.isAbsolute() && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank()
					&& ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
