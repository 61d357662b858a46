package io.k2connect.autoconfigure.actuate;

import io.k2connect.K2TestServer;
import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = WebhookTestApplication.class,
		properties = { "k2.client-id=id", "k2.client-secret=actuator-client-secret", "k2.api-key=actuator-api-key",
				"k2.webhook.additional-api-keys=actuator-old-key",
				"management.endpoints.web.exposure.include=health,env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"management.endpoint.health.show-details=always" })
@AutoConfigureMockMvc
class K2ActuatorIntegrationTests {

	private static final K2TestServer K2 = K2TestServer.start();

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void k2(DynamicPropertyRegistry registry) {
		registry.add("k2.base-url", () -> K2.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		K2.close();
	}

	@Test
	void healthShowsK2Up() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.k2.status").value("UP"))
			.andExpect(content().string(not(containsString("stub-token-value"))));
	}

	@Test
	void envMasksTheK2Secrets() throws Exception {
		this.mvc.perform(get("/actuator/env"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("k2.client-secret")))
			.andExpect(content().string(not(containsString("actuator-client-secret"))))
			.andExpect(content().string(not(containsString("actuator-api-key"))))
			.andExpect(content().string(not(containsString("actuator-old-key"))));
	}

	@Test
	void environmentVariableNamesOfTheSecretsAreRecognised() {
		for (String key : new String[] { "K2_CLIENT_SECRET", "K2_API_KEY", "K2_WEBHOOK_ADDITIONAL_API_KEYS_0_",
				"k2.client-secret", "clientSecret", "apiKey" }) {
			org.assertj.core.api.Assertions
				.assertThat(K2ActuatorAutoConfiguration.SanitizingConfiguration
					.isK2Secret(new org.springframework.boot.actuate.endpoint.SanitizableData(null, key, "v")))
				.as(key)
				.isTrue();
		}
		org.assertj.core.api.Assertions
			.assertThat(K2ActuatorAutoConfiguration.SanitizingConfiguration
				.isK2Secret(new org.springframework.boot.actuate.endpoint.SanitizableData(null, "K2_CLIENT_ID", "v")))
			.isFalse();
	}

	@Test
	void configpropsMasksTheK2Secrets() throws Exception {
		this.mvc.perform(get("/actuator/configprops"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("clientSecret")))
			.andExpect(content().string(not(containsString("actuator-client-secret"))))
			.andExpect(content().string(not(containsString("actuator-api-key"))))
			.andExpect(content().string(not(containsString("actuator-old-key"))));
	}

}
