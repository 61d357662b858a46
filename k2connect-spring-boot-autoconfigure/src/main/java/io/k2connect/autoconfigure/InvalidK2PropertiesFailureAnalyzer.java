package io.k2connect.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InvalidK2PropertiesException} into a start-up report naming each property
 * and its fix.
 */
public final class InvalidK2PropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidK2PropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidK2PropertiesException cause) {
		String description = "The K2 client could not be configured:\n" + cause.problems()
			.stream()
			.map((p) -> "    - Property '" + p.property() + "' " + p.problem())
			.collect(Collectors.joining("\n"));
		String action = cause.problems()
			.stream()
			.map((p) -> "    - " + p.action())
			.collect(Collectors.joining("\n", "Update your application's configuration:\n", ""));
		return new FailureAnalysis(description, action, cause);
	}

}
