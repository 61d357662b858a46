package io.k2connect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.k2connect.event.IncomingPaymentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.k2connect.K2TestServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link K2CreateObserver} and {@link K2Client#statusDocument}, against a real server.
 */
class K2CreateObserverTests {

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	@Test
	void theObserverIsToldOfEachCreatedRequestWithItsPathAndLocation() {
		List<String> created = new CopyOnWriteArrayList<>();
		K2Client client = this.server.clientBuilder()
			.createObserver((path, location) -> created.add(path + " " + location.location()))
			.build();

		ResourceLocation location = client.receivePayments().createPaymentRequest(K2TestServer.stkPush());

		assertThat(created).containsExactly("/api/v2/incoming_payments " + location.location());
	}

	@Test
	void aFailingObserverDoesNotHideTheLocationOfARequestThatWasMade() {
		K2Client client = this.server.clientBuilder().createObserver((path, location) -> {
			throw new IllegalStateException("the store is down");
		}).build();

		ResourceLocation location = client.receivePayments().createPaymentRequest(K2TestServer.stkPush());

		assertThat(location.location().getPath()).startsWith("/api/v2/incoming_payments/");
		assertThat(this.server.requests("POST", "/api/v2/incoming_payments")).hasSize(1);
	}

	@Test
	void aRequestK2RefusedIsNotObserved() {
		List<ResourceLocation> created = new CopyOnWriteArrayList<>();
		K2Client client = this.server.clientBuilder().createObserver((path, location) -> created.add(location)).build();
		this.server.script("POST", "/api/v2/incoming_payments",
				Reply.json(400, "{\"error_code\":400,\"error_message\":\"Invalid phone number\"}"));

		assertThatExceptionOfType(K2ApiException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(K2TestServer.stkPush()));
		assertThat(created).isEmpty();
	}

	@Test
	void theStatusDocumentIsTheRawBodyAndTheRecordItsCallbackCarries() {
		String json = K2TestServer.example("result-incoming_payment-success.json").toString();
		this.server.script("GET", "/api/v2/incoming_payments/abc-123", Reply.json(200, json));
		K2Client client = this.server.clientBuilder().build();

		StatusDocument document = client
			.statusDocument(ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc-123"));

		assertThat(new String(document.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(json);
		assertThat(document.payload()).isInstanceOfSatisfying(IncomingPaymentResult.class,
				(result) -> assertThat(result.isSuccess()).isTrue());
		assertThat(document.toString()).doesNotContain("incoming_payment\"").contains("IncomingPaymentResult");
	}

	@Test
	void aStatusDocumentIsNeverFetchedFromAnotherOrigin() {
		K2Client client = this.server.clientBuilder().build();

		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> client.statusDocument(ResourceLocation.of("https://elsewhere.example/api/v2/x/1")))
			.withMessageContaining("location");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aStatusDocumentThatIsNotJsonIsAnApiError() {
		this.server.script("GET", "/api/v2/incoming_payments/abc", Reply.text(200, "text/html", "<html>"));
		K2Client client = this.server.clientBuilder().build();

		assertThatExceptionOfType(K2ApiException.class).isThrownBy(() -> client
			.statusDocument(ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc")));
	}

}
