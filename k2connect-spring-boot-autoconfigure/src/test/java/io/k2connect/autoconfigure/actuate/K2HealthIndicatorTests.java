package io.k2connect.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2TestServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class K2HealthIndicatorTests {

	@RegisterExtension
	final K2TestServer k2 = K2TestServer.start();

	private final K2Client client = K2Client.builder()
		.clientId("id")
		.clientSecret("health-secret")
		.baseUrl(this.k2.baseUrl())
		.maxRetries(0)
		.build();

	@Test
	void upWhenATokenCanBeObtained() {
		Health health = new K2HealthIndicator(this.client).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKeys("baseUrl", "tokenExpiresAt");
		assertThat(health.toString()).doesNotContain(this.k2.lastIssuedToken()).doesNotContain("health-secret");
	}

	@Test
	void downWithTheErrorWhenK2RefusesTheCredentials() {
		this.k2.script("POST", "/oauth/token", Reply.json(401,
				"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));

		Health health = new K2HealthIndicator(this.client).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("error").toString()).contains("K2AuthenticationException")
			.contains("Client authentication failed");
		assertThat(health.toString()).doesNotContain("health-secret");
	}

	@Test
	void downChecksTheTokenEndpointAtMostOncePerInterval() {
		this.k2.script("POST", "/oauth/token", Reply.json(500, "{\"error\":\"server_error\"}"));
		K2HealthIndicator indicator = new K2HealthIndicator(this.client);

		for (int i = 0; i < 20; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		}

		assertThat(this.k2.tokenRequests()).isEqualTo(1);
	}

	@Test
	void downAndCachedWhenSomethingOtherThanAK2ExceptionEscapes() {
		// A clock at the end of time: the token's expiry cannot be computed, a
		// DateTimeException.
		K2Client endOfTime = K2Client.builder()
			.clientId("id")
			.clientSecret("health-secret")
			.baseUrl(this.k2.baseUrl())
			.clock(Clock.fixed(Instant.MAX, ZoneOffset.UTC))
			.build();
		K2HealthIndicator indicator = new K2HealthIndicator(endOfTime);

		for (int i = 0; i < 20; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		}

		assertThat(indicator.health().getDetails().get("error")).isEqualTo("DateTimeException");
		assertThat(this.k2.tokenRequests()).isEqualTo(1);
	}

	@Test
	void upReusesTheCachedToken() {
		K2HealthIndicator indicator = new K2HealthIndicator(this.client, Clock.systemUTC(), Duration.ZERO);

		for (int i = 0; i < 20; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}

		assertThat(this.k2.tokenRequests()).isEqualTo(1);
	}

}
