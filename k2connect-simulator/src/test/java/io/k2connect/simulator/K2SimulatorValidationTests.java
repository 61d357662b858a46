package io.k2connect.simulator;

import java.net.http.HttpResponse;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every create endpoint refuses a broken body with {@code 400 {"error_code": 400,
 * "error_message": ...}} naming the field (docs/k2-api.md §14), and stores nothing.
 */
@K2SimulatorTest
class K2SimulatorValidationTests {

	@ParameterizedTest(name = "{0} without {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					request-incoming_payment.json              | till_number            | Till number can't be blank
					request-incoming_payment.json              | subscriber             | Subscriber can't be blank
					request-incoming_payment.json              | amount                 | Amount can't be blank
					request-incoming_payment.json              | _links                 | Callback url can't be blank
					request-incoming_payment.json              | payment_channel        | Payment channel can't be blank
					request-send_pay.json                      | destination_reference  | Destination reference can't be blank
					request-send_pay.json                      | description            | Description can't be blank
					request-send_pay.json                      | destination_type       | Destination type can't be blank
					request-pay_recipient-till.json            | pay_recipient          | Pay recipient can't be blank
					request-merchant_bank_account-v1.json      | bank_branch_ref        | Bank branch ref can't be blank
					request-merchant_wallet-v1.json            | network                | Network can't be blank
					request-settlement_transfer-targeted.json  | destination_reference  | Destination reference can't be blank
					request-settlement_transfer-blind.json     | _links                 | Callback url can't be blank
					request-webhook_subscription-till.json     | scope_reference        | Scope reference can't be blank
					request-webhook_subscription-till.json     | url                    | Url can't be blank
					request-transaction_sms_notification.json  | webhook_event_reference | Webhook event reference can't be blank
					request-transaction_sms_notification.json  | message                | Message can't be blank
					request-polling.json                       | from_time              | From time can't be blank
					request-polling-till.json                  | scope_reference        | Scope reference can't be blank
					""")
	void missingRequiredFieldIsNamed(String example, String field, String message, K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example(example);
		body.remove(field);
		assertRefused(k2, client, path(example), body, message);
	}

	@Test
	void invalidSubscriberPhoneIsRefusedInK2sWords(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-incoming_payment.json");
		((ObjectNode) body.get("subscriber")).put("phone_number", "0712345678");
		// The exact text of K2's own error example (error-400-incoming_payment.json).
		assertRefused(k2, client, "/api/v1/incoming_payments", body, "Subscriber phone number is an invalid number");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0        | Amount value must be greater than 0
			-5       | Amount value must be greater than 0
			'"ten"'  | Amount value is not a number
			10.123   | Amount value must have at most 2 decimal places
			""")
	void badAmountIsRefused(String value, String message, K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-incoming_payment.json");
		((ObjectNode) body.get("amount")).set("value", Api.json(value));
		assertRefused(k2, client, "/api/v1/incoming_payments", body, message);
	}

