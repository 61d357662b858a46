package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.util.List;

import io.k2connect.autoconfigure.InvalidK2PropertiesException.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The checks of the webhook endpoint's, the inbox's and the recovery's properties, each
 * naming the property.
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	static void atLeastOne(List<Problem> problems, String property, int value) {
		if (value < 1) {
			problems.add(new Problem(property, "must be at least 1 (was " + value + ")", "Set it to 1 or more"));
		}
	}

	static void positive(List<Problem> problems, String property, @Nullable Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			problems.add(new Problem(property, "must be a positive duration (was " + value + ")",
					"Set it to a duration such as " + example));
		}
	}

	/**
	 * A plain path: starting with '/', not '/' alone, no pattern characters. The
	 * endpoint's handler mapping comes before the application's, so a pattern would take
	 * paths that are not K2's.
	 */
	static void plainPath(List<Problem> problems, String property, @Nullable String value, String example) {
		if (value == null || !value.startsWith("/") || value.length() < 2
				|| value.chars().anyMatch((c) -> "*?{}".indexOf(c) >= 0)) {
			problems.add(new Problem(property,
					"must be a plain path starting with '/', not '/' alone, without pattern characters (* ? { }) (was '"
							+ value + "')",
					"Set it to a path such as " + example));
		}
	}

}
