package io.k2connect;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.k2connect.observation.DefaultK2ClientObservationConvention;
import io.k2connect.observation.K2ClientObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.k2connect.K2TestServer.Reply;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's observations against a real server: one per K2 operation, named and tagged
 * by the convention, with the token fetch as a child, retries and refused tokens as
 * events, and nothing secret in any key.
 */
class K2ClientObservationTests {

	private static final String NAME = "k2.client.operations";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	K2ClientObservationTests() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onEvent(Observation.Event event, Observation.Context context) {
				// The contextual name is set when the observation stops.
				String operation = ((K2ClientObservationContext) context).getOperation();
				K2ClientObservationTests.this.events.add("k2 " + operation + ": " + event.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
	}

	@Test
	void anStkPushIsOneObservationWithTheTokenFetchAsItsChild() {
		K2Client client = this.server.clientBuilder().observationRegistry(this.registry).build();

		ResourceLocation location = client.receivePayments().createPaymentRequest(K2TestServer.stkPush());

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 2)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("k2 stk_push")
				.hasLowCardinalityKeyValue("k2.operation", "stk_push")
				.hasLowCardinalityKeyValue("k2.api.version", "v2")
				.hasLowCardinalityKeyValue("method", "POST")
				.hasLowCardinalityKeyValue("status", "201")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("exception", "none")
				.hasHighCardinalityKeyValue("k2.resource.id", location.id())
				.doesNotHaveParentObservation())
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("k2 token")
				.hasLowCardinalityKeyValue("k2.operation", "token")
				.hasLowCardinalityKeyValue("status", "200")
				.hasParentObservation());
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.filteredOn((context) -> "k2 token".equals(context.getContextualName()))
			.singleElement()
			.satisfies((token) -> assertThat(token.getParentObservation().getContextView().getContextualName())
				.isEqualTo("k2 stk_push")));
	}

	@Test
	void aRetriedStatusReadIsOneObservationWithARetryEvent() {
		K2Client client = this.server.clientBuilder().observationRegistry(this.registry).build();
		client.accessToken();
		this.registry.clear();
		this.server.script("GET", "/api/v2/incoming_payments/abc-123",
				Reply.json(503, "{\"error_code\":503,\"error_message\":\"busy\"}"),
				Reply.json(200, K2TestServer.example("result-incoming_payment-success.json").toString()));

		client.receivePayments()
			.paymentRequestStatus(ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc-123"));

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("k2.operation", "stk_push_status")
			.hasLowCardinalityKeyValue("method", "GET")
			.hasLowCardinalityKeyValue("status", "200")
			.hasHighCardinalityKeyValue("k2.resource.id", "abc-123");
		assertThat(this.events).containsExactly("k2 stk_push_status: retries");
	}

	@Test
	void anErrorRecordsK2sStatusAndTheExceptionClass() {
		K2Client client = this.server.clientBuilder().observationRegistry(this.registry).build();
		client.accessToken();
		this.registry.clear();
		this.server.script("POST", "/api/v2/incoming_payments",
				Reply.json(400, "{\"error_code\":400,\"error_message\":\"Invalid phone number +254712345678\"}"));

		assertThatExceptionOfType(K2ApiException.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(K2TestServer.stkPush()));

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("status", "400")
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("exception", "K2InvalidRequestException")
			.assertThatError()
			.isInstanceOf(K2ApiException.class);
	}

	@Test
	void aConnectionFailureHasNoStatus() {
		K2Client client = this.server.clientBuilder().observationRegistry(this.registry).maxRetries(0).build();
		client.accessToken();
		this.registry.clear();
		this.server.script("POST", "/api/v2/incoming_payments", Reply.drop());

		assertThatExceptionOfType(K2Exception.class)
			.isThrownBy(() -> client.receivePayments().createPaymentRequest(K2TestServer.stkPush()));

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("status", "none")
			.hasLowCardinalityKeyValue("outcome", "UNKNOWN");
	}

	@Test
	void aRefusedTokenIsAnEventAndItsReplacementAChild() {
		K2Client client = this.server.clientBuilder().observationRegistry(this.registry).build();
		client.accessToken();
		this.registry.clear();
		this.server.script("POST", "/api/v2/incoming_payments",
				Reply.json(401, "{\"error_code\":401,\"error_message\":\"Unauthorized\"}"));

		client.receivePayments().createPaymentRequest(K2TestServer.stkPush());

		assertThat(this.events).containsExactly("k2 stk_push: token.rejected");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo(NAME, 2)
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("k2 stk_push")
				.hasLowCardinalityKeyValue("status", "201"))
			.hasAnObservation((observation) -> observation.hasContextualNameEqualTo("k2 token").hasParentObservation());
	}

	@Test
	void noKeyShowsASecretATokenOrAPhoneNumber() {
		K2Client client = this.server.clientBuilder().apiKey("test-api-key").observationRegistry(this.registry).build();

		client.receivePayments().createPaymentRequest(K2TestServer.stkPush());
		client.tokens().revokeToken(client.accessToken().accessToken());

		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			assertThat(contexts).hasSizeGreaterThanOrEqualTo(3);
			for (Observation.Context context : contexts) {
				KeyValues all = context.getAllKeyValues();
				for (KeyValue keyValue : all) {
					assertThat(keyValue.getValue()).doesNotContain("test-client-secret", "test-api-key", "token-1",
							"0712345678", "254712345678");
				}
			}
		});
	}

	@Test
	void aConventionOfItsOwnRenamesAndRetags() {
		K2Client client = this.server.clientBuilder()
			.observationRegistry(this.registry)
			.observationConvention(new DefaultK2ClientObservationConvention() {

				@Override
				public String getName() {
					return "payments.k2";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(K2ClientObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "checkout");
				}

			})
			.build();

		client.receivePayments().createPaymentRequest(K2TestServer.stkPush());

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("payments.k2", 2)
			.hasAnObservationWithAKeyValue("team", "checkout");
	}

	@Test
	void operationsAreNamedFromAFixedTable() {
		assertThat(ClientObservations.create("/api/v1/payments")).isEqualTo("pay");
		assertThat(ClientObservations.create("/api/v2/send_money")).isEqualTo("send_money");
		assertThat(ClientObservations.create("/api/v2/something_new")).isEqualTo("other");
		assertThat(ClientObservations.status(URI.create("https://k2.example/api/v2/polling/p-1")))
			.isEqualTo("polling_status");
		assertThat(ClientObservations.status(URI.create("https://k2.example/p-1"))).isEqualTo("other");
		assertThat(ClientObservations.action(URI.create("https://k2.example/api/v2/payment_links/l-1/cancel")))
			.isEqualTo("payment_link_cancel");
		assertThat(ClientObservations.action(URI.create("https://k2.example/api/v2/payment_links/l-1/Odd%20Name")))
			.isEqualTo("other");
		assertThat(ClientObservations.oauth("/oauth/token/info")).isEqualTo("token_info");
		assertThat(ClientObservations.resourceId(URI.create("https://k2.example/api/v2/polling/p-1/")))
			.isEqualTo("p-1");
	}

	@Test
	void withoutARegistryNothingIsObserved() {
		K2Client client = this.server.clientBuilder().build();

		client.receivePayments().createPaymentRequest(K2TestServer.stkPush());

		assertThat(this.registry).doesNotHaveAnyObservation();
	}

}