	@Test
	void currencyOtherThanKesIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-send_pay.json");
		((ObjectNode) body.get("amount")).put("currency", "USD");
		assertRefused(k2, client, "/api/v1/payments", body, "Amount currency must be KES");
	}

	@Test
	void moreThanFiveMetadataEntriesAreRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-incoming_payment.json");
		ObjectNode metadata = body.putObject("metadata");
		for (int i = 0; i < 6; i++) {
			metadata.put("k" + i, "v");
		}
		assertRefused(k2, client, "/api/v1/incoming_payments", body, "Metadata must have at most 5 key-value pairs");
	}

	@Test
	void relativeCallbackUrlIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-incoming_payment.json");
		((ObjectNode) body.get("_links")).put("callback_url", "/k2/results");
		assertRefused(k2, client, "/api/v1/incoming_payments", body,
				"Callback url must be an absolute http or https URL");
	}

	@Test
	void unknownRecipientTypeIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-pay_recipient-till.json");
		body.put("type", "kopo_kopo_merchant");
		assertRefused(k2, client, "/api/v1/pay_recipients", body,
				"Type must be one of bank_account, mobile_wallet, paybill, till");
	}

	@Test
	void unknownSettlementMethodIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-merchant_bank_account-v1.json");
		body.put("settlement_method", "SWIFT");
		assertRefused(k2, client, "/api/v1/merchant_bank_accounts", body, "Settlement method must be one of eft, rts");
	}

	@Test
	void unknownEventTypeIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-webhook_subscription-till.json");
		body.put("event_type", "money_found");
		assertRefused(k2, client, "/api/v1/webhook_subscriptions", body,
				"Event type money_found is not a supported event type");
	}

	@Test
	void darajaPayloadForAnotherTopicIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-webhook_subscription-company.json");
		body.put("enable_daraja_payload", true);
		assertRefused(k2, client, "/api/v2/webhook_subscriptions", body,
				"Enable daraja payload is only available for buygoods_transaction_received and b2b_transaction_received");
	}

	@Test
	void pollingWindowMustRunForwards(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-polling.json");
		body.put("from_time", "2021-04-19T08:50:22+03:00").put("to_time", "2021-04-12T08:50:22+03:00");
		assertRefused(k2, client, "/api/v1/polling", body, "From time must be before to time");
	}

	@Test
	void pollingTimeWithoutOffsetIsRefused(K2Simulator k2, K2Client client) {
		ObjectNode body = Api.example("request-polling.json");
		body.put("from_time", "2021-04-12 08:50");
		assertRefused(k2, client, "/api/v1/polling", body,
				"From time must be an ISO-8601 time with an offset, e.g. 2021-04-12T08:50:22+03:00");
	}

	@Test
	void everyProblemIsListed(K2Simulator k2, K2Client client) {
		assertRefused(k2, client, "/api/v1/transaction_sms_notifications", Api.json("{}"),
				"Webhook event reference can't be blank, Message can't be blank, Callback url can't be blank");
	}

	@Test
	void bodyThatIsNotAJsonObjectIsRefused(K2Simulator k2, K2Client client) {
		HttpResponse<String> response = Api.post(k2, client.accessToken().accessToken(), "/api/v1/polling", "[1,2]");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Api.json(response.body()).get("error_message").asString())
			.isEqualTo("Request body must be a JSON object");
	}

	@Test
	void refusedRequestStoresNothing(K2Simulator k2, K2Client client) throws InterruptedException {
		ObjectNode body = Api.example("request-incoming_payment.json");
		body.remove("till_number");
		Api.post(k2, client, "/api/v1/incoming_payments", body);
		Thread.sleep(150);
		assertThat(k2.deliveries()).isEmpty();
	}

	@Test
	void unknownIdIsNotFound(K2Simulator k2, K2Client client) {
		HttpResponse<String> response = Api
			.get(k2.baseUrl().resolve("/api/v1/incoming_payments/00000000-0000-0000-0000-000000000000"), client);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Api.json(response.body()).get("error_code").asInt()).isEqualTo(404);
	}

	@Test
	void idOfAnotherCollectionIsNotFound(K2Simulator k2, K2Client client) {
		HttpResponse<String> created = Api.post(k2, client, "/api/v1/merchant_wallets",
				Api.example("request-merchant_wallet-v1.json"));
		String id = ResourceLocation.of(Api.location(created)).id();
		assertThat(Api.get(k2.baseUrl().resolve("/api/v1/payments/" + id), client).statusCode()).isEqualTo(404);
	}

	@Test
	void unknownPathIsNotFound(K2Simulator k2, K2Client client) {
		assertThat(Api.post(k2, client, "/api/v1/nothing_here", Api.json("{}")).statusCode()).isEqualTo(404);
		assertThat(Api.post(k2, client, "/api/v2/payments", Api.json("{}")).statusCode()).isEqualTo(404);
	}

	@Test
	void wrongMethodIsNotAllowed(K2Simulator k2, K2Client client) {
		HttpResponse<String> response = Api.get(k2.baseUrl().resolve("/api/v1/incoming_payments"), client);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	static void assertRefused(K2Simulator k2, K2Client client, String path, JsonNode body, String message) {
		HttpResponse<String> response = Api.post(k2, client, path, body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode error = Api.json(response.body());
		assertThat(error.get("error_code").asInt()).isEqualTo(400);
		assertThat(error.get("error_message").asString()).isEqualTo(message);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	private static String path(String example) {
		String name = example.substring("request-".length(), example.indexOf('.'));
		if (name.startsWith("incoming_payment")) {
			return "/api/v1/incoming_payments";
		}
		if (name.startsWith("send_pay")) {
			return "/api/v1/payments";
		}
		if (name.startsWith("pay_recipient")) {
			return "/api/v1/pay_recipients";
		}
		if (name.startsWith("merchant_bank_account")) {
			return "/api/v1/merchant_bank_accounts";
		}
		if (name.startsWith("merchant_wallet")) {
			return "/api/v1/merchant_wallets";
		}
		if (name.startsWith("settlement_transfer")) {
			return "/api/v1/settlement_transfers";
		}
		if (name.startsWith("webhook_subscription")) {
			return "/api/v1/webhook_subscriptions";
		}
		if (name.startsWith("transaction_sms_notification")) {
			return "/api/v1/transaction_sms_notifications";
		}
		return "/api/v1/polling";
	}

}
