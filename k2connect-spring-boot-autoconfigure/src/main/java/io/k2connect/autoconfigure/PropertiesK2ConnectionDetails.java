package io.k2connect.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.k2connect.internal.Urls;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link K2ConnectionDetails} from the {@code k2.*} properties, checked when created so that
 * a wrong property stops start-up with a message that names it.
 */
final class PropertiesK2ConnectionDetails implements K2ConnectionDetails {

	private final K2Properties properties;

	PropertiesK2ConnectionDetails(K2Properties properties) {
		this.properties = properties;
		check(properties);
	}

	@Override
	public String clientId() {
		return require(this.properties.getClientId());
	}

	@Override
	public String clientSecret() {
		return require(this.properties.getClientSecret());
	}

	@Override
	public @Nullable String apiKey() {
		return StringUtils.hasText(this.properties.getApiKey()) ? this.properties.getApiKey() : null;
	}

	@Override
	public URI baseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public String toString() {
		return "PropertiesK2ConnectionDetails[clientId=" + this.properties.getClientId() + ", baseUrl="
				+ this.properties.getBaseUrl() + "]";
	}

	private static String require(@Nullable String value) {
		if (value == null) {
			throw new IllegalStateException("checked at construction");
		}
		return value;
	}

	private static void check(K2Properties properties) {
		List<InvalidK2PropertiesException.Problem> problems = new ArrayList<>();
		if (!StringUtils.hasText(properties.getClientId())) {
			problems.add(new InvalidK2PropertiesException.Problem("k2.client-id", "is not set",
					"Set k2.client-id to your K2 application's client id, or k2.simulator.enabled=true "
							+ "to run against the embedded simulator."));
		}
		if (!StringUtils.hasText(properties.getClientSecret())) {
			problems.add(new InvalidK2PropertiesException.Problem("k2.client-secret",
					StringUtils.hasText(properties.getClientId()) ? "is not set, but k2.client-id is" : "is not set",
					"Set k2.client-secret to your K2 application's client secret, for example through the "
							+ "K2_CLIENT_SECRET environment variable."));
		}
		if (!Urls.isSecure(properties.getBaseUrl())) {
			problems.add(new InvalidK2PropertiesException.Problem("k2.base-url",
					"is '" + properties.getBaseUrl() + "', but " + Urls.SECURE_RULE,
					"Set k2.base-url to https://sandbox.kopokopo.com or https://api.kopokopo.com (or an "
							+ "http://localhost URL for a local simulator)."));
		}
		if (!problems.isEmpty()) {
			throw new InvalidK2PropertiesException(problems);
		}
	}

}
