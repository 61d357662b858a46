package io.k2connect.autoconfigure;

import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The analyzer is registered, so a real start-up failure prints the property and its fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidK2PropertiesFailureAnalyzerTests {

	@Test
	void missingSecretIsReportedWithThePropertyAndTheFix(CapturedOutput output) {
		SpringApplication application = new SpringApplication(WebhookTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatException().isThrownBy(() -> application.run("--k2.client-id=id", "--spring.main.banner-mode=off"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'k2.client-secret' is not set, but k2.client-id is")
			.contains("Set k2.client-secret to your K2 application's client secret");
	}

}
