package io.k2connect.internal;

import java.util.Objects;

/**
 * The OAuth application's client id and secret. {@link #toString()} never shows the
 * secret.
 *
 * @param clientId the application's client id
 * @param clientSecret the application's client secret
 */
public record ClientCredentials(String clientId, String clientSecret) {

	public ClientCredentials {
		Objects.requireNonNull(clientId, "clientId must not be null");
		Objects.requireNonNull(clientSecret, "clientSecret must not be null");
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + ", clientSecret=****]";
	}

}
