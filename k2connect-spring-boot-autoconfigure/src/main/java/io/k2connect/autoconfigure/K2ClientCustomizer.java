package io.k2connect.autoconfigure;

import io.k2connect.K2Client;

/**
 * Callback to change the {@link K2Client.Builder} before the auto-configured client is
 * built: applied after the {@code k2.*} properties, in {@code @Order}.
 */
@FunctionalInterface
public interface K2ClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, already configured from {@code k2.*}
	 */
	void customize(K2Client.Builder builder);

}
