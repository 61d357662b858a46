package io.k2connect.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.receive.PaymentRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Starting, inspecting, resetting and closing a simulator. */
class K2SimulatorTests {

	@Test
	void defaultsAreTheFixedDevCredentialsOnAFreeLoopbackPort() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			assertThat(k2.clientId()).isEqualTo("sim-client-id");
			assertThat(k2.clientSecret()).isEqualTo("sim-client-secret");
			assertThat(k2.apiKey()).isEqualTo("sim-api-key");
			assertThat(k2.port()).isPositive();
			assertThat(k2.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + k2.port()));
		}
	}

	@Test
	void twoSimulatorsRunSideBySide() {
		try (K2Simulator one = K2Simulator.builder().start(); K2Simulator two = K2Simulator.builder().start()) {
			assertThat(one.port()).isNotEqualTo(two.port());
		}
	}

	@Test
	void clientBuilderPointsAClientAtTheSimulator() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			K2Client client = k2.clientBuilder().build();
			assertThat(client.baseUrl()).isEqualTo(k2.baseUrl());
			assertThat(client.accessToken().accessToken()).isNotBlank();
		}
	}

	@Test
	void everyRequestIsRecordedAsItArrived() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			K2Client client = k2.clientBuilder().build();
			client.receivePayments().createPaymentRequest(stkPush());
			assertThat(k2.requests()).extracting(RecordedRequest::toString)
				.containsExactly("POST /oauth/token", "POST /api/v2/incoming_payments");
			RecordedRequest create = k2.requests("POST", "/api/v2/incoming_payments").get(0);
			assertThat(create.header("authorization")).isEqualTo("Bearer " + client.accessToken().accessToken());
			assertThat(create.header("Content-Type")).startsWith("application/json");
			assertThat(create.header("User-Agent")).startsWith("k2connect-java/");
			JsonNode body = Api.json(create.body());
			assertThat(body.at("/subscriber/phone_number").asString()).isEqualTo("+254700000003");
			assertThat(create.bodyText()).contains("\"till_number\":\"K000000\"");
			assertThat(create.receivedAt()).isNotNull();
		}
	}

	@Test
	void keepAliveRequestsAreNotHeldBackByNagle() throws IOException {
		try (K2Simulator k2 = K2Simulator.builder().start();
				RawConnection connection = new RawConnection(k2.baseUrl())) {
			Duration took = connection.timePosts(30, "/oauth/token", RawConnection.tokenForm(k2));
			// With Nagle's algorithm each answer's body waits for the client's delayed
			// ACK of its headers: about 40 ms a request on Linux, so 30 would take more
			// than a second.
			assertThat(took).isLessThan(Duration.ofMillis(30 * 20));
		}
	}

	@Test
	void resetForgetsResourcesRequestsAndDeliveriesButKeepsTokens() throws InterruptedException {
		try (K2Simulator k2 = K2Simulator.builder().callbackDelay(Duration.ofMillis(10)).start()) {
			K2Client client = k2.clientBuilder().build();
			ResourceLocation location = client.receivePayments().createPaymentRequest(stkPush());
			k2.customerPaysTill("555555", BigDecimal.ONE, "0712345678");
			k2.faults().failNext(1, 500);
			k2.reset();
			assertThat(k2.requests()).isEmpty();
			assertThat(k2.transactions()).isEmpty();
			HttpResponse<String> status = Api.get(location.location(), client);
			assertThat(status.statusCode()).isEqualTo(404);
			assertThat(k2.requests("POST", "/oauth/token")).isEmpty();
			Thread.sleep(100);
			assertThat(k2.deliveries()).isEmpty();
		}
	}

	@Test
	void closeStopsListeningAndCanBeRepeated() {
		K2Simulator k2 = K2Simulator.builder().start();
		URI tokenUrl = k2.baseUrl().resolve("/oauth/token");
		k2.close();
		k2.close();
		HttpClient http = HttpClient.newHttpClient();
		assertThatExceptionOfType(IOException.class).isThrownBy(
				() -> http.send(HttpRequest.newBuilder(tokenUrl).POST(HttpRequest.BodyPublishers.noBody()).build(),
						HttpResponse.BodyHandlers.discarding()))
			.isInstanceOf(ConnectException.class);
	}

	@Test
	void awaitDeliveriesGivesUpAfterTheTimeout() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			assertThatIllegalStateException().isThrownBy(() -> k2.awaitDeliveries(1, Duration.ofMillis(50)))
				.withMessageContaining("Expected 1 matching deliveries");
		}
	}

	@Test
	void awaitDeliveriesFilters() {
		try (K2Simulator k2 = K2Simulator.builder().callbackDelay(Duration.ZERO).start()) {
			k2.clientBuilder()
				.build()
				.receivePayments()
				.createPaymentRequest(PaymentRequest.builder()
					.tillNumber("K000000")
					.phoneNumber("0712345678")
					.amount(BigDecimal.TEN)
					.callbackUrl("http://127.0.0.1:9/closed")
					.build());
			assertThat(k2.awaitDeliveries((d) -> d.type().equals("incoming_payment"), 1, Duration.ofSeconds(5)))
				.hasSize(1);
		}
	}

	@Test
	void customerPaysTillRefusesBadArguments() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> k2.customerPaysTill(" ", BigDecimal.ONE, "0712345678"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> k2.customerPaysTill("1", BigDecimal.ZERO, "0712345678"));
			assertThatIllegalArgumentException().isThrownBy(() -> k2.customerPaysTill("1", BigDecimal.ONE, "12345"));
		}
	}

	@Test
	void builderRefusesInvalidSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> K2Simulator.builder().clientId(" ").start());
		assertThatIllegalArgumentException().isThrownBy(() -> K2Simulator.builder().port(70000).start());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> K2Simulator.builder().tokenLifetime(Duration.ZERO).start());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> K2Simulator.builder().callbackDelay(Duration.ofMillis(-1)).start());
		assertThatIllegalArgumentException().isThrownBy(() -> K2Simulator.builder().redeliveries(-1).start());
		assertThatIllegalArgumentException().isThrownBy(() -> K2Simulator.builder().maxRecordedRequests(-1).start());
		assertThatIllegalArgumentException().isThrownBy(() -> K2Simulator.builder().maxRecordedBodySize(-1).start());
		assertThatIllegalArgumentException().isThrownBy(() -> K2Simulator.builder().maxRequestBodySize(0).start());
	}

	@Test
	void busyPortIsReported() {
		try (K2Simulator first = K2Simulator.builder().start()) {
			assertThatExceptionOfType(UncheckedIOException.class)
				.isThrownBy(() -> K2Simulator.builder().port(first.port()).start())
				.withMessageContaining(String.valueOf(first.port()));
		}
	}

	@Test
	void toStringHidesTheSecretAndTheApiKey() {
		try (K2Simulator k2 = K2Simulator.builder().clientSecret("s3cret").apiKey("k3y").start()) {
			assertThat(k2.toString()).doesNotContain("s3cret", "k3y").contains(k2.baseUrl().toString());
		}
	}

	@Test
	void adminInfoListsCredentialsAndMagicNumbers() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			HttpResponse<String> info = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator")).build());
			JsonNode body = Api.json(info.body());
			assertThat(body.get("client_id").asString()).isEqualTo(k2.clientId());
			assertThat(body.get("client_secret").asString()).isEqualTo(K2Simulator.DEFAULT_CLIENT_SECRET);
			assertThat(body.get("api_key").asString()).isEqualTo(K2Simulator.DEFAULT_API_KEY);
			assertThat(body.get("magic_phone_numbers")).extracting((magic) -> magic.get("phone_number").asString())
				.containsExactly(MagicPhoneNumbers.CANCELLED_BY_USER, MagicPhoneNumbers.INSUFFICIENT_BALANCE,
						MagicPhoneNumbers.NO_CALLBACK, MagicPhoneNumbers.CALLBACK_LOST,
						MagicPhoneNumbers.INVALID_INITIATOR);
			assertThat(body.get("magic_send_money_phone_numbers"))
				.extracting((magic) -> magic.get("phone_number").asString())
				.containsExactly(MagicPhoneNumbers.SEND_MONEY_FAILED_DESTINATION,
						MagicPhoneNumbers.SEND_MONEY_INSUFFICIENT_BALANCE);
		}
	}

	@Test
	void adminInfoNeverShowsASecretOrApiKeyGivenToTheBuilder() {
		try (K2Simulator k2 = K2Simulator.builder().clientSecret("real-s3cret").apiKey("real-k3y").start()) {
			HttpResponse<String> info = get(k2, "/simulator");

			assertThat(info.body()).doesNotContain("real-s3cret", "real-k3y");
			assertThat(Api.json(info.body()).get("client_secret").isNull()).isTrue();
			assertThat(Api.json(info.body()).get("api_key").isNull()).isTrue();
		}
	}

	@Test
	void adminInfoShowsGeneratedCredentials() {
		try (K2Simulator k2 = K2Simulator.builder().clientSecret("real-s3cret").generatedCredentials().start()) {
			JsonNode body = Api.json(get(k2, "/simulator").body());

			assertThat(body.get("client_secret").asString()).isEqualTo(k2.clientSecret());
			assertThat(body.get("api_key").asString()).isEqualTo(k2.apiKey());
		}
	}

	@Test
	void generatedCredentialsAreNewForEverySimulatorAndWork() {
		try (K2Simulator one = K2Simulator.builder().generatedCredentials().start();
				K2Simulator two = K2Simulator.builder().generatedCredentials().start()) {
			assertThat(one.clientId()).isNotEqualTo(K2Simulator.DEFAULT_CLIENT_ID).isNotEqualTo(two.clientId());
			assertThat(one.clientSecret()).isNotEqualTo(K2Simulator.DEFAULT_CLIENT_SECRET)
				.isNotEqualTo(two.clientSecret())
				.hasSizeGreaterThanOrEqualTo(40);
			assertThat(one.apiKey()).isNotEqualTo(K2Simulator.DEFAULT_API_KEY)
				.isNotEqualTo(two.apiKey())
				.hasSizeGreaterThanOrEqualTo(40);
			assertThat(one.clientBuilder().build().accessToken().accessToken()).isNotBlank();
		}
	}

	@Test
	void adminListsRequestsDeliveriesAndTransactions() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			k2.customerPaysTill("555555", BigDecimal.ONE, "0712345678");
			assertThat(Api.json(get(k2, "/simulator/transactions").body())).hasSize(1);
			assertThat(Api.json(get(k2, "/simulator/deliveries").body())).isEmpty();
			assertThat(Api.json(get(k2, "/simulator/requests").body()).get(0).get("path").asString())
				.isEqualTo("/simulator/transactions");
		}
	}

	@Test
	void adminResetEmptiesTheSimulator() {
		try (K2Simulator k2 = K2Simulator.builder().start()) {
			k2.customerPaysTill("555555", BigDecimal.ONE, "0712345678");
			HttpResponse<String> reset = Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve("/simulator/reset"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build());
			assertThat(reset.statusCode()).isEqualTo(204);
			assertThat(k2.transactions()).isEmpty();
		}
	}

	private static HttpResponse<String> get(K2Simulator k2, String path) {
		return Api.send(HttpRequest.newBuilder(k2.baseUrl().resolve(path)).build());
	}

	private static PaymentRequest stkPush() {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.phoneNumber(MagicPhoneNumbers.NO_CALLBACK)
			.amount(BigDecimal.TEN)
			.callbackUrl("http://127.0.0.1:9/none")
			.build();
	}

}
