package io.k2connect.autoconfigure;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * {@link K2ConnectionDetails} from the {@code k2.*} properties, as they are:
 * {@code K2Client} checks them when it is built, and a refusal is reported with the
 * property names.
 */
final class PropertiesK2ConnectionDetails implements K2ConnectionDetails {

	private final K2Properties properties;

	PropertiesK2ConnectionDetails(K2Properties properties) {
		this.properties = properties;
	}

	@Override
	public String clientId() {
		return Objects.toString(this.properties.getClientId(), "");
	}

	@Override
	public String clientSecret() {
		return Objects.toString(this.properties.getClientSecret(), "");
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

}
