package io.k2connect.polling;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.k2connect.ApiVersion;
import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2ValidationException;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PollingResult;
import io.k2connect.model.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PollingServiceTests {

	private static final OffsetDateTime FROM = OffsetDateTime.parse("2021-04-12T08:50:22+03:00");

	private static final OffsetDateTime TO = OffsetDateTime.parse("2021-04-19T08:50:22+03:00");

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void createPollingRequestForCompanyPostsTheDocumentedBody() {
		ResourceLocation location = this.client.polling()
			.createPollingRequest(
					PollingRequest.forCompany(FROM, TO, "https://callback_to_your_app.your_application.com"));

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/polling");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		K2TestServer.assertJsonEquals(request.json(), K2TestServer.example("request-polling.json"));
		assertThat(location.location().getPath()).startsWith("/api/v2/polling/");
	}

	@Test
	void createPollingRequestForTillPostsTheDocumentedBody() {
		this.client.polling()
			.createPollingRequest(PollingRequest.forTill("112233", OffsetDateTime.parse("2021-07-09T08:50:22+03:00"),
					OffsetDateTime.parse("2021-07-10T18:00:22+03:00"),
					"https://callback_to_your_app.your_application.com"));

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/polling");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		K2TestServer.assertJsonEquals(request.json(), K2TestServer.example("request-polling-till.json"));
	}

	@Test
	void createPollingRequestWithExplicitTokenSendsItAndFetchesNone() {
		this.client.polling()
			.createPollingRequest(PollingRequest.forCompany(FROM, TO, "https://example.com/k2/callback"),
					RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void createPollingRequestWritesSecondsAndNumericOffsetEvenWhenIsoWouldShortenThem() {
		this.client.polling()
			.createPollingRequest(PollingRequest.forCompany(OffsetDateTime.parse("2021-04-12T08:50Z"),
					OffsetDateTime.parse("2021-04-12T12:00:00.250+03:00"), "https://example.com/k2/callback"));

		JsonNode body = this.server.onlyApiRequest().json();
		assertThat(body.get("from_time").asString()).isEqualTo("2021-04-12T08:50:00+00:00");
		assertThat(body.get("to_time").asString()).isEqualTo("2021-04-12T12:00:00.25+03:00");
	}

	@Test
	void scopeWritesItsWireName() {
		this.client.polling()
			.createPollingRequest(PollingRequest.builder()
				.scope(Scope.TILL)
				.scopeReference("112233")
				.fromTime(FROM)
				.toTime(TO)
				.callbackUrl("https://example.com/k2/callback")
				.build());

		assertThat(this.server.onlyApiRequest().json().get("scope").asString()).isEqualTo("till");
	}

	@Test
	void missingFieldsAreAllListedAndNothingIsSent() {
		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> PollingRequest.builder().build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope", "from_time", "to_time",
					"_links.callback_url"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void tillScopeRequiresScopeReference() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PollingRequest.forTill("", FROM, TO, "https://example.com/k2/callback"))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope_reference"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void companyScopeRejectsScopeReference() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PollingRequest.builder()
				.scope(Scope.COMPANY)
				.scopeReference("112233")
				.fromTime(FROM)
				.toTime(TO)
				.callbackUrl("https://example.com/k2/callback")
				.build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope_reference"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void fromTimeAfterToTimeIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PollingRequest.forCompany(TO, FROM, "https://example.com/k2/callback"))
			.withMessageContaining("from_time must be before to_time")
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("from_time"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void equalTimesAreRejectedEvenWithDifferentOffsets() {
		// The same instant written in two offsets is still an empty window.
		OffsetDateTime sameInstantInUtc = FROM.withOffsetSameInstant(ZoneOffset.UTC);

		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PollingRequest.forCompany(FROM, sameInstantInUtc, "https://example.com/k2/callback"))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("from_time"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void plainHttpCallbackUrlIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PollingRequest.forCompany(FROM, TO, "http://example.com/k2/callback"))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("_links.callback_url"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void pollingRequestStatusReadsTheTransactions() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/polling/poll-1");
		this.server.script("GET", "/api/v2/polling/poll-1",
				K2TestServer.Reply.json(200, K2TestServer.example("result-polling-success.json").toString()));

		PollingResult result = this.client.polling().pollingRequestStatus(location);

		assertThat(this.server.onlyApiRequest().method()).isEqualTo("GET");
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.transactions()).isNotEmpty();
		assertThat(result.transactions().get(0).resource().amount()).isPositive();
	}

	@Test
	void apiVersionV1PostsUnderApiV1() {
		this.server.clientBuilder()
			.apiVersion(ApiVersion.V1)
			.build()
			.polling()
			.createPollingRequest(PollingRequest.forCompany(FROM, TO, "https://example.com/k2/callback"));

		assertThat(this.server.onlyApiRequest().path()).isEqualTo("/api/v1/polling");
	}

}
