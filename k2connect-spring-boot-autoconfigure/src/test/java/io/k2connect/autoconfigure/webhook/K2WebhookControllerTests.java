package io.k2connect.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;

import io.k2connect.event.B2bTransactionReceived;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.CustomerCreated;
import io.k2connect.event.Examples;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.M2mTransactionReceived;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.event.UnknownPayload;
import io.k2connect.webhook.K2Signatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = WebhookTestApplication.class,
		properties = { "k2.client-id=id", "k2.client-secret=secret", "k2.api-key=" + WebhookTestApplication.API_KEY,
				"k2.webhook.additional-api-keys=old-api-key", "k2.webhook.max-body-size=64KB",
				"k2.webhook.delivery-store=memory" })
@AutoConfigureMockMvc
class K2WebhookControllerTests {

	private static final String PATH = "/k2/webhooks";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordingListener listener;

	@Autowired
	private InMemoryK2DeliveryRegistry registry;

	@BeforeEach
	void clear() {
		this.listener.clear();
		this.registry.clear();
	}

	@ParameterizedTest
	@CsvSource({ "webhook-buygoods_transaction_received.json, io.k2connect.event.BuygoodsTransactionReceived",
			"webhook-buygoods_transaction_reversed.json, io.k2connect.event.BuygoodsTransactionReversed",
			"webhook-b2b_transaction_received.json, io.k2connect.event.B2bTransactionReceived",
			"webhook-b2b_transaction_reversed.json, io.k2connect.event.B2bTransactionReversed",
			"webhook-m2m_transaction_received.json, io.k2connect.event.M2mTransactionReceived",
			"webhook-settlement_transfer_completed.json, io.k2connect.event.SettlementTransferCompleted",
			"webhook-customer_created.json, io.k2connect.event.CustomerCreated",
			"webhook-buygoods_transaction_received-docs.json, io.k2connect.event.BuygoodsTransactionReceived",
			"webhook-daraja-buygoods_transaction_received.json, io.k2connect.event.DarajaEvent",
			"webhook-daraja-buygoods_transaction_received-ruby.json, io.k2connect.event.DarajaEvent",
			"webhook-daraja-b2b_transaction_received.json, io.k2connect.event.DarajaEvent",
			"webhook-daraja-b2b_transaction_received-ruby.json, io.k2connect.event.DarajaEvent",
			"webhook-daraja-python-test.json, io.k2connect.event.DarajaEvent",
			"result-incoming_payment-success.json, io.k2connect.event.IncomingPaymentResult",
			"result-incoming_payment-failed.json, io.k2connect.event.IncomingPaymentResult",
			"result-payment-processed.json, io.k2connect.event.PaymentResult",
			"result-settlement_transfer-processed.json, io.k2connect.event.SettlementTransferResult",
			"result-polling-success.json, io.k2connect.event.PollingResult",
			"result-transaction_sms_notification-success.json, io.k2connect.event.TransactionSmsNotificationResult",
			"result-send_money-processed.json, io.k2connect.event.SendMoneyResult",
			"result-reversal-processed.json, io.k2connect.event.ReversalResult",
			"result-payment_link-paid.json, io.k2connect.event.PaymentLinkResult" })
	void signedExamplePublishesExactlyOneRecordOfItsType(String example, Class<?> type) throws Exception {
		byte[] body = WebhookTestApplication.example(example);

		deliver(body, sign(body)).andExpect(status().isOk());

		assertThat(this.listener.payloads()).singleElement().isInstanceOf(type);
	}

	@Test
	void buygoodsWebhookReachesListenersOfItsTypeOfK2EventAndOfK2Payload() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		deliver(body, sign(body)).andExpect(status().isOk()).andExpect(content().json("{\"outcome\":\"accepted\"}"));

