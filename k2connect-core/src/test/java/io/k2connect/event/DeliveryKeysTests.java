package io.k2connect.event;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryKeysTests {

	private final K2PayloadParser parser = new K2PayloadParser();

	@Test
	void eventIsKeyedByItsId() {
		assertThat(key("webhook-buygoods_transaction_reversed.json")).startsWith("event:");
		assertThat(key("webhook-customer_created.json")).startsWith("event:");
	}

	@Test
	void tillPaymentIsKeyedByItsTransactionNotByTheEventThatCarriesIt() {
		assertThat(key("webhook-buygoods_transaction_received.json"))
			.isEqualTo("buygoods:458712f-gr76y-24b9-40fc-ae57-2d35785760");
		byte[] sameTransactionOtherEvent = bytes(text("webhook-buygoods_transaction_received.json")
			.replace("2133dbfb-24b9-40fc-ae57-2d7559785760", "another-event-id"));
		assertThat(key(sameTransactionOtherEvent)).isEqualTo(key("webhook-buygoods_transaction_received.json"));
	}

	@Test
	void tillPaymentWithoutATransactionIdIsKeyedByItsEventId() {
		byte[] body = bytes(text("webhook-buygoods_transaction_received.json")
			.replace("458712f-gr76y-24b9-40fc-ae57-2d35785760", " "));
		assertThat(key(body)).isEqualTo("event:2133dbfb-24b9-40fc-ae57-2d7559785760");
	}

	@Test
	void aTillPaymentReplayedByPollingHasTheKeyOfItsWebhook() {
		PollingResult polling = (PollingResult) this.parser.parse(Examples.bytes("result-polling-success.json"));
		PollingTransaction transaction = polling.transactions().get(0);
		assertThat(transaction.isBuygoodsTransaction()).isTrue();
		BuygoodsTransactionReceived replayed = transaction.toBuygoodsTransactionReceived();

		assertThat(DeliveryKeys.ofContent(replayed)).isEqualTo("buygoods:c40d5a7a-09ef-4c8b-b5e4-8adb30d66c37");
		assertThat(replayed.topic()).isEqualTo(BuygoodsTransactionReceived.TOPIC);
		assertThat(replayed.id()).isNull();
		assertThat(replayed.amount()).isEqualByComparingTo("1.0");
		assertThat(replayed.senderPhoneNumber()).isEqualTo("+254799999999");
		assertThat(replayed.tillNumber()).isEqualTo("K123456");
		assertThat(replayed.originationTime()).isEqualTo(transaction.resource().originationTime());
	}

	@Test
	void onlyTillPaymentsWithAnIdBecomeTillPaymentEvents() {
		IncomingPaymentResource resource = new IncomingPaymentResource("t-1", null, null, null, null, null, null, null,
				null, null, null, null, null);
		assertThat(new PollingTransaction("buygoods transaction", resource).isBuygoodsTransaction()).isTrue();
		assertThat(new PollingTransaction("B2b Transaction", resource).isBuygoodsTransaction()).isFalse();
		assertThat(new PollingTransaction(null, resource).isBuygoodsTransaction()).isFalse();
		assertThat(new PollingTransaction("Buygoods Transaction", null).isBuygoodsTransaction()).isFalse();
		PollingTransaction withoutId = new PollingTransaction("Buygoods Transaction", new IncomingPaymentResource(" ",
				null, null, null, null, null, null, null, null, null, null, null, null));
		assertThat(withoutId.isBuygoodsTransaction()).isFalse();
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(withoutId::toBuygoodsTransactionReceived);
	}

	@Test
	void reformattedEventHasTheSameKey() {
		byte[] first = bytes("{\"topic\":\"customer_created\",\"id\":\"e-1\",\"created_at\":\"2026-01-01T00:00:00Z\"}");
		byte[] again = bytes(
				"{ \"created_at\": \"2026-01-01T00:00:00Z\", \"id\": \"e-1\", \"topic\": \"customer_created\" }");

		assertThat(key(again)).isEqualTo(key(first));
	}

	@Test
	void resultIsKeyedByTypeIdAndStatus() {
		assertThat(key("result-incoming_payment-success.json"))
			.startsWith("result:incoming_payment:a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc;status=\"Success\"");
	}

	/** Each state, nested ones too, makes a delivery of its own when it changes. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "status-incoming_payment-pending.json | \"Pending\" | \"Success\"",
			"status-payment_link-active.json | \"payment_link_status\": \"Active\" | \"payment_link_status\": \"Expired\"",
			"status-payment_link-active.json | \"payment_link_status\": \"Active\" | \"status\": \"Paid\"",
			"result-payment_link-paid.json | DAVSTK1777482274 | DAVSTK1777482999",
			"result-send_money-processed.json | \"status\": \"Transferred\" | \"status\": \"Failed\"",
			"result-payment-processed.json | \"status\": \"Transferred\" | \"status\": \"Failed\"",
			"result-settlement_transfer-processed.json | \"status\": \"Transferred\" | \"status\": \"Failed\"",
			"result-reversal-processed.json | \"status\": \"Transferred\" | \"status\": \"Failed\"",
			"result-polling-success.json | \"Success\" | \"Failed\"",
			"result-transaction_sms_notification-success.json | \"Success\" | \"Failed\"",
			"status-send_money-scheduled.json | \"Scheduled\" | \"Processed\"" })
	void changedStateIsANewDelivery(String example, String from, String to) {
		String before = text(example);
		String after = before.replaceFirst(java.util.regex.Pattern.quote(from),
				java.util.regex.Matcher.quoteReplacement(to));
		assertThat(after).isNotEqualTo(before);

		assertThat(key(bytes(after))).isNotEqualTo(key(bytes(before)));
	}

	@Test
	void sendMoneyDestinationStatusesArePartOfTheKey() {
		String scheduled = "{\"data\":{\"id\":\"s-1\",\"type\":\"send_money\",\"attributes\":{\"status\":\"Processed\","
				+ "\"destinations\":[{\"type\":\"till\",\"status\":\"%s\"}]}}}";

		assertThat(key(bytes(scheduled.formatted("Pending")))).isNotEqualTo(key(bytes(scheduled.formatted("Paid"))));
	}

	@Test
	void callbackAndStatusDocumentInTheSameStateHaveTheSameContentKey() {
		K2Payload callback = this.parser.parse(Examples.bytes("result-payment_link-paid.json"));
		String withoutLinks = text("result-payment_link-paid.json").replace("\"note\": \"Notes\",", "");
		K2Payload statusDocument = this.parser.parse(bytes(withoutLinks));

		assertThat(DeliveryKeys.ofContent(statusDocument)).isNotNull().isEqualTo(DeliveryKeys.ofContent(callback));
	}

	@Test
	void blankEventIdIsNoKey() {
		K2Payload payload = this.parser.parse(bytes("{\"topic\":\"customer_created\",\"id\":\" \"}"));

		assertThat(DeliveryKeys.ofContent(payload)).isNull();
	}

	@Test
	void blankResultIdIsNoKey() {
		K2Payload payload = this.parser.parse(bytes(
				"{\"data\":{\"id\":\"\",\"type\":\"incoming_payment\"," + "\"attributes\":{\"status\":\"Success\"}}}"));

		assertThat(DeliveryKeys.ofContent(payload)).isNull();
	}

	@Test
	void payloadsWithoutAKeyAreRecognisedOnlyByteForByte() {
		byte[] first = bytes(
				"{\"topic\":\"customer_created\",\"id\":\"\",\"event\":{\"resource\":{\"first_name\":\"A\"}}}");
		byte[] other = bytes(
				"{\"topic\":\"customer_created\",\"id\":\"\",\"event\":{\"resource\":{\"first_name\":\"B\"}}}");

		assertThat(key(first)).startsWith("sha256:").isEqualTo(key(first.clone())).isNotEqualTo(key(other));
	}

	@Test
	void unknownResultTypeIsNotKeyedByContent() {
		K2Payload payload = this.parser.parse(Examples.bytes("status-merchant_bank_account.json"));

		assertThat(DeliveryKeys.ofContent(payload)).isNull();
	}

	@Test
	void unknownTopicWithAnIdIsKeyedByIt() {
		K2Payload payload = this.parser.parse(bytes("{\"topic\":\"brand_new_topic\",\"id\":\"e-7\"}"));

		assertThat(DeliveryKeys.ofContent(payload)).isEqualTo("event:e-7");
	}

	@Test
	void darajaEventIsKeyedByItsReceipt() {
		assertThat(key("webhook-daraja-buygoods_transaction_received.json")).startsWith("daraja:");
	}

	@Test
	void quotesInAStateCannotMakeTwoStateListsAlike() {
		String template = "{\"data\":{\"id\":\"r-1\",\"type\":\"incoming_payment\",\"attributes\":{\"status\":%s,"
				+ "\"event\":{\"resource\":{\"status\":%s}}}}}";
		byte[] one = bytes(template.formatted("\"A\\\";resource.status=\\\"B\"", "null"));
		byte[] two = bytes(template.formatted("\"A\"", "\"B\""));

		assertThat(key(one)).isNotEqualTo(key(two));
	}

	@Test
	void longKeysAreReplacedByTheirDigest() {
		String id = "x".repeat(400);
		K2Payload payload = this.parser.parse(bytes("{\"topic\":\"customer_created\",\"id\":\"" + id + "\"}"));

		assertThat(DeliveryKeys.ofContent(payload)).startsWith("key-sha256:")
			.hasSizeLessThanOrEqualTo(DeliveryKeys.MAX_LENGTH);
	}

	private String key(String example) {
		return key(Examples.bytes(example));
	}

	private String key(byte[] body) {
		return DeliveryKeys.of(this.parser.parse(body), body);
	}

	private static String text(String example) {
		return new String(Examples.bytes(example), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
