package io.k2connect;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request, or a client setting, broke one or more rules before anything was sent.
 * {@link #errors()} lists every broken field at once, so a form can show them all.
 */
public class K2ValidationException extends K2Exception {

	private static final long serialVersionUID = 1L;

	private final List<FieldError> errors;

	public K2ValidationException(List<FieldError> errors) {
		super(describe(errors));
		this.errors = List.copyOf(errors);
	}

	public K2ValidationException(String field, String rule) {
		this(List.of(new FieldError(field, rule)));
	}

	/** Every broken field, in the order the checks ran. Never empty. */
	public List<FieldError> errors() {
		return this.errors;
	}

	private static String describe(List<FieldError> errors) {
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("errors must not be empty");
		}
		return "Invalid request: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
	}

	/**
	 * One broken rule.
	 *
	 * @param field the field as it is named on the wire, e.g.
	 * {@code subscriber.phone_number}
	 * @param rule what the field must be, e.g. {@code must not be blank}
	 */
	public record FieldError(String field, String rule) {

		public FieldError {
			Objects.requireNonNull(field, "field must not be null");
			Objects.requireNonNull(rule, "rule must not be null");
		}

		@Override
		public String toString() {
			return this.field + " " + this.rule;
		}

	}

}
