package io.k2connect.subscription;

import io.k2connect.ApiVersion;
import io.k2connect.K2Client;
import io.k2connect.K2TestServer;
import io.k2connect.K2ValidationException;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.model.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookServiceTests {

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void createSubscriptionForTillPostsTheDocumentedBody() {
		ResourceLocation location = this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					"https://myapplication.com/webhooks", "555555"));

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/webhook_subscriptions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		K2TestServer.assertJsonEquals(request.json(), K2TestServer.example("request-webhook_subscription-till.json"));
		assertThat(location.location().getPath()).startsWith("/api/v2/webhook_subscriptions/");
	}

	@Test
	void createSubscriptionForCompanyPostsTheDocumentedBodyWithNullScopeReference() {
		this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
					"https://webhook.site/52fd1913-778e-4ee1-bdc4-74517abb758d"));

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/webhook_subscriptions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		JsonNode body = request.json();
		K2TestServer.assertJsonEquals(body, K2TestServer.example("request-webhook_subscription-company.json"));
		assertThat(body.has("scope_reference")).isTrue();
		assertThat(body.get("scope_reference").isNull()).isTrue();
	}

	@Test
	void createSubscriptionWithExplicitTokenSendsItAndFetchesNone() {
		this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
					"https://example.com/k2/webhooks"), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "BUYGOODS_TRANSACTION_RECEIVED, buygoods_transaction_received, till",
			"BUYGOODS_TRANSACTION_REVERSED, buygoods_transaction_reversed, till",
			"B2B_TRANSACTION_RECEIVED, b2b_transaction_received, till",
			"SETTLEMENT_TRANSFER_COMPLETED, settlement_transfer_completed, company",
			"CUSTOMER_CREATED, customer_created, company",
			"M2M_TRANSACTION_RECEIVED, m2m_transaction_received, company",
			"CARD_TRANSACTION_RECEIVED, card_transaction_received, till",
			"CARD_TRANSACTION_VOIDED, card_transaction_voided, till",
			"CARD_TRANSACTION_REVERSED, card_transaction_reversed, till",
			"B2B_TRANSACTION_REVERSED, b2b_transaction_reversed, till" })
	void createSubscriptionWritesTheWireNamesOfEventTypeAndScope(WebhookEventType eventType, String wireValue,
			String scope) {
		WebhookSubscriptionRequest request = scope.equals("till")
				? WebhookSubscriptionRequest.forTill(eventType, "https://example.com/k2/webhooks", "112233")
				: WebhookSubscriptionRequest.forCompany(eventType, "https://example.com/k2/webhooks");

		this.client.webhooks().createSubscription(request);

		JsonNode body = this.server.onlyApiRequest().json();
		assertThat(body.get("event_type").asString()).isEqualTo(wireValue);
		assertThat(body.get("scope").asString()).isEqualTo(scope);
		assertThat(eventType.wireValue()).isEqualTo(wireValue);
		assertThat(WebhookEventType.fromWireValue(wireValue)).isEqualTo(eventType);
	}

	@Test
	void eventTypesAllowTheScopesOfTheApiTable() {
		assertThat(WebhookEventType.values()).hasSize(10);
		assertThat(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED.scopes()).containsExactly(Scope.TILL, Scope.COMPANY);
		assertThat(WebhookEventType.BUYGOODS_TRANSACTION_REVERSED.scopes()).containsExactly(Scope.TILL, Scope.COMPANY);
		assertThat(WebhookEventType.B2B_TRANSACTION_RECEIVED.scopes()).containsExactly(Scope.TILL, Scope.COMPANY);
		assertThat(WebhookEventType.SETTLEMENT_TRANSFER_COMPLETED.scopes()).containsExactly(Scope.COMPANY);
		assertThat(WebhookEventType.CUSTOMER_CREATED.scopes()).containsExactly(Scope.COMPANY);
		assertThat(WebhookEventType.M2M_TRANSACTION_RECEIVED.scopes()).containsExactly(Scope.COMPANY);
		assertThat(WebhookEventType.CARD_TRANSACTION_RECEIVED.scopes()).containsExactly(Scope.TILL);
		assertThat(WebhookEventType.CARD_TRANSACTION_VOIDED.scopes()).containsExactly(Scope.TILL);
		assertThat(WebhookEventType.CARD_TRANSACTION_REVERSED.scopes()).containsExactly(Scope.TILL);
		assertThat(WebhookEventType.B2B_TRANSACTION_REVERSED.scopes()).containsExactly(Scope.TILL);
	}

	@Test
	void unknownEventTypeWireNameIsNull() {
		assertThat(WebhookEventType.fromWireValue("something_new")).isNull();
		assertThat(WebhookEventType.fromWireValue(null)).isNull();
	}

	@Test
	void companyScopeWithBlankReferenceSendsNull() {
		this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.builder()
				.eventType(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED)
				.url("https://example.com/k2/webhooks")
				.scope(Scope.COMPANY)
				.scopeReference("  ")
				.build());

		assertThat(this.server.onlyApiRequest().json().get("scope_reference").isNull()).isTrue();
	}

	@Test
	void loopbackHttpUrlIsAccepted() {
		WebhookSubscriptionRequest request = WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
				"http://localhost:8080/k2/webhooks");

		assertThat(request.url()).hasToString("http://localhost:8080/k2/webhooks");
	}

	@Test
	void missingFieldsAreAllListedAndNothingIsSent() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.builder().build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("event_type", "url", "scope"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void companyOnlyEventRejectsTillScope() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.forTill(WebhookEventType.CUSTOMER_CREATED,
					"https://example.com/k2/webhooks", "112233"))
			.withMessageContaining("scope must be one of [company] for event_type customer_created")
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void tillOnlyEventRejectsCompanyScope() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.forCompany(WebhookEventType.CARD_TRANSACTION_RECEIVED,
					"https://example.com/k2/webhooks"))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void tillScopeRequiresScopeReference() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.forTill(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED,
					"https://example.com/k2/webhooks", " "))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope_reference"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void companyScopeRejectsScopeReference() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.builder()
				.eventType(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED)
				.url("https://example.com/k2/webhooks")
				.scope(Scope.COMPANY)
				.scopeReference("112233")
				.build())
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("scope_reference"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void plainHttpUrlIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
					"http://example.com/k2/webhooks"))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("url"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void unparseableUrlIsReportedWithTheOtherErrors() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> WebhookSubscriptionRequest.forTill(WebhookEventType.CUSTOMER_CREATED, "not a url", null))
			.satisfies((ex) -> assertThat(K2TestServer.fields(ex)).containsExactly("url", "scope", "scope_reference"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void apiVersionV1PostsUnderApiV1() {
		this.server.clientBuilder()
			.apiVersion(ApiVersion.V1)
			.build()
			.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
					"https://example.com/k2/webhooks"));

		assertThat(this.server.onlyApiRequest().path()).isEqualTo("/api/v1/webhook_subscriptions");
	}

	@Test
	void createSubscriptionWithDarajaPayloadPostsTheDocumentedV2Body() {
		ResourceLocation location = this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.builder()
				.eventType(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED)
				.url("https://webhook.site/52fd1913-778e-4ee1-bdc4-74517abb758d")
				.scope(Scope.TILL)
				.scopeReference("112233")
				.enableDarajaPayload(true)
				.build());

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/webhook_subscriptions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		K2TestServer.assertJsonEquals(request.json(),
				K2TestServer.example("request-webhook_subscription-v2-daraja.json"));
		assertThat(location.location().getPath()).startsWith("/api/v2/webhook_subscriptions/");
	}

	@Test
	void darajaPayloadIsAllowedForB2bTransactionsReceived() {
		this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.builder()
				.eventType(WebhookEventType.B2B_TRANSACTION_RECEIVED)
				.url("https://example.com/k2/webhooks")
				.scope(Scope.COMPANY)
				.enableDarajaPayload(true)
				.build());

		assertThat(this.server.onlyApiRequest().json().get("enable_daraja_payload").asBoolean()).isTrue();
	}

	@Test
	void withoutDarajaPayloadTheKeyIsLeftOut() {
		this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.CUSTOMER_CREATED,
					"https://example.com/k2/webhooks"));

		assertThat(this.server.onlyApiRequest().json().has("enable_daraja_payload")).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "BUYGOODS_TRANSACTION_REVERSED, till", "SETTLEMENT_TRANSFER_COMPLETED, company",
			"CUSTOMER_CREATED, company", "M2M_TRANSACTION_RECEIVED, company", "CARD_TRANSACTION_RECEIVED, till",
			"CARD_TRANSACTION_VOIDED, till", "CARD_TRANSACTION_REVERSED, till", "B2B_TRANSACTION_REVERSED, till" })
	void darajaPayloadIsRefusedForOtherTopics(WebhookEventType eventType, String scope) {
		this.server.assertRejected(() -> this.client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.builder()
				.eventType(eventType)
				.url("https://example.com/k2/webhooks")
				.scope(Scope.fromWireValue(scope))
				.scopeReference(scope.equals("till") ? "112233" : null)
				.enableDarajaPayload(true)
				.build()), "enable_daraja_payload");
	}

	@Test
	void v1RefusesTheDarajaPayload() {
		this.server.assertRejected(() -> this.server.clientBuilder()
			.apiVersion(ApiVersion.V1)
			.build()
			.webhooks()
			.createSubscription(WebhookSubscriptionRequest.builder()
				.eventType(WebhookEventType.BUYGOODS_TRANSACTION_RECEIVED)
				.url("https://example.com/k2/webhooks")
				.scope(Scope.COMPANY)
				.enableDarajaPayload(true)
				.build()), "enable_daraja_payload");
	}

}
