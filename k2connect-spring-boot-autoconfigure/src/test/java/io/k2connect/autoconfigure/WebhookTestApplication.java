package io.k2connect.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal web application for the webhook tests: auto-configuration only, no scanning.
 * Spring Security is on the test class path for {@code K2WebhookSecurityTests}; it is left
 * out here so that these tests see the endpoint alone.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
public class WebhookTestApplication {

	static final String API_KEY = "test-api-key";

	@Bean
	RecordingListener recordingListener() {
		return new RecordingListener();
	}

	static byte[] example(String name) {
		try (InputStream in = WebhookTestApplication.class.getResourceAsStream("/k2-api/examples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no example " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String exampleText(String name) {
		return new String(example(name), java.nio.charset.StandardCharsets.UTF_8);
	}

}