		assertThat(this.listener.buygoods).singleElement()
			.satisfies((event) -> assertThat(event.reference()).isNotBlank());
		assertThat(this.listener.events).containsExactlyElementsOf(this.listener.buygoods);
		assertThat(this.listener.payloads()).containsExactlyElementsOf(this.listener.buygoods);
		assertThat(this.listener.incomingPayments).isEmpty();
	}

	@Test
	void incomingPaymentResultReachesItsListener() throws Exception {
		byte[] body = WebhookTestApplication.example("result-incoming_payment-success.json");

		deliver(body, sign(body)).andExpect(status().isOk());

		assertThat(this.listener.incomingPayments).singleElement()
			.satisfies((result) -> assertThat(result.isSuccess()).isTrue());
		assertThat(this.listener.events).isEmpty();
	}

	@Test
	void unknownTopicIsPublishedAsUnknownPayload() throws Exception {
		byte[] body = "{\"topic\":\"brand_new_topic\",\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

		deliver(body, sign(body)).andExpect(status().isOk());

		assertThat(this.listener.payloads()).singleElement().isInstanceOf(UnknownPayload.class);
	}

	@Test
	void signatureMadeWithARotatedKeyIsAccepted() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-customer_created.json");

		deliver(body, K2Signatures.sign(body, "old-api-key")).andExpect(status().isOk());

		assertThat(this.listener.payloads()).singleElement().isInstanceOf(CustomerCreated.class);
	}

	@Test
	void missingSignatureIs401AndPublishesNothing() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("OJM6Q1W84K"))));

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void wrongSignatureIs401AndPublishesNothing() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		deliver(body, K2Signatures.sign(body, "some-other-key")).andExpect(status().isUnauthorized());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void tamperedBodyIs401AndPublishesNothing() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");
		String signature = sign(body);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"amount\"", "\"amount\" ")
			.getBytes(StandardCharsets.UTF_8);

		deliver(tampered, signature).andExpect(status().isUnauthorized());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void malformedSignatureHeaderIs401() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		deliver(body, "not-hex-at-all").andExpect(status().isUnauthorized());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void signedBodyThatIsNotJsonIs400() throws Exception {
		byte[] body = "this is not json".getBytes(StandardCharsets.UTF_8);

		deliver(body, sign(body)).andExpect(status().isBadRequest())
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("this is not json"))));

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void signedJsonArrayIs400() throws Exception {
		byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);

		deliver(body, sign(body)).andExpect(status().isBadRequest());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void duplicateDeliveryIsAcknowledgedButPublishedOnce() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		deliver(body, sign(body)).andExpect(status().isOk());
		deliver(body, sign(body)).andExpect(status().isOk()).andExpect(content().json("{\"outcome\":\"duplicate\"}"));

		assertThat(this.listener.payloads()).hasSize(1);
	}

	@Test
	void sameResultWithANewStatusIsNotADuplicate() throws Exception {
		byte[] pending = WebhookTestApplication.example("status-incoming_payment-pending.json");
		String success = new String(pending, StandardCharsets.UTF_8).replace("\"Pending\"", "\"Success\"");
		byte[] successBody = success.getBytes(StandardCharsets.UTF_8);

		deliver(pending, sign(pending)).andExpect(status().isOk());
		deliver(successBody, sign(successBody)).andExpect(status().isOk());

		assertThat(this.listener.incomingPayments).extracting(IncomingPaymentResult::status)
			.containsExactly("Pending", "Success");
	}

	@Test
	void eachStateOfAPaymentLinkIsPublished() throws Exception {
		String active = WebhookTestApplication.exampleText("status-payment_link-active.json");
		String paid = active.replace("\"payment_link_status\": \"Active\"", "\"status\": \"Paid\"");
		String expired = active.replace("\"Active\"", "\"Expired\"");

		for (String body : new String[] { active, paid, expired }) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			deliver(bytes, sign(bytes)).andExpect(status().isOk())
				.andExpect(content().json("{\"outcome\":\"accepted\"}"));
		}

		assertThat(this.listener.payloads()).hasSize(3)
			.allSatisfy((payload) -> assertThat(payload).isInstanceOf(PaymentLinkResult.class));
		assertThat(this.listener.payloads()).map((payload) -> ((PaymentLinkResult) payload).isPaid())
			.containsExactly(false, true, false);
	}

	@Test
	void aPaymentLinkStateDeliveredAgainIsADuplicate() throws Exception {
		byte[] paid = WebhookTestApplication.example("result-payment_link-paid.json");

		deliver(paid, sign(paid)).andExpect(status().isOk());
		deliver(paid, sign(paid)).andExpect(status().isOk()).andExpect(content().json("{\"outcome\":\"duplicate\"}"));

		assertThat(this.listener.payloads()).hasSize(1);
	}

	@Test
	void differentWebhooksWithBlankIdsAreBothPublished() throws Exception {
		String webhook = WebhookTestApplication.exampleText("webhook-buygoods_transaction_received.json")
			.replace("\"" + Examples.TILL_PAYMENT_EVENT_ID + "\"", "\"\"")
			.replace("\"" + Examples.TILL_PAYMENT_RESOURCE_ID + "\"", "\"\"");
		byte[] first = webhook.getBytes(StandardCharsets.UTF_8);
		byte[] second = webhook.replace("OJM6Q1W84K", "OJM6Q1W85L").getBytes(StandardCharsets.UTF_8);

		deliver(first, sign(first)).andExpect(status().isOk());
		deliver(second, sign(second)).andExpect(status().isOk())
			.andExpect(content().json("{\"outcome\":\"accepted\"}"));

		assertThat(this.listener.buygoods).extracting(BuygoodsTransactionReceived::reference)
			.containsExactly("OJM6Q1W84K", "OJM6Q1W85L");
	}

	@Test
	void differentResultsWithBlankIdsAreBothPublished() throws Exception {
		String result = WebhookTestApplication.exampleText("result-incoming_payment-success.json")
			.replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"\"");
		byte[] first = result.getBytes(StandardCharsets.UTF_8);
		byte[] second = result.replace("\"Success\"", "\"Failed\"").getBytes(StandardCharsets.UTF_8);

		deliver(first, sign(first)).andExpect(status().isOk());
		deliver(second, sign(second)).andExpect(status().isOk())
			.andExpect(content().json("{\"outcome\":\"accepted\"}"));

		assertThat(this.listener.incomingPayments).hasSize(2);
	}

	@Test
	void listenerFailureIs500AndTheRedeliveryIsPublished() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-b2b_transaction_received.json");
		this.listener.failNext.set(1);

		deliver(body, sign(body)).andExpect(status().isInternalServerError())
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("listener failure"))));
		assertThat(this.listener.payloads()).isEmpty();

		deliver(body, sign(body)).andExpect(status().isOk()).andExpect(content().json("{\"outcome\":\"accepted\"}"));
		assertThat(this.listener.payloads()).singleElement().isInstanceOf(B2bTransactionReceived.class);
	}

	@Test
	void listenerErrorReleasesTheDeliverySoTheRedeliveryIsPublished() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-customer_created.json");
		this.listener.errorNext.set(1);

		int status;
		try {
			status = deliver(body, sign(body)).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			// Spring MVC passes an Error on to the container, which answers 500.
			assertThat(ex).hasRootCauseInstanceOf(AssertionError.class);
			status = 500;
		}
		assertThat(status).isEqualTo(500);
		assertThat(this.listener.payloads()).isEmpty();

		deliver(body, sign(body)).andExpect(status().isOk()).andExpect(content().json("{\"outcome\":\"accepted\"}"));
		assertThat(this.listener.payloads()).singleElement().isInstanceOf(CustomerCreated.class);
	}

	@Test
	void repeatWhileTheFirstDeliveryIsInProgressIsToldToRetry() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");
		String key = "buygoods:" + Examples.TILL_PAYMENT_RESOURCE_ID;
		assertThat(this.registry.begin(key)).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);

		deliver(body, sign(body)).andExpect(status().isConflict())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Retry-After", "1"));
		assertThat(this.listener.payloads()).isEmpty();

		this.registry.abandon(key);
		deliver(body, sign(body)).andExpect(status().isOk());
		assertThat(this.listener.payloads()).hasSize(1);
	}

	@Test
	void unknownTopicWithAnIdIsRecognisedWhenRepeated() throws Exception {
		byte[] first = "{\"topic\":\"brand_new_topic\",\"id\":\"e-7\"}".getBytes(StandardCharsets.UTF_8);
		byte[] reformatted = "{ \"id\": \"e-7\", \"topic\": \"brand_new_topic\" }".getBytes(StandardCharsets.UTF_8);

		deliver(first, sign(first)).andExpect(status().isOk());
		deliver(reformatted, sign(reformatted)).andExpect(status().isOk())
			.andExpect(content().json("{\"outcome\":\"duplicate\"}"));

		assertThat(this.listener.payloads()).hasSize(1);
	}

	@Test
	void oversizedBodyIs413() throws Exception {
		byte[] body = new byte[65 * 1024];
		java.util.Arrays.fill(body, (byte) ' ');

		deliver(body, sign(body)).andExpect(status().isPayloadTooLarge());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void nonJsonContentTypeIs415() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		this.mvc.perform(
				post(PATH).contentType(MediaType.TEXT_PLAIN).content(body).header("X-KopoKopo-Signature", sign(body)))
			.andExpect(status().isUnsupportedMediaType());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void typeThatOnlyStartsLikeJsonIs415() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		this.mvc.perform(
				post(PATH).contentType("application/jsonx").content(body).header("X-KopoKopo-Signature", sign(body)))
			.andExpect(status().isUnsupportedMediaType());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "application/json garbage", "application/*+json", "text/json",
			"application/+json", "application/json, text/plain" })
	void wildcardOrMalformedContentTypeIs415(String contentType) throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		this.mvc.perform(post(PATH).contentType(contentType).content(body).header("X-KopoKopo-Signature", sign(body)))
			.andExpect(status().isUnsupportedMediaType());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/vnd.kopokopo+json", "APPLICATION/JSON", "application/json;charset=UTF-8",
			"application/json ; charset=utf-8" })
	void jsonContentTypesAreAccepted(String contentType) throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-buygoods_transaction_received.json");

		this.mvc.perform(post(PATH).contentType(contentType).content(body).header("X-KopoKopo-Signature", sign(body)))
			.andExpect(status().isOk());

		assertThat(this.listener.payloads()).singleElement().isInstanceOf(BuygoodsTransactionReceived.class);
	}

	@Test
	void jsonWithCharsetIsAccepted() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-m2m_transaction_received.json");

		this.mvc
			.perform(post(PATH).contentType("application/json; charset=utf-8")
				.content(body)
				.header("x-kopokopo-signature", sign(body)))
			.andExpect(status().isOk());

		assertThat(this.listener.payloads()).singleElement().isInstanceOf(M2mTransactionReceived.class);
	}

	@Test
	void getIs405NamingTheAllowedMethods() throws Exception {
		this.mvc.perform(get(PATH))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(header().string("Allow", "POST, OPTIONS"))
			.andExpect(content().json("{\"outcome\":\"method_not_allowed\"}"));
	}

	@Test
	void signedPutIs405AndPublishesNothing() throws Exception {
		byte[] body = WebhookTestApplication.example("webhook-m2m_transaction_received.json");

		this.mvc
			.perform(put(PATH).contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.header("X-KopoKopo-Signature", sign(body)))
			.andExpect(status().isMethodNotAllowed());

		assertThat(this.listener.payloads()).isEmpty();
	}

	@Test
	void optionsNamesTheAllowedMethods() throws Exception {
		this.mvc.perform(options(PATH)).andExpect(status().isOk()).andExpect(header().string("Allow", "POST, OPTIONS"));
	}

	private ResultActions deliver(byte[] body, String signature) throws Exception {
		return this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.header("X-KopoKopo-Signature", signature));
	}

	private static String sign(byte[] body) {
		return K2Signatures.sign(body, WebhookTestApplication.API_KEY);
	}

}
