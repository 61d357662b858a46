package io.k2connect.autoconfigure.webhook;

import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook endpoint in an application secured by Spring Security: K2 sends no session,
 * no CSRF token and no credentials, so the path is exempted from CSRF and authentication,
 * and the signature protects it instead (README, "Spring Security").
 */
@SpringBootTest(classes = K2WebhookSecurityTests.SecuredApplication.class,
		properties = { "k2.client-id=id", "k2.client-secret=secret", "k2.api-key=" + WebhookTestApplication.API_KEY })
@AutoConfigureMockMvc
class K2WebhookSecurityTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingListener listener;

	@Test
	void signedWebhookPassesTheSecurityFilterChain() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-customer_created.json");

		this.mvc
			.perform(post("/k2/webhooks").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-KopoKopo-Signature", K2Signatures.sign(body, WebhookTestApplication.API_KEY)))
			.andExpect(status().isOk());

		assertThat(this.listener.payloads()).hasSize(1);
	}

	@Test
	void unsignedWebhookIsStillRejected() throws Exception {
		this.mvc.perform(post("/k2/webhooks").contentType(MediaType.APPLICATION_JSON).content("{\"topic\":\"x\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theRestOfTheApplicationStaysProtected() throws Exception {
		this.mvc.perform(get("/anything-else")).andExpect(status().isUnauthorized());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http
				.authorizeHttpRequests(
						(requests) -> requests.requestMatchers("/k2/webhooks").permitAll().anyRequest().authenticated())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/k2/webhooks"))
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

}
