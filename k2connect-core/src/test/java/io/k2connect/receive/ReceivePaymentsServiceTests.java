package io.k2connect.receive;

import java.math.BigDecimal;
import java.util.Map;

import io.k2connect.ApiVersion;
import io.k2connect.K2ApiException;
import io.k2connect.K2Client;
import io.k2connect.K2InvalidRequestException;
import io.k2connect.K2TestServer;
import io.k2connect.K2ValidationException;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.model.Amounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static io.k2connect.K2TestServer.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReceivePaymentsServiceTests {

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void createPaymentRequestPostsTheDocumentedBody() {
		ResourceLocation location = this.client.receivePayments().createPaymentRequest(docsExample());

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/v2/incoming_payments");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("Accept")).isEqualTo("application/json");
		assertThat(request.header("User-Agent")).startsWith("k2connect-java/");
		ObjectNode expected = K2TestServer.example("request-incoming_payment.json");
		((ObjectNode) expected.get("subscriber")).put("phone_number", "+254712345678");
		K2TestServer.assertJsonEquals(request.json(), expected);
		assertThat(location.location().getPath()).startsWith("/api/v2/incoming_payments/");
		assertThat(location.id())
			.isEqualTo(location.location().getPath().substring("/api/v2/incoming_payments/".length()));
	}

	@Test
	void createPaymentRequestWritesThePhoneInInternationalForm() {
		this.client.receivePayments().createPaymentRequest(minimal().phoneNumber("0712 345-678").build());

		assertThat(this.server.onlyApiRequest().json().at("/subscriber/phone_number").asString())
			.isEqualTo("+254712345678");
	}

	@Test
	void createPaymentRequestLeavesOutMissingOptionalFields() {
		this.client.receivePayments().createPaymentRequest(minimal().build());

		ObjectNode body = (ObjectNode) this.server.onlyApiRequest().json();
		assertThat(body.get("subscriber").propertyNames()).containsExactly("phone_number");
		assertThat(body.has("metadata")).isFalse();
		assertThat(body.at("/amount/currency").asString()).isEqualTo("KES");
	}

	@Test
	void createPaymentRequestWithExplicitTokenSendsItAndFetchesNone() {
		this.client.receivePayments().createPaymentRequest(minimal().build(), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void createPaymentRequestSurfacesK2ValidationErrors() {
		this.server.script("POST", "/api/v2/incoming_payments", Reply.json(400,
				"{\"error_code\":400,\"error_message\":\"Subscriber phone number is an invalid number\"}"));

		assertThatExceptionOfType(K2InvalidRequestException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(minimal().build()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.errorCode()).isEqualTo("400");
				assertThat(ex.errorMessage()).isEqualTo("Subscriber phone number is an invalid number");
				assertThat(ex.getMessage()).contains("POST /api/v2/incoming_payments")
					.contains("Subscriber phone number is an invalid number");
			});
	}

	@Test
	void createPaymentRequestWithoutLocationIsAnApiError() {
		this.server.script("POST", "/api/v2/incoming_payments", Reply.status(201));

		assertThatExceptionOfType(K2ApiException.class)
			.isThrownBy(() -> this.client.receivePayments().createPaymentRequest(minimal().build()))
			.withMessageContaining("without a valid Location header")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(201));
	}

	@Test
	void invalidRequestListsEveryBrokenFieldAndSendsNothing() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PaymentRequest.builder()
				.phoneNumber("12345")
				.amount(new BigDecimal("-1.234"))
				.currency("USD")
				.email("not-an-email")
				.metadata(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6))
				.callbackUrl("http://example.com/callback")
				.build())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(K2ValidationException.FieldError::field)
				.containsExactly("till_number", "subscriber.phone_number", "subscriber.email", "amount.value",
						"amount.value", "amount.currency", "metadata", "_links.callback_url"));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void amountsAreWrittenInPlainNotation() {
		this.client.receivePayments().createPaymentRequest(minimal().amount(new BigDecimal("1E+3")).build());

		assertThat(this.server.onlyApiRequest().text()).contains("\"value\":1000}").doesNotContain("E+");
	}

	@ParameterizedTest
	@MethodSource("io.k2connect.K2TestServer#absurdAmounts")
	void createPaymentRequestRejectsAnAbsurdAmountAtOnce(String amount) {
		this.server.assertRejectedQuickly(() -> this.client.receivePayments()
			.createPaymentRequest(minimal().amount(new BigDecimal(amount)).build()), "amount.value");
	}

	@Test
	void createPaymentRequestAcceptsTheLargestAmount() {
		this.client.receivePayments().createPaymentRequest(minimal().amount(Amounts.MAX).build());

		assertThat(this.server.onlyApiRequest().json().at("/amount/value").decimalValue()).isEqualTo(Amounts.MAX);
	}

	@Test
	void metadataValuesMustBeFlat() {
		Map<String, Object> selfContaining = new java.util.HashMap<>();
		selfContaining.put("self", selfContaining);

		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> minimal().metadata(Map.of("order", 42, "nested", selfContaining)).build())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(K2ValidationException.FieldError::field)
				.containsExactly("metadata.nested"));
	}

	@Test
	void unparseableCallbackUrlIsReportedWithTheOtherErrors() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> PaymentRequest.builder().callbackUrl("not a url").build())
			.satisfies((ex) -> assertThat(ex.errors()).extracting(K2ValidationException.FieldError::field)
				.contains("till_number", "subscriber.phone_number", "amount.value", "_links.callback_url"));
	}

	@Test
	void paymentRequestStatusReadsTheSuccessDocument() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc-123");
		this.server.script("GET", "/api/v2/incoming_payments/abc-123",
				Reply.json(200, K2TestServer.example("result-incoming_payment-success.json").toString()));

		IncomingPaymentResult result = this.client.receivePayments().paymentRequestStatus(location);

		K2TestServer.RecordedRequest request = this.server.onlyApiRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + this.server.lastIssuedToken());
		assertThat(request.header("Accept")).isEqualTo("application/json");
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.type()).isEqualTo("incoming_payment");
		assertThat(result.resource()).isNotNull();
		assertThat(result.resource().amount()).isPositive();
		assertThat(result.resource().reference()).isNotBlank();
	}

	@Test
	void paymentRequestStatusReadsThePendingDocument() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc-123");
		this.server.script("GET", "/api/v2/incoming_payments/abc-123",
				Reply.json(200, K2TestServer.example("status-incoming_payment-pending.json").toString()));

		IncomingPaymentResult result = this.client.receivePayments().paymentRequestStatus(location);

		assertThat(result.isPending()).isTrue();
		assertThat(result.resource()).isNull();
	}

	@Test
	void paymentRequestStatusOfAnotherTypeIsAnApiError() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc-123");
		this.server.script("GET", "/api/v2/incoming_payments/abc-123",
				Reply.json(200, K2TestServer.example("result-payment-processed.json").toString()));

		assertThatExceptionOfType(K2ApiException.class)
			.isThrownBy(() -> this.client.receivePayments().paymentRequestStatus(location))
			.withMessageContaining("'payment' document where IncomingPaymentResult was expected");
	}

	@Test
	void paymentRequestStatusThatIsNotJsonIsAnApiError() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/incoming_payments/abc-123");
		this.server.script("GET", "/api/v2/incoming_payments/abc-123", Reply.text(200, "text/html", "<html></html>"));

		assertThatExceptionOfType(K2ApiException.class)
			.isThrownBy(() -> this.client.receivePayments().paymentRequestStatus(location))
			.withMessageContaining("not a status document");
	}

	@Test
	void paymentRequestStatusNeverSendsTheTokenToAnotherHost() {
		ResourceLocation elsewhere = ResourceLocation.of("https://attacker.example/api/v2/incoming_payments/abc");

		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> this.client.receivePayments().paymentRequestStatus(elsewhere))
			.withMessageContaining("location must be on the configured base URL");
		assertThat(this.server.requests()).isEmpty();
	}

	private static PaymentRequest docsExample() {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.firstName("Joe")
			.lastName("Buyer")
			.phoneNumber("0712345678")
			.email("jbuyer@mail.net")
			.amount(new BigDecimal("20000"))
			.metadata(Map.of("customer_id", "123456789", "reference", "123456", "notes", "Payment for invoice 12345"))
			.callbackUrl("https://call_back_to_your_app.your_application.com")
			.build();
	}

	private static PaymentRequest.Builder minimal() {
		return PaymentRequest.builder()
			.tillNumber("K000000")
			.phoneNumber("+254712345678")
			.amount(new BigDecimal("10.50"))
			.callbackUrl("https://example.com/k2/callback");
	}

	@Test
	void apiVersionV1PostsUnderApiV1() {
		K2Client v1 = this.server.clientBuilder().apiVersion(ApiVersion.V1).build();

		ResourceLocation location = v1.receivePayments().createPaymentRequest(minimal().build());

		assertThat(this.server.onlyApiRequest().path()).isEqualTo("/api/v1/incoming_payments");
		assertThat(location.location().getPath()).startsWith("/api/v1/incoming_payments/");
	}

}
