package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.k2connect.event.Examples;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal web application for the webhook tests: auto-configuration only, no scanning.
 * Spring Security is on the test class path for {@code K2WebhookSecurityTests}; it is
 * left out here so that these tests see the endpoint alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
public class WebhookTestApplication {

	public static final String API_KEY = "test-api-key";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Bean
	RecordingListener recordingListener() {
		return new RecordingListener();
	}

	/**
	 * Posts a body to the webhook endpoint of an application on a real port, signed or
	 * not.
	 */
	public static HttpResponse<String> postWebhook(int port, byte[] body, @Nullable String signature) throws Exception {
		return postWebhook(URI.create("http://localhost:" + port + "/k2/webhooks"), body, signature);
	}

	/** Posts a body to a webhook endpoint at a URL, signed or not. */
	public static HttpResponse<String> postWebhook(URI url, byte[] body, @Nullable String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("X-KopoKopo-Signature", signature);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public static byte[] example(String name) {
		return Examples.bytes(name);
	}

	public static String exampleText(String name) {
		return new String(example(name), java.nio.charset.StandardCharsets.UTF_8);
	}

}
