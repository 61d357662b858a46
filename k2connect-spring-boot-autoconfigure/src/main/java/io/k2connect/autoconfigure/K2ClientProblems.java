package io.k2connect.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.k2connect.K2ValidationException;

/**
 * Turns what {@code K2Client.Builder.build()} refuses into start-up problems that name
 * what the user can change: the {@code k2.*} property that fed the setting, or the
 * {@link K2ConnectionDetails} bean that supplied it. {@code K2Client} is the one place
 * that validates the settings; this class only translates.
 */
final class K2ClientProblems {

	/**
	 * Builder setting names, as K2Client reports them, and the properties that feed them.
	 */
	private static final Map<String, String> PROPERTIES = Map.of("clientId", "k2.client-id", "clientSecret",
			"k2.client-secret", "apiKey", "k2.api-key", "baseUrl", "k2.base-url", "connectTimeout",
			"k2.http.connect-timeout", "readTimeout", "k2.http.read-timeout", "maxRetries", "k2.http.max-retries",
			"tokenRefreshSkew", "k2.token.refresh-skew");

	/**
	 * The settings that come from the connection details rather than straight from
	 * properties.
	 */
	private static final Set<String> CONNECTION_SETTINGS = Set.of("clientId", "clientSecret", "apiKey", "baseUrl");

	private static final Map<String, String> ADVICE = Map.of("k2.client-id",
			"Set k2.client-id to your K2 application's client id, or k2.simulator.enabled=true to run against "
					+ "the embedded simulator.",
			"k2.client-secret",
			"Set k2.client-secret to your K2 application's client secret, for example through the "
					+ "K2_CLIENT_SECRET environment variable.",
			"k2.base-url",
			"Set k2.base-url to https://sandbox.kopokopo.com or https://api.kopokopo.com (or an http://localhost "
					+ "URL for a local simulator).");

	private K2ClientProblems() {
	}

	/**
	 * The start-up failure for a refused client.
	 * @param refusal what the builder refused
	 * @param connectionDetails where the credentials and the base URL came from
	 * @return the exception naming each property (or bean) and its fix
	 */
	static InvalidK2PropertiesException of(K2ValidationException refusal, K2ConnectionDetails connectionDetails) {
		boolean fromProperties = connectionDetails instanceof PropertiesK2ConnectionDetails;
		Set<String> broken = refusal.errors()
			.stream()
			.map(K2ValidationException.FieldError::field)
			.collect(java.util.stream.Collectors.toSet());
		List<InvalidK2PropertiesException.Problem> problems = refusal.errors().stream().map((error) -> {
			String setting = error.field();
			if (!fromProperties && CONNECTION_SETTINGS.contains(setting)) {
				String bean = "K2ConnectionDetails bean (" + connectionDetails.getClass().getName() + ") " + setting;
				return new InvalidK2PropertiesException.Problem(bean, error.rule(),
						"Correct what your K2ConnectionDetails bean returns from " + setting + "().");
			}
			String property = PROPERTIES.getOrDefault(setting, setting);
			String problem = problem(setting, error.rule(), broken);
			String advice = ADVICE.getOrDefault(property, "Correct " + property + " (or the "
					+ K2ClientCustomizer.class.getSimpleName() + " that sets " + setting + ").");
			return new InvalidK2PropertiesException.Problem(property, problem, advice);
		}).toList();
		return new InvalidK2PropertiesException(problems);
	}

	private static String problem(String setting, String rule, Set<String> broken) {
		if (!rule.equals("must not be blank")) {
			return rule;
		}
		// A secret without its id is a different mistake from a forgotten secret.
		if (setting.equals("clientSecret") && !broken.contains("clientId")) {
			return "is not set, but k2.client-id is";
		}
		return "is not set";
	}

}
