package io.k2connect.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where K2 is and how to sign in to it. By default these come from the {@code k2.*}
 * properties; a bean of this type replaces them, which is how the embedded simulator
 * ({@code k2.simulator.enabled=true}) points the client at itself, and how an application
 * can read credentials from a vault at start-up.
 *
 * <p>
 * A bean of this type also switches the K2 auto-configuration on without
 * {@code k2.client-id}. Implementations must not reveal the secret or the API key in
 * {@code toString()}. It is a Spring Boot {@link ConnectionDetails}, so it takes part in
 * Boot's service-connection support like a database's or a message broker's.
 */
public interface K2ConnectionDetails extends ConnectionDetails {

	/** The OAuth client id. */
	String clientId();

	/** The OAuth client secret. */
	String clientSecret();

	/** The API key that signs webhooks and callbacks, or {@code null} when not known. */
	@Nullable String apiKey();

	/** The K2 base URL. */
	URI baseUrl();

}
