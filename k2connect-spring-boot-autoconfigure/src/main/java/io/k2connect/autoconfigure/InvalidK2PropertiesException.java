package io.k2connect.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code k2.*} properties cannot work; thrown at start-up so that the application
 * fails fast, and explained by {@link InvalidK2PropertiesFailureAnalyzer}.
 */
public class InvalidK2PropertiesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> problems;

	public InvalidK2PropertiesException(List<Problem> problems) {
		super("Invalid k2 properties: "
				+ problems.stream().map((p) -> p.property() + " " + p.problem()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/** Every property that is wrong, with its fix. */
	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * One wrong property.
	 *
	 * @param property the property, e.g. {@code k2.client-secret}
	 * @param problem what is wrong with it
	 * @param action how to fix it
	 */
	public record Problem(String property, String problem, String action) {
	}

}
