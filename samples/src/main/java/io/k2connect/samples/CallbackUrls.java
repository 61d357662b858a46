package io.k2connect.samples;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where K2 must post callbacks and webhooks for this application: its own @K2Webhook
 * endpoint.
 */
@Component
class CallbackUrls {

	private final ShopProperties shop;

	private final Environment environment;

	CallbackUrls(ShopProperties shop, Environment environment) {
		this.shop = shop;
		this.environment = environment;
	}

	/** The webhook endpoint's absolute URL. */
	URI webhookEndpoint() {
		String path = this.environment.getProperty("k2.webhook.path", "/k2/webhooks");
		if (this.shop.publicUrl() != null) {
			return URI.create(this.shop.publicUrl().toString().replaceAll("/+$", "") + path);
		}
		// The port is known once the web server runs; the embedded simulator calls
		// localhost.
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		return URI.create("http://localhost:" + port + path);
	}

}
