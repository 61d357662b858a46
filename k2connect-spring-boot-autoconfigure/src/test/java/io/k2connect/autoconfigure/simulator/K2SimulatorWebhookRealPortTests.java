package io.k2connect.autoconfigure.simulator;

import java.net.http.HttpResponse;

import io.k2connect.autoconfigure.webhook.RecordingListener;
import io.k2connect.autoconfigure.webhook.WebhookTestApplication;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the simulator on and no API key configured, the webhook endpoint trusts only the
 * key the simulator generated for this run, not the public default that anyone can sign
 * with.
 */
@SpringBootTest(classes = WebhookTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "k2.simulator.enabled=true")
class K2SimulatorWebhookRealPortTests {

	private static final byte[] BODY = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

	@LocalServerPort
	private int port;

	@Autowired
	private K2Simulator simulator;

	@Autowired
	private RecordingListener listener;

	@BeforeEach
	void clear() {
		this.listener.clear();
	}

	@Test
	void bodySignedWithThePublicDefaultKeyIs401() throws Exception {
		HttpResponse<String> response = WebhookTestApplication.postWebhook(this.port, BODY,
				K2Signatures.sign(BODY, K2Simulator.DEFAULT_API_KEY));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void bodySignedWithTheSimulatorsKeyIs200() throws Exception {
		HttpResponse<String> response = WebhookTestApplication.postWebhook(this.port, BODY,
				K2Signatures.sign(BODY, this.simulator.apiKey()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.listener.buygoods).hasSize(1);
	}

}
