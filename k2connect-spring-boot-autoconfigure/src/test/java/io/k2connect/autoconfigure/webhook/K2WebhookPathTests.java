package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpResponse;

import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.Examples;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint at a path of the application's choosing, under a servlet context path,
 * over a real port; neither an application controller nor a functional route at the same
 * path takes K2's deliveries.
 */
@SpringBootTest(classes = { WebhookTestApplication.class, K2WebhookPathTests.Shadowing.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "k2.client-id=id", "k2.client-secret=secret", "k2.api-key=" + WebhookTestApplication.API_KEY,
				"k2.webhook.delivery-store=memory", "k2.webhook.path=/payments/k2",
				"server.servlet.context-path=/shop" })
class K2WebhookPathTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordingListener listener;

	@BeforeEach
	void clear() {
		this.listener.clear();
	}

	@Test
	void deliveryAtTheConfiguredPathUnderTheContextPathIsPublished() throws Exception {
		byte[] body = Examples.tillPayment("7c1b3d6a-0000-4000-8000-000000000001");

		HttpResponse<String> response = WebhookTestApplication.postWebhook(url("/shop/payments/k2"), body,
				K2Signatures.sign(body, WebhookTestApplication.API_KEY));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"outcome\":\"accepted\"");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(this.listener.buygoods).singleElement()
			.extracting(BuygoodsTransactionReceived::id)
			.isEqualTo("7c1b3d6a-0000-4000-8000-000000000001");
	}

	@Test
	void theDefaultPathIsNotMapped() throws Exception {
		byte[] body = Examples.tillPayment("7c1b3d6a-0000-4000-8000-000000000002");

		HttpResponse<String> response = WebhookTestApplication.postWebhook(url("/shop/k2/webhooks"), body,
				K2Signatures.sign(body, WebhookTestApplication.API_KEY));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void unsignedDeliveryIs401EvenWithApplicationMappingsAtThePath() throws Exception {
		byte[] body = Examples.tillPayment("7c1b3d6a-0000-4000-8000-000000000003");

		HttpResponse<String> response = WebhookTestApplication.postWebhook(url("/shop/payments/k2"), body, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain(Shadowing.ANSWER);
		assertThat(this.listener.payloads()).isEmpty();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Configuration(proxyBeanMethods = false)
	static class Shadowing {

		static final String ANSWER = "taken by the application";

		@Bean
		ShadowingController shadowingController() {
			return new ShadowingController();
		}

		@Bean
		RouterFunction<ServerResponse> shadowingRoute() {
			return RouterFunctions.route().POST("/payments/k2", (request) -> ServerResponse.ok().body(ANSWER)).build();
		}

	}

	@RestController
	static class ShadowingController {

		@PostMapping("/payments/k2")
		String take() {
			return Shadowing.ANSWER;
		}

	}

}
