package io.k2connect.paymentlink;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.k2connect.K2Client;
import io.k2connect.K2ConnectionException;
import io.k2connect.K2NotFoundException;
import io.k2connect.K2TestServer;
import io.k2connect.K2TestServer.Reply;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.Examples;
import io.k2connect.event.PaymentLinkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PaymentLinkServiceTests {

	private static final String CALLBACK = "https://example.com/callback";

	@RegisterExtension
	final K2TestServer server = K2TestServer.start();

	private final K2Client client = this.server.clientBuilder().build();

	@Test
	void createPaymentLinkPostsTheDocumentedBody() {
		ResourceLocation location = this.client.paymentLinks()
			.createPaymentLink(PaymentLinkRequest.builder()
				.tillNumber("4321")
				.amount(new BigDecimal("1000"))
				.paymentReference("INV02932922")
				.note("Payment for monthly internet subscription")
				.metadata(Map.of("account_number", "1234567"))
				.callbackUrl(CALLBACK)
				.build());

		K2TestServer.assertJsonEquals(this.server.onlyApiPost("/api/v2/payment_links"),
				K2TestServer.example("request-payment_link.json"));
		assertThat(location.location().getPath()).isEqualTo("/api/v2/payment_links/" + location.id());
	}

	@Test
	void createPaymentLinkWithExplicitTokenSendsItAndFetchesNone() {
		this.client.paymentLinks().createPaymentLink(minimal().build(), RequestOptions.withAccessToken("my-own"));

		assertThat(this.server.onlyApiRequest().header("Authorization")).isEqualTo("Bearer my-own");
		assertThat(this.server.tokenRequests()).isZero();
	}

	@Test
	void paymentLinkRequiresAmountTillAndCallback() {
		this.server.assertRejected(
				() -> this.client.paymentLinks()
					.createPaymentLink(PaymentLinkRequest.builder().tillNumber(" ").build()),
				"amount", "till_number", "_links.callback_url");
	}

	@Test
	void paymentLinkRejectsBadCurrencyAndMetadata() {
		this.server.assertRejected(() -> this.client.paymentLinks()
			.createPaymentLink(
					minimal().currency("USD").metadata(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6)).build()),
				"currency", "metadata");
	}

	@ParameterizedTest
	@MethodSource("io.k2connect.K2TestServer#absurdAmounts")
	void paymentLinkRejectsAnAbsurdAmountAtOnce(String amount) {
		this.server.assertRejectedQuickly(
				() -> this.client.paymentLinks().createPaymentLink(minimal().amount(new BigDecimal(amount)).build()),
				"amount");
	}

	@Test
	void paymentLinkStatusReadsTheActiveLink() {
		ResourceLocation location = scriptStatus("pl-1", "status-payment_link-active.json");

		PaymentLinkResult result = this.client.paymentLinks().paymentLinkStatus(location);

		assertThat(result.isPaid()).isFalse();
		assertThat(result.paymentLink().paymentLinkStatus()).isEqualToIgnoringCase("Active");
		assertThat(result.paymentLink().link()).isNotBlank();
	}

	@Test
	void paymentLinkStatusReadsThePayment() {
		ResourceLocation location = scriptStatus("pl-2", "result-payment_link-paid.json");

		PaymentLinkResult result = this.client.paymentLinks()
			.paymentLinkStatus(location, RequestOptions.withAccessToken("t"));

		assertThat(result.isPaid()).isTrue();
		assertThat(result.tillNumber()).isEqualTo("4000004");
		assertThat(result.paymentLink().status()).isEqualTo("Paid");
		assertThat(result.paymentLink().transactionReference()).isEqualTo("DAVSTK1777482274");
		assertThat(result.paymentLink().senderPhoneNumber()).isEqualTo("254716230902");
	}

	@Test
	void cancelPaymentLinkPostsToItsCancelPathAndReturnsTheMessage() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/pl-3");
		this.server.script("POST", "/api/v2/payment_links/pl-3/cancel",
				Reply.json(200, example("response-payment_link-cancel.json")));

		PaymentLinkCancellation cancellation = this.client.paymentLinks().cancelPaymentLink(location);

		assertThat(this.server.onlyApiPost("/api/v2/payment_links/pl-3/cancel").isEmpty()).isTrue();
		assertThat(cancellation.message()).isEqualTo("Payment link cancelled.");
	}

	@Test
	void cancelPaymentLinkToleratesAnAnswerWithoutMessage() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/pl-4/");
		this.server.script("POST", "/api/v2/payment_links/pl-4/cancel", Reply.status(200));

		assertThat(this.client.paymentLinks().cancelPaymentLink(location).message()).isNull();
	}

	@Test
	void cancelPaymentLinkRefreshesARefusedTokenOnce() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/pl-5");
		this.server.script("POST", "/api/v2/payment_links/pl-5/cancel", Reply.status(401),
				Reply.json(200, example("response-payment_link-cancel.json")));

		assertThat(this.client.paymentLinks().cancelPaymentLink(location).message()).isNotBlank();
		assertThat(this.server.requests("POST", "/api/v2/payment_links/pl-5/cancel")).hasSize(2);
		assertThat(this.server.tokenRequests()).isEqualTo(2);
	}

	@Test
	void cancelPaymentLinkIsNotRepeatedAfterAServerError() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/pl-6");
		this.server.script("POST", "/api/v2/payment_links/pl-6/cancel", Reply.status(503), Reply.status(200));

		assertThatExceptionOfType(io.k2connect.K2ServerException.class)
			.isThrownBy(() -> this.client.paymentLinks().cancelPaymentLink(location));
		assertThat(this.server.requests("POST", "/api/v2/payment_links/pl-6/cancel")).hasSize(1);
	}

	@Test
	void cancelPaymentLinkIsNotRepeatedAfterADroppedConnection() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/pl-7");
		this.server.script("POST", "/api/v2/payment_links/pl-7/cancel", Reply.drop());

		assertThatExceptionOfType(K2ConnectionException.class)
			.isThrownBy(() -> this.client.paymentLinks().cancelPaymentLink(location));
		assertThat(this.server.requests("POST", "/api/v2/payment_links/pl-7/cancel")).hasSize(1);
	}

	@Test
	void cancelPaymentLinkSurfacesNotFound() {
		ResourceLocation location = ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/pl-8");
		this.server.script("POST", "/api/v2/payment_links/pl-8/cancel", Reply.status(404));

		assertThatExceptionOfType(K2NotFoundException.class)
			.isThrownBy(() -> this.client.paymentLinks().cancelPaymentLink(location));
	}

	@Test
	void cancelPaymentLinkNeverSendsTheTokenElsewhere() {
		ResourceLocation elsewhere = ResourceLocation.of("https://attacker.example/api/v2/payment_links/pl-9");

		this.server.assertRejected(() -> this.client.paymentLinks().cancelPaymentLink(elsewhere), "url");
	}

	private ResourceLocation scriptStatus(String id, String example) {
		this.server.script("GET", "/api/v2/payment_links/" + id, Reply.json(200, example(example)));
		return ResourceLocation.of(this.server.baseUrl() + "/api/v2/payment_links/" + id);
	}

	private static PaymentLinkRequest.Builder minimal() {
		return PaymentLinkRequest.builder().tillNumber("4321").amount(BigDecimal.TEN).callbackUrl(CALLBACK);
	}

	private static String example(String name) {
		return new String(Examples.bytes(name), StandardCharsets.UTF_8);
	}

}
