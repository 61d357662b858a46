package io.k2connect.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.k2connect.K2PayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class K2PayloadParserTests {

	private final K2PayloadParser parser = new K2PayloadParser();

	@Test
	void emptyBodyIsRejected() {
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(new byte[0]))
			.withMessage("K2 payload is empty");
	}

	@Test
	void whitespaceOnlyBodyIsRejected() {
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(" \r\n\t "))
			.withMessage("K2 payload is empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "{", "{\"topic\":", "{\"a\":1,}", "<xml/>", "{\"a\":1} {\"b\":2}", "{'a':1}" })
	void malformedJsonIsRejected(String body) {
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(body))
			.withMessageStartingWith("K2 payload is not valid JSON");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[{\"topic\":\"customer_created\"}]", "\"hello\"", "42", "true", "null" })
	void jsonThatIsNotAnObjectIsRejected(String body) {
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(body))
			.withMessageStartingWith("K2 payload is not a JSON object");
	}

	@Test
	void invalidUtf8IsRejected() {
		byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(body));
	}

	@Test
	void deeplyNestedBodyIsRejected() {
		String body = "{\"a\":".repeat(K2PayloadParser.MAX_NESTING_DEPTH + 1) + "1"
				+ "}".repeat(K2PayloadParser.MAX_NESTING_DEPTH + 1);
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(body))
			.withMessageContaining("nested deeper than 64 levels");
	}

	@Test
	void nestingWithinTheLimitIsAccepted() {
		String metadata = "{\"a\":".repeat(20) + "1" + "}".repeat(20);
		String body = "{\"data\":{\"type\":\"polling\",\"attributes\":{\"metadata\":" + metadata + "}}}";
		assertThat(this.parser.parse(body)).isInstanceOf(PollingResult.class);
	}

	@Test
	void overlongNumberIsRejected() {
		String body = "{\"topic\":\"customer_created\",\"n\":" + "9".repeat(5_000) + "}";
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse(body));
	}

	@Test
	void unknownTopicIsKeptAsRawJson() {
		String body = "{\"topic\":\"loyalty_points_awarded\",\"id\":\"e-1\",\"event\":{\"type\":\"Points\"}}";
		assertThat(this.parser.parse(body)).isEqualTo(new UnknownPayload("e-1", "loyalty_points_awarded", null, body));
	}

	@Test
	void unknownResultTypeIsKeptAsRawJson() {
		String body = "{\"data\":{\"id\":\"r-1\",\"type\":\"merchant_wallet\",\"attributes\":{\"status\":\"Approved\"}}}";
		assertThat(this.parser.parse(body)).isEqualTo(new UnknownPayload("r-1", null, "merchant_wallet", body));
	}

	@Test
	void objectWithNeitherTopicNorDataIsUnknown() {
		assertThat(this.parser.parse("{\"hello\":\"world\"}"))
			.isEqualTo(new UnknownPayload(null, null, null, "{\"hello\":\"world\"}"));
	}

	@Test
	void topicThatIsNotAStringIsUnknown() {
		assertThat(this.parser.parse("{\"topic\":{\"name\":\"customer_created\"},\"id\":7}"))
			.isEqualTo(new UnknownPayload("7", null, null, "{\"topic\":{\"name\":\"customer_created\"},\"id\":7}"));
	}

	@Test
	void dataThatIsNotAnObjectIsUnknown() {
		assertThat(this.parser.parse("{\"data\":[1,2]}")).isInstanceOf(UnknownPayload.class);
	}

	@Test
	void rawJsonOfAnUnknownPayloadIsTheBodyAsSent() {
		String body = "{\n  \"topic\" : \"new_topic\",\n  \"name\": \"Wanjik\u0169\"\n}\n";
		UnknownPayload payload = (UnknownPayload) this.parser.parse(body.getBytes(StandardCharsets.UTF_8));
		assertThat(payload.rawJson()).isEqualTo(body);
	}

	@Test
	void eventWithOnlyATopicHasNullFields() {
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) this.parser
			.parse("{\"topic\":\"buygoods_transaction_received\"}");
		assertThat(event).isEqualTo(new BuygoodsTransactionReceived(null, "buygoods_transaction_received", null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null));
	}

	@Test
	void resultWithOnlyATypeHasNullFields() {
		IncomingPaymentResult result = (IncomingPaymentResult) this.parser
			.parse("{\"data\":{\"type\":\"incoming_payment\"}}");
		assertThat(result)
			.isEqualTo(new IncomingPaymentResult(null, "incoming_payment", null, null, null, null, null, null, null));
		assertThat(result.isSuccess()).isFalse();
		assertThat(result.isFailed()).isFalse();
		assertThat(result.isPending()).isFalse();
	}

	@Test
	void fieldsOfTheWrongJsonTypeAreNull() {
		String body = "{\"topic\":\"buygoods_transaction_received\",\"id\":{\"x\":1},\"created_at\":12345,"
				+ "\"event\":{\"type\":[\"Buygoods\"],\"resource\":{\"amount\":{\"value\":1},\"reference\":[],"
				+ "\"origination_time\":true,\"till_number\":null}},\"_links\":\"https://example.com\"}";
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) this.parser.parse(body);
		assertThat(event.id()).isNull();
		assertThat(event.createdAt()).isNull();
		assertThat(event.eventType()).isNull();
		assertThat(event.amount()).isNull();
		assertThat(event.reference()).isNull();
		assertThat(event.originationTime()).isNull();
		assertThat(event.tillNumber()).isNull();
		assertThat(event.links()).isNull();
	}

	@Test
	void resourceThatIsNotAnObjectGivesNullResourceFields() {
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) this.parser
			.parse("{\"topic\":\"buygoods_transaction_received\",\"id\":\"e\",\"event\":{\"resource\":\"oops\"}}");
		assertThat(event.id()).isEqualTo("e");
		assertThat(event.resourceId()).isNull();
	}

	@Test
	void numbersAndBooleansAreReadAsTextWhereTextIsExpected() {
		BuygoodsTransactionReceived event = (BuygoodsTransactionReceived) this.parser
			.parse("{\"topic\":\"buygoods_transaction_received\",\"event\":{\"resource\":{\"till_number\":514459,"
					+ "\"sender_phone_number\":254700000000,\"status\":true}}}");
		assertThat(event.tillNumber()).isEqualTo("514459");
		assertThat(event.senderPhoneNumber()).isEqualTo("254700000000");
		assertThat(event.status()).isEqualTo("true");
	}

	@Test
	void unknownFieldsAreIgnored() {
		CustomerCreated event = (CustomerCreated) this.parser.parse("{\"topic\":\"customer_created\",\"brand_new\":"
				+ "{\"nested\":[1,2,3]},\"event\":{\"resource\":{\"first_name\":\"Jane\",\"loyalty\":5}}}");
		assertThat(event.firstName()).isEqualTo("Jane");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"100.50\"", "100.50", "\" 100.50 \"", "\"1.0050E2\"" })
	void amountsAreReadExactlyFromStringsOrNumbers(String amount) {
		BuygoodsTransactionReceived event = buygoodsWithResource("\"amount\":" + amount);
		assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("100.50"));
	}

	@Test
	void decimalAmountIsNotRoundedThroughDouble() {
		BuygoodsTransactionReceived event = buygoodsWithResource("\"amount\":0.1000000000000000055511151231257827");
		assertThat(event.amount()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"abc\"", "\"1,000\"", "\"NaN\"", "\"Infinity\"", "\"1e99999999999\"", "null",
			"[]", "true" })
	void unreadableAmountsAreNull(String amount) {
		assertThat(buygoodsWithResource("\"amount\":" + amount).amount()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2020-10-22T10:43:19+03:00", "2020-10-22T10:43:19.000+03:00",
			"2020-10-22T10:43:19.000000+03:00", "2020-10-22T07:43:19Z", "2020-10-22T07:43:19.000Z",
			"2020-10-22T10:43:19+0300", "2020-10-22t07:43:19z", "2020-10-22T10:43:19.000000000+03:00" })
	void timesAreReadWithOrWithoutFractionsAndInSeveralOffsetForms(String time) {
		BuygoodsTransactionReceived event = buygoodsWithResource("\"origination_time\":\"" + time + "\"");
		assertThat(event.originationTime()).isNotNull();
		assertThat(event.originationTime().toInstant())
			.isEqualTo(OffsetDateTime.of(2020, 10, 22, 10, 43, 19, 0, ZoneOffset.ofHours(3)).toInstant());
	}

	@Test
	void fractionalSecondsArePreserved() {
		BuygoodsTransactionReceived event = buygoodsWithResource(
				"\"origination_time\":\"2021-01-27T10:57:58.6234+03:00\"");
		assertThat(event.originationTime().getNano()).isEqualTo(623_400_000);
	}

	@Test
	void negativeOffsetIsRead() {
		BuygoodsTransactionReceived event = buygoodsWithResource("\"origination_time\":\"2021-01-27T10:57:58-05:30\"");
		assertThat(event.originationTime().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "yesterday", "2020-10-22", "2020-10-22T10:43:19", "2020-13-22T10:43:19+03:00",
			"2020-02-30T10:43:19+03:00", "2020-10-22T25:43:19+03:00", "2020-10-22T10:43:19+25:00",
			"2020-10-22T10:43:19.123", "20201022104319", "2020-10-22 10:43:19+03:00",
			"\u0662020-10-22T10:43:19+03:00" })
	void unreadableTimesAreNull(String time) {
		assertThat(buygoodsWithResource("\"origination_time\":\"" + time + "\"").originationTime()).isNull();
	}

	@Test
	void escapedCharactersAreDecoded() {
		CustomerCreated event = (CustomerCreated) this.parser.parse(
				"{\"topic\":\"customer_created\",\"event\":{\"resource\":{\"phone_number\":\"\\u002B254999999999\"}}}");
		assertThat(event.phoneNumber()).isEqualTo("+254999999999");
	}

	@Test
	void nonAsciiNamesAreDecodedFromUtf8() {
		byte[] body = "{\"topic\":\"customer_created\",\"event\":{\"resource\":{\"first_name\":\"Wanjik\u0169\"}}}"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(((CustomerCreated) this.parser.parse(body)).firstName()).isEqualTo("Wanjik\u0169");
	}

	@Test
	void incomingPaymentErrorsGivenAsAListAreJoined() {
		IncomingPaymentResult result = (IncomingPaymentResult) this.parser
			.parse("{\"data\":{\"type\":\"incoming_payment\",\"attributes\":{\"status\":\"Failed\","
					+ "\"event\":{\"errors\":[\"Request cancelled by user\",\"Timeout\"]}}}}");
		assertThat(result.errors()).isEqualTo("Request cancelled by user; Timeout");
	}

	@Test
	void errorsGivenAsObjectsKeepTheirJson() {
		SendMoneyResult result = (SendMoneyResult) this.parser
			.parse("{\"data\":{\"type\":\"send_money\"," + "\"attributes\":{\"errors\":[{\"code\":\"E1\"}]}}}");
		assertThat(result.errors()).isEqualTo("{\"code\":\"E1\"}");
	}

	@Test
	void emptyErrorListIsNull() {
		ReversalResult result = (ReversalResult) this.parser
			.parse("{\"data\":{\"type\":\"reversal\",\"attributes\":{\"errors\":[]}}}");
		assertThat(result.errors()).isNull();
	}

	@Test
	void darajaPrefersTheUpperCaseThirdPartyIdSpelling() {
		DarajaEvent event = (DarajaEvent) this.parser
			.parse("{\"TransactionType\":\"Buygoods\",\"ThirdPartyTransID\":\"A\",\"ThirdPartyTransId\":\"B\"}");
		assertThat(event.thirdPartyTransactionId()).isEqualTo("A");
	}

	@Test
	void darajaReadsTheLowerCaseThirdPartyIdSpelling() {
		DarajaEvent event = (DarajaEvent) this.parser
			.parse("{\"TransactionType\":\"Buygoods\",\"ThirdPartyTransId\":\"B\",\"TransTime\":\"2020\"}");
		assertThat(event.thirdPartyTransactionId()).isEqualTo("B");
		assertThat(event.transactionDateTime()).isNull();
	}

	@Test
	void darajaWinsOverTopicAsWebhooksMdClassifies() {
		assertThat(this.parser.parse("{\"TransactionType\":\"Buygoods\",\"topic\":\"customer_created\"}"))
			.isInstanceOf(DarajaEvent.class);
	}

	@Test
	void settlementToAMobileWallet() {
		SettlementTransferCompleted event = (SettlementTransferCompleted) this.parser
			.parse("{\"topic\":\"settlement_transfer_completed\",\"event\":{\"resource\":{\"destination\":"
					+ "{\"type\":\"Mobile Wallet\",\"resource\":{\"reference\":\"ref-1\",\"first_name\":\"Jane\","
					+ "\"last_name\":\"Doe\",\"phone_number\":\"+254999999999\",\"network\":\"Safaricom\"}}}}}");
		assertThat(event.destination()).isEqualTo(new SettlementDestination("Mobile Wallet", "ref-1", null, null, null,
				null, "Jane", "Doe", "+254999999999", "Safaricom", null));
		assertThat(event.destination().isMobileWallet()).isTrue();
		assertThat(event.disbursements()).isNull();
	}

	@Test
	void settlementMethodFallsBackToTransferMethod() {
		SettlementTransferCompleted event = (SettlementTransferCompleted) this.parser
			.parse("{\"topic\":\"settlement_transfer_completed\",\"event\":{\"resource\":{\"destination\":"
					+ "{\"type\":\"Bank Account\",\"resource\":{\"transfer_method\":\"RTS\"}}}}}");
		assertThat(event.destination().settlementMethod()).isEqualTo("RTS");
	}

	@Test
	void cardTransactionReceived() {
		CardTransactionReceived event = (CardTransactionReceived) this.parser.parse(
				"{\"topic\":\"card_transaction_received\",\"id\":\"c-1\",\"created_at\":\"2026-01-01T10:00:00+03:00\","
						+ "\"event\":{\"type\":\"Card Transaction\",\"resource\":{\"id\":\"t-1\",\"reference\":\"R1\","
						+ "\"amount\":\"250.00\",\"currency\":\"KES\",\"status\":\"Received\",\"till_number\":\"K1\","
						+ "\"customer_cc_number\":\"4111********1111\",\"settled\":false,\"acquirer\":\"X\"}},"
						+ "\"_links\":{\"self\":\"s\",\"resource\":\"r\"}}");
		assertThat(event.id()).isEqualTo("c-1");
		assertThat(event.resourceId()).isEqualTo("t-1");
		assertThat(event.amount()).isEqualTo(new BigDecimal("250.00"));
		assertThat(event.customerCcNumber()).isEqualTo("4111********1111");
		assertThat(event.settled()).isFalse();
		assertThat(event.resource()).containsEntry("acquirer", "X").containsEntry("settled", false);
		assertThat(event.links()).isEqualTo(new EventLinks("s", "r"));
	}

	@Test
	void cardTransactionVoided() {
		CardTransactionVoided event = (CardTransactionVoided) this.parser.parse(
				"{\"topic\":\"card_transaction_voided\",\"event\":{\"resource\":{\"status\":\"Voided\",\"till_number\":\"K1\"}}}");
		assertThat(event.status()).isEqualTo("Voided");
		assertThat(event.tillNumber()).isEqualTo("K1");
	}

	@Test
	void cardTransactionReversed() {
		CardTransactionReversed event = (CardTransactionReversed) this.parser.parse(
				"{\"topic\":\"card_transaction_reversed\",\"event\":{\"resource\":{\"customer_cc_number\":\"5555\"}}}");
		assertThat(event.customerCcNumber()).isEqualTo("5555");
		assertThat(event.resource()).containsOnlyKeys("customer_cc_number");
	}

	@Test
	void metadataKeepsPlainJavaValuesInOrder() {
		PaymentResult result = (PaymentResult) this.parser.parse("{\"data\":{\"type\":\"payment\",\"attributes\":"
				+ "{\"metadata\":{\"s\":\"x\",\"i\":7,\"big\":123456789012345678901234567890,\"d\":1.5,\"b\":true,"
				+ "\"n\":null,\"list\":[1,\"a\"],\"map\":{\"k\":\"v\"}}}}}");
		Map<String, Object> metadata = result.metadata();
		assertThat(metadata).containsOnlyKeys("s", "i", "big", "d", "b", "n", "list", "map");
		assertThat(metadata.keySet()).containsExactly("s", "i", "big", "d", "b", "n", "list", "map");
		assertThat(metadata.get("s")).isEqualTo("x");
		assertThat(metadata.get("i")).isEqualTo(7L);
		assertThat(metadata.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
		assertThat(metadata.get("d")).isEqualTo(new BigDecimal("1.5"));
		assertThat(metadata.get("b")).isEqualTo(true);
		assertThat(metadata.get("n")).isNull();
		assertThat(metadata.get("list")).isEqualTo(List.of(1L, "a"));
		assertThat(metadata.get("map")).isEqualTo(Map.of("k", "v"));
	}

	@Test
	void metadataThatIsNotAnObjectIsNull() {
		PaymentResult result = (PaymentResult) this.parser
			.parse("{\"data\":{\"type\":\"payment\",\"attributes\":{\"metadata\":\"none\"}}}");
		assertThat(result.metadata()).isNull();
	}

	@Test
	void collectionsOfParsedRecordsCannotBeModified() {
		PaymentResult result = (PaymentResult) this.parser.parse(Examples.bytes("result-payment-processed.json"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> result.metadata().put("x", "y"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> result.transferBatches().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> result.transferBatches().get(0).disbursements().clear());
	}

	@Test
	void recordsCopyCollectionsGivenToThem() {
		java.util.ArrayList<TransferBatch> batches = new java.util.ArrayList<>();
		java.util.HashMap<String, Object> metadata = new java.util.HashMap<>();
		metadata.put("a", null);
		PaymentResult result = new PaymentResult("id", "payment", null, null, null, null, batches, metadata, null);
		batches.add(new TransferBatch(null, null, null));
		metadata.put("b", "c");
		assertThat(result.transferBatches()).isEmpty();
		assertThat(result.metadata()).containsOnlyKeys("a");
	}

	@Test
	void nonObjectElementsOfListsAreSkipped() {
		PaymentResult result = (PaymentResult) this.parser.parse("{\"data\":{\"type\":\"payment\",\"attributes\":"
				+ "{\"transfer_batches\":[null,1,\"x\",{\"status\":\"Transferred\",\"disbursements\":{}}]}}}");
		assertThat(result.transferBatches()).containsExactly(new TransferBatch("Transferred", null, null));
	}

	@Test
	void resultLinksNextToAttributesAreAccepted() {
		PollingResult result = (PollingResult) this.parser
			.parse("{\"data\":{\"type\":\"polling\",\"_links\":{\"self\":\"s\",\"callback_url\":\"c\"}}}");
		assertThat(result.links()).isEqualTo(new ResultLinks("s", "c"));
	}

	@Test
	void stringFormParsesLikeTheBytes() {
		String body = new String(Examples.bytes("webhook-customer_created.json"), StandardCharsets.UTF_8);
		assertThat(this.parser.parse(body))
			.isEqualTo(this.parser.parse(Examples.bytes("webhook-customer_created.json")));
	}

	@Test
	void trailingWhitespaceAfterTheObjectIsAccepted() {
		assertThat(this.parser.parse("{\"topic\":\"customer_created\",\"id\":\"t\"}\r\n  \n"))
			.isInstanceOfSatisfying(CustomerCreated.class, (event) -> assertThat(event.id()).isEqualTo("t"));
	}

	@Test
	void prettyPrintedBodyWithTabsIsParsed() {
		CustomerCreated event = (CustomerCreated) this.parser
			.parse(Examples.bytes("signed-bodies/php-customer_created.raw.json"));
		assertThat(event.firstName()).isEqualTo("Jane");
	}

	@Test
	void parserIsSafeToShareBetweenThreads() throws InterruptedException {
		byte[] body = Examples.bytes("webhook-settlement_transfer_completed.json");
		K2Payload expected = this.parser.parse(body);
		List<Thread> threads = new java.util.ArrayList<>();
		java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
		for (int t = 0; t < 4; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < 2_000; i++) {
					if (!expected.equals(this.parser.parse(body))) {
						mismatches.incrementAndGet();
					}
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(mismatches).hasValue(0);
	}

	@Test
	void utf16BodyIsDetected() {
		byte[] body = "{\"topic\":\"customer_created\",\"id\":\"u16\"}".getBytes(StandardCharsets.UTF_16BE);
		assertThat(((CustomerCreated) this.parser.parse(body)).id()).isEqualTo("u16");
	}

	@Test
	void eventBeforeTopicIsReadTheSame() {
		String body = "{\"event\":{\"resource\":{\"id\":\"t-1\",\"amount\":\"10\",\"destination\":{\"type\":\"Bank Account\"},"
				+ "\"disbursements\":[{\"amount\":5,\"errors\":[\"E\"]}]},\"type\":\"Settlement\"},\"id\":\"e-1\","
				+ "\"topic\":\"settlement_transfer_completed\"}";
		SettlementTransferCompleted event = (SettlementTransferCompleted) this.parser.parse(body);
		assertThat(event.resourceId()).isEqualTo("t-1");
		assertThat(event.amount()).isEqualTo(new BigDecimal("10"));
		assertThat(event.destination().type()).isEqualTo("Bank Account");
		assertThat(event.disbursements()).singleElement().satisfies((disbursement) -> {
			assertThat(disbursement.amount()).isEqualTo(new BigDecimal("5"));
			assertThat(disbursement.errors()).isEqualTo("E");
		});
	}

	@Test
	void cardResourceIsKeptWholeWhenTheEventComesBeforeTheTopic() {
		CardTransactionReceived event = (CardTransactionReceived) this.parser.parse(
				"{\"event\":{\"resource\":{\"settled\":true,\"acquirer\":\"X\"}},\"topic\":\"card_transaction_received\"}");
		assertThat(event.settled()).isTrue();
		assertThat(event.resource()).containsExactly(Map.entry("settled", true), Map.entry("acquirer", "X"));
	}

	@Test
	void attributesBeforeTypeAreReadTheSame() {
		PaymentResult result = (PaymentResult) this.parser.parse("{\"data\":{\"attributes\":{\"status\":\"Processed\","
				+ "\"amount\":{\"currency\":\"KES\",\"value\":\"20.00\"}},\"id\":\"r-1\",\"type\":\"payment\"}}");
		assertThat(result.id()).isEqualTo("r-1");
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.amount()).isEqualTo(new BigDecimal("20.00"));
		assertThat(result.currency()).isEqualTo("KES");
	}

	@Test
	void transactionTypeClassifiesEvenWhenNull() {
		assertThat(this.parser.parse("{\"topic\":\"customer_created\",\"TransactionType\":null}"))
			.isInstanceOf(DarajaEvent.class);
	}

	@Test
	void topicThatIsNullMakesTheBodyUnknownEvenWithData() {
		assertThat(this.parser.parse("{\"data\":{\"type\":\"payment\",\"id\":\"r-1\"},\"topic\":null}"))
			.isEqualTo(new UnknownPayload("r-1", null, null,
					"{\"data\":{\"type\":\"payment\",\"id\":\"r-1\"},\"topic\":null}"));
	}

	@Test
	void numericResultTypeIsReadAsText() {
		assertThat(this.parser.parse("{\"data\":{\"type\":42}}"))
			.isEqualTo(new UnknownPayload(null, null, "42", "{\"data\":{\"type\":42}}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"TRUE\"", "\" false \"", "true" })
	void booleansAreReadFromJsonBooleansOrTheirText(String settled) {
		assertThat(cardWithSettled(settled).settled()).isEqualTo(!settled.contains("false"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"yes\"", "1", "{}" })
	void otherBooleansAreNull(String settled) {
		assertThat(cardWithSettled(settled).settled()).isNull();
	}

	@Test
	void integerAmountsKeepScaleZero() {
		assertThat(buygoodsWithResource("\"amount\":780").amount()).isEqualTo(new BigDecimal("780"));
		assertThat(buygoodsWithResource("\"amount\":123456789012345678901234567890").amount())
			.isEqualTo(new BigDecimal("123456789012345678901234567890"));
	}

	@Test
	void paymentLinkAmountIsANumberWhereOtherResultsHaveAnObject() {
		PaymentLinkResult result = (PaymentLinkResult) this.parser
			.parse("{\"data\":{\"type\":\"payment_link\",\"attributes\":{\"amount\":{\"value\":\"1\"}}}}");
		assertThat(result.amount()).isNull();
	}

	@Test
	void errorsGivenAsAnObjectKeepItsJson() {
		ReversalResult result = (ReversalResult) this.parser
			.parse("{\"data\":{\"type\":\"reversal\",\"attributes\":{\"errors\":{\"code\":1.10,\"why\":[\"x\"]}}}}");
		assertThat(result.errors()).isEqualTo("{\"code\":1.10,\"why\":[\"x\"]}");
	}

	@Test
	void unknownFieldsAreSkippedWhateverTheyHold() {
		CustomerCreated event = (CustomerCreated) this.parser
			.parse("{\"topic\":\"customer_created\",\"x\":[{\"a\":[[],{}]},"
					+ "1.5e300,\"\\u00e9\"],\"event\":{\"y\":{\"resource\":1},\"resource\":{\"first_name\":\"Jane\"}}}");
		assertThat(event.firstName()).isEqualTo("Jane");
	}

	@Test
	void trailingTokenAfterTheObjectIsRejected() {
		assertThatExceptionOfType(K2PayloadException.class)
			.isThrownBy(() -> this.parser.parse("{\"topic\":\"customer_created\"} []"))
			.withMessageStartingWith("K2 payload is not valid JSON");
	}

	@Test
	void malformedJsonAfterANonObjectIsReportedAsMalformed() {
		assertThatExceptionOfType(K2PayloadException.class).isThrownBy(() -> this.parser.parse("[1,"))
			.withMessageStartingWith("K2 payload is not valid JSON");
	}

	private CardTransactionReceived cardWithSettled(String settled) {
		return (CardTransactionReceived) this.parser
			.parse("{\"topic\":\"card_transaction_received\",\"event\":{\"resource\":{\"settled\":" + settled + "}}}");
	}

	private BuygoodsTransactionReceived buygoodsWithResource(String resourceFields) {
		return (BuygoodsTransactionReceived) this.parser
			.parse("{\"topic\":\"buygoods_transaction_received\",\"event\":{\"resource\":{" + resourceFields + "}}}");
	}

}
