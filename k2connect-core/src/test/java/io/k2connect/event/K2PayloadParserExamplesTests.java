package io.k2connect.event;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code webhook-*}, {@code result-*} and {@code status-*} example of
 * k2connect-core/src/test/resources/k2-api/examples parses to the expected record with
 * its key fields.
 */
class K2PayloadParserExamplesTests {

	private static final ZoneOffset EAT = ZoneOffset.ofHours(3);

	private static final Map<String, Class<? extends K2Payload>> EXPECTED_TYPES = Map.ofEntries(
			Map.entry("webhook-b2b_transaction_received.json", B2bTransactionReceived.class),
			Map.entry("webhook-b2b_transaction_reversed.json", B2bTransactionReversed.class),
			Map.entry("webhook-buygoods_transaction_received-docs.json", BuygoodsTransactionReceived.class),
			Map.entry("webhook-buygoods_transaction_received.json", BuygoodsTransactionReceived.class),
			Map.entry("webhook-buygoods_transaction_reversed.json", BuygoodsTransactionReversed.class),
			Map.entry("webhook-customer_created.json", CustomerCreated.class),
			Map.entry("webhook-daraja-b2b_transaction_received-ruby.json", DarajaEvent.class),
			Map.entry("webhook-daraja-b2b_transaction_received.json", DarajaEvent.class),
			Map.entry("webhook-daraja-buygoods_transaction_received-ruby.json", DarajaEvent.class),
			Map.entry("webhook-daraja-buygoods_transaction_received.json", DarajaEvent.class),
			Map.entry("webhook-daraja-python-test.json", DarajaEvent.class),
			Map.entry("webhook-m2m_transaction_received.json", M2mTransactionReceived.class),
			Map.entry("webhook-settlement_transfer_completed.json", SettlementTransferCompleted.class),
			Map.entry("result-incoming_payment-failed-insufficient-balance-woocommerce.json",
					IncomingPaymentResult.class),
			Map.entry("result-incoming_payment-failed.json", IncomingPaymentResult.class),
			Map.entry("result-incoming_payment-success-woocommerce.json", IncomingPaymentResult.class),
			Map.entry("result-incoming_payment-success.json", IncomingPaymentResult.class),
			Map.entry("result-payment-processed.json", PaymentResult.class),
			Map.entry("result-payment_link-paid.json", PaymentLinkResult.class),
			Map.entry("result-polling-success.json", PollingResult.class),
			Map.entry("result-reversal-processed.json", ReversalResult.class),
			Map.entry("result-send_money-processed-ruby.json", SendMoneyResult.class),
			Map.entry("result-send_money-processed.json", SendMoneyResult.class),
			Map.entry("result-settlement_transfer-processed.json", SettlementTransferResult.class),
			Map.entry("result-transaction_sms_notification-success.json", TransactionSmsNotificationResult.class),
			Map.entry("status-incoming_payment-pending-node.json", IncomingPaymentResult.class),
			Map.entry("status-incoming_payment-pending.json", IncomingPaymentResult.class),
			// Status-only documents (docs/k2-webhooks.md §4.9) are never callbacks: not
			// modelled.
			Map.entry("status-merchant_bank_account.json", UnknownPayload.class),
			Map.entry("status-pay_recipient-mobile_wallet.json", UnknownPayload.class),
			Map.entry("status-payment_link-active-docs.json", PaymentLinkResult.class),
			Map.entry("status-payment_link-active-ruby-spec.json", PaymentLinkResult.class),
			Map.entry("status-payment_link-active.json", PaymentLinkResult.class),
			Map.entry("status-reversal-processed-ruby-spec.json", ReversalResult.class),
			Map.entry("status-reversal-received.json", ReversalResult.class),
			Map.entry("status-reversal-scheduled-docs.json", ReversalResult.class),
			Map.entry("status-send_money-scheduled.json", SendMoneyResult.class));

	private final K2PayloadParser parser = new K2PayloadParser();

	@Test
	void everyWebhookResultAndStatusExampleHasAnExpectedType() throws IOException, URISyntaxException {
		Path folder = Path.of(getClass().getResource("/k2-api/examples/signatures.json").toURI()).getParent();
		List<String> names;
		try (Stream<Path> files = Files.list(folder)) {
			names = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith("webhook-") || name.startsWith("result-")
						|| name.startsWith("status-"))
				.toList();
		}
		assertThat(names).hasSize(36).containsExactlyInAnyOrderElementsOf(EXPECTED_TYPES.keySet());
	}

	@Test
	void everyExampleParsesToItsExpectedType() {
		EXPECTED_TYPES.forEach((name, type) -> assertThat(parse(name)).as(name).isInstanceOf(type));
	}

	@Test
	void b2bTransactionReceived() {
		B2bTransactionReceived event = parse("webhook-b2b_transaction_received.json", B2bTransactionReceived.class);
		assertThat(event.id()).isEqualTo("bcfb7175-bc7f-46e8-9727-eb46e6f88ef1");
		assertThat(event.topic()).isEqualTo("b2b_transaction_received");
		assertThat(event.createdAt()).isEqualTo(OffsetDateTime.of(2020, 10, 29, 8, 18, 45, 0, EAT));
		assertThat(event.eventType()).isEqualTo("External Till to Till Transaction");
		assertThat(event.resourceId()).isEqualTo("fbygwu7175-bc7f-46e8-9727-f88edyy");
		assertThat(event.amount()).isEqualByComparingTo("313");
		assertThat(event.status()).isEqualTo("Complete");
		assertThat(event.reference()).isEqualTo("OJQ8USH5XK");
		assertThat(event.tillNumber()).isEqualTo("461863");
		assertThat(event.sendingTill()).isEqualTo("890642");
		assertThat(event.links()).isEqualTo(
				new EventLinks("https://sandbox.kopokopo.com/webhook_events/bcfb7175-bc7f-46e8-9727-eb46e6f88ef1",
						"https://sandbox.kopokopo.com/financial_transaction/fbygwu7175-bc7f-46e8-9727-f88edyy"));
	}

	@Test
	void b2bTransactionReversed() {
		B2bTransactionReversed event = parse("webhook-b2b_transaction_reversed.json", B2bTransactionReversed.class);
		assertThat(event.id()).isEqualTo("98adf21e-5721-476a-8643-609b4a6513a2");
		assertThat(event.eventType()).isEqualTo("External Till To Till Reversal Transaction");
		assertThat(event.amount()).isEqualByComparingTo("233");
		assertThat(event.status()).isEqualTo("Reversed");
		assertThat(event.sendingTill()).isEqualTo("Sending till");
		assertThat(event.system()).isEqualTo("M-PESA");
		assertThat(event.originationTime()).isEqualTo(OffsetDateTime.of(2020, 10, 29, 8, 6, 49, 0, EAT));
	}

	@Test
	void buygoodsTransactionReceived() {
		BuygoodsTransactionReceived event = parse("webhook-buygoods_transaction_received.json",
				BuygoodsTransactionReceived.class);
		assertThat(event.id()).isEqualTo("2133dbfb-24b9-40fc-ae57-2d7559785760");
		assertThat(event.topic()).isEqualTo(BuygoodsTransactionReceived.TOPIC);
		assertThat(event.createdAt()).isEqualTo(OffsetDateTime.of(2020, 10, 22, 10, 43, 20, 0, EAT));
		assertThat(event.eventType()).isEqualTo("Buygoods Transaction");
		assertThat(event.resourceId()).isEqualTo("458712f-gr76y-24b9-40fc-ae57-2d35785760");
		assertThat(event.amount()).isEqualTo(new BigDecimal("100.0"));
		assertThat(event.currency()).isEqualTo("KES");
		assertThat(event.status()).isEqualTo("Received");
		assertThat(event.system()).isEqualTo("Lipa Na M-PESA");
		assertThat(event.reference()).isEqualTo("OJM6Q1W84K");
		assertThat(event.tillNumber()).isEqualTo("514459");
		assertThat(event.senderPhoneNumber()).isEqualTo("+254999999999");
		assertThat(event.hashedSenderPhone()).isEqualTo("abc123hashedphone");
		assertThat(event.originationTime()).isEqualTo(OffsetDateTime.of(2020, 10, 22, 10, 43, 19, 0, EAT));
		assertThat(event.senderFirstName()).isEqualTo("Jane");
		assertThat(event.senderMiddleName()).isNull();
		assertThat(event.senderLastName()).isEqualTo("Doe");
		assertThat(event.links().resource()).endsWith("/financial_transaction/458712f-gr76y-24b9-40fc-ae57-2d35785760");
	}

	@Test
	void buygoodsTransactionReceivedFromTheDocs() {
		BuygoodsTransactionReceived event = parse("webhook-buygoods_transaction_received-docs.json",
				BuygoodsTransactionReceived.class);
		assertThat(event.tillNumber()).isEqualTo("000000");
		assertThat(event.hashedSenderPhone())
			.isEqualTo("8f7bd03d28bb39ffbe7e074ad6a85352b4de2c8a8af1db7db7e5a520e37e015d");
	}

	@Test
	void buygoodsTransactionReversed() {
		BuygoodsTransactionReversed event = parse("webhook-buygoods_transaction_reversed.json",
				BuygoodsTransactionReversed.class);
		assertThat(event.id()).isEqualTo("98adf21e-5721-476a-8643-609b4a6513a2");
		assertThat(event.amount()).isEqualByComparingTo("233");
		assertThat(event.status()).isEqualTo("Reversed");
		assertThat(event.tillNumber()).isEqualTo("125476");
		assertThat(event.senderMiddleName()).isEmpty();
		assertThat(event.hashedSenderPhone()).isNull();
		assertThat(event.reversalTime()).isNull();
	}

	@Test
	void customerCreated() {
		CustomerCreated event = parse("webhook-customer_created.json", CustomerCreated.class);
		assertThat(event.id()).isEqualTo("f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c");
		assertThat(event.eventType()).isEqualTo("Customer Created");
		assertThat(event.firstName()).isEqualTo("Jane");
		assertThat(event.middleName()).isEqualTo("M");
		assertThat(event.lastName()).isEqualTo("Doe");
		assertThat(event.phoneNumber()).isEqualTo("+254999999999");
		assertThat(event.links().resource())
			.isEqualTo("https://sandbox.kopokopo.com/mobile_money_user/8248a689-490e-4196-930a-db5fcbe58f6c");
	}

	@Test
	void m2mTransactionReceived() {
		M2mTransactionReceived event = parse("webhook-m2m_transaction_received.json", M2mTransactionReceived.class);
		assertThat(event.id()).isEqualTo("5fbbcfc3-5b06-485e-929c-066741f4b14d");
		assertThat(event.resourceId()).isEqualTo("893ebbcfc3-e8993-485e-929c-066741f47847");
		assertThat(event.amount()).isEqualByComparingTo("456");
		assertThat(event.sendingMerchant()).isEqualTo("Jane Flowers");
		assertThat(event.links().resource()).contains("/payment_batches/");
	}

	@Test
	void settlementTransferCompletedToABankAccount() {
		SettlementTransferCompleted event = parse("webhook-settlement_transfer_completed.json",
				SettlementTransferCompleted.class);
		assertThat(event.id()).isEqualTo("052b7b2a-745b-4ca1-866b-b92d4a1418c3");
		assertThat(event.amount()).isEqualTo(new BigDecimal("49452.0"));
		assertThat(event.status()).isEqualTo("Transferred");
		assertThat(event.originationTime()).isEqualTo(OffsetDateTime.of(2021, 1, 27, 10, 57, 58, 444_000_000, EAT));
		SettlementDestination destination = event.destination();
		assertThat(destination.isBankAccount()).isTrue();
		assertThat(destination.isMobileWallet()).isFalse();
		assertThat(destination.reference()).isEqualTo("34a273d1-fedc-4610-8ab6-a1ba4828f317");
		assertThat(destination.accountName()).isEqualTo("Test Account");
		assertThat(destination.accountNumber()).isEqualTo("1234");
		assertThat(destination.bankBranchRef()).isEqualTo("ea2e79f7-35a1-486e-9e18-fe06589a9d7d");
		assertThat(destination.settlementMethod()).isEqualTo("EFT");
		assertThat(event.disbursements()).hasSize(2);
		assertThat(event.disbursements().get(0).amount()).isEqualTo(new BigDecimal("24452.0"));
		assertThat(event.disbursements().get(0).originationTime())
			.isEqualTo(OffsetDateTime.of(2021, 1, 27, 10, 57, 58, 623_000_000, EAT));
		assertThat(event.disbursements().get(1).transactionReference()).isNull();
	}

	@Test
	void darajaBuygoodsFromNode() {
		DarajaEvent event = parse("webhook-daraja-buygoods_transaction_received.json", DarajaEvent.class);
		assertThat(event.transactionType()).isEqualTo("Pay Bill");
		assertThat(event.transactionId()).isEqualTo("OJM6Q1W84K");
		assertThat(event.transactionTime()).isEqualTo("20201022104319");
		assertThat(event.transactionDateTime()).isEqualTo("2020-10-22T10:43:19");
		assertThat(event.transactionAmount()).isEqualTo(new BigDecimal("100.0"));
		assertThat(event.businessShortCode()).isEqualTo("514459");
		assertThat(event.orgAccountBalance()).isEqualTo(new BigDecimal("1000.0"));
		assertThat(event.thirdPartyTransactionId()).isEmpty();
		assertThat(event.msisdn()).isEqualTo("+254999999999");
		assertThat(event.firstName()).isEqualTo("Jane");
		assertThat(event.middleName()).isNull();
		assertThat(event.lastName()).isEqualTo("Doe");
	}

	@Test
	void darajaB2bFromNode() {
		DarajaEvent event = parse("webhook-daraja-b2b_transaction_received.json", DarajaEvent.class);
		assertThat(event.transactionType()).isEqualTo("Business Payment");
		assertThat(event.transactionAmount()).isEqualByComparingTo("313");
		assertThat(event.msisdn()).isEqualTo("+254888888888");
	}

	@Test
	void darajaBuygoodsFromRubyWithLowerCaseIdSpellingAndEmptyBalance() {
		DarajaEvent event = parse("webhook-daraja-buygoods_transaction_received-ruby.json", DarajaEvent.class);
		assertThat(event.transactionType()).isEqualTo("Buygoods");
		assertThat(event.thirdPartyTransactionId()).isEmpty();
		assertThat(event.orgAccountBalance()).isNull();
		assertThat(event.msisdn()).isEqualTo("rbFvT0GstruVPN/B68z6yWD973VhweR31G8fhM5bxo=");
		assertThat(event.lastName()).isNull();
	}

	@Test
	void darajaB2bFromRuby() {
		DarajaEvent event = parse("webhook-daraja-b2b_transaction_received-ruby.json", DarajaEvent.class);
		assertThat(event.transactionType()).isEqualTo("Organization To Organization Transfer");
		assertThat(event.msisdn()).isEqualTo("112233");
		assertThat(event.firstName()).isEqualTo("Organization name");
	}

	@Test
	void darajaFromThePythonTests() {
		DarajaEvent event = parse("webhook-daraja-python-test.json", DarajaEvent.class);
		assertThat(event.transactionId()).isEqualTo("LGR219G3EY");
		assertThat(event.transactionAmount()).isEqualTo(new BigDecimal("10.00"));
		assertThat(event.billRefNumber()).isEqualTo("account");
		assertThat(event.orgAccountBalance()).isEqualTo(new BigDecimal("49197.00"));
		assertThat(event.transactionDateTime()).isEqualTo("2017-07-27T10:42:47");
	}

	@Test
	void incomingPaymentSuccess() {
		IncomingPaymentResult result = parse("result-incoming_payment-success.json", IncomingPaymentResult.class);
		assertThat(result.id()).isEqualTo("a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc");
		assertThat(result.type()).isEqualTo("incoming_payment");
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.isFailed()).isFalse();
		assertThat(result.isPending()).isFalse();
		assertThat(result.initiationTime()).isEqualTo(OffsetDateTime.of(2020, 10, 19, 9, 24, 48, 622_000_000, EAT));
		assertThat(result.eventType()).isEqualTo("Incoming Payment Request");
		assertThat(result.errors()).isNull();
		IncomingPaymentResource resource = result.resource();
		assertThat(resource.id()).isEqualTo("52f86f-f2aa-4d70-baa2-ccfe4b78f4fc");
		assertThat(resource.reference()).isEqualTo("OJJ1MPU40Z");
		assertThat(resource.amount()).isEqualTo(new BigDecimal("100.0"));
		assertThat(resource.tillNumber()).isEqualTo("K514459");
		assertThat(resource.senderPhoneNumber()).isEqualTo("+254999999999");
		assertThat(resource.senderFirstName()).isEqualTo("Joe");
		assertThat(resource.senderLastName()).isEqualTo("Buyer");
		assertThat(resource.status()).isEqualTo("Received");
		assertThat(resource.originationTime()).isEqualTo(OffsetDateTime.of(2020, 10, 19, 9, 24, 54, 0, EAT));
		assertThat(result.metadata()).containsEntry("customer_id", "123456789")
			.containsEntry("notes", "Payment for invoice 12345");
		assertThat(result.links()).isEqualTo(new ResultLinks(
				"http://sandbox.kopokopo.com/api/v1/incoming_payments/a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc",
				"https://webhook.site/675d4ef4-0629-481f-83cd-d101f55e4bc8"));
	}

	@Test
	void incomingPaymentSuccessWithNumericAmountAndHashedPhone() {
		IncomingPaymentResult result = parse("result-incoming_payment-success-woocommerce.json",
				IncomingPaymentResult.class);
		assertThat(result.isSuccess()).isTrue();
		assertThat(result.resource().amount()).isEqualByComparingTo("115");
		assertThat(result.resource().hashedSenderPhone())
			.isEqualTo("d30d07eef610b83d1f65f3a15280499552e5f0fcb86c3890d7375291c6ba4e70");
		assertThat(result.resource().senderFirstName()).isEmpty();
		assertThat(result.metadata()).containsEntry("customer_id", 0L);
	}

	@Test
	void incomingPaymentFailed() {
		IncomingPaymentResult result = parse("result-incoming_payment-failed.json", IncomingPaymentResult.class);
		assertThat(result.id()).isEqualTo("09bc45fc-3b97-4c44-b860-42a7bcbd7480");
		assertThat(result.isFailed()).isTrue();
		assertThat(result.resource()).isNull();
		assertThat(result.errors()).isEqualTo("The initiator information is invalid.");
	}

	@Test
	void incomingPaymentFailedForInsufficientBalance() {
		IncomingPaymentResult result = parse("result-incoming_payment-failed-insufficient-balance-woocommerce.json",
				IncomingPaymentResult.class);
		assertThat(result.isFailed()).isTrue();
		assertThat(result.errors()).isEqualTo("The balance is insufficient for the transaction");
		assertThat(result.links().self()).endsWith("/incoming_payments/090cceda-2489-4343-8125-08a58ac0d9a0");
	}

	@Test
	void incomingPaymentPending() {
		IncomingPaymentResult result = parse("status-incoming_payment-pending.json", IncomingPaymentResult.class);
		assertThat(result.id()).isEqualTo("e192ac63-8b24-4caf-8637-a2a9b75a14e6");
		assertThat(result.isPending()).isTrue();
		assertThat(result.resource()).isNull();
		assertThat(result.errors()).isNull();
		assertThat(result.initiationTime()).isEqualTo(OffsetDateTime.of(2020, 10, 27, 11, 16, 42, 364_000_000, EAT));
	}

	@Test
	void incomingPaymentPendingFromNode() {
		IncomingPaymentResult result = parse("status-incoming_payment-pending-node.json", IncomingPaymentResult.class);
		assertThat(result.id()).isEqualTo("0dad3e3f-a83e-4ed2-afa6-2e76a3df3a03");
		assertThat(result.isPending()).isTrue();
		assertThat(result.links().self()).startsWith("http://localhost:3000/");
	}

	@Test
	void paymentProcessed() {
		PaymentResult result = parse("result-payment-processed.json", PaymentResult.class);
		assertThat(result.id()).isEqualTo("c6fda139-2480-4a93-95ed-f72c66b92364");
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.createdAt()).isEqualTo(OffsetDateTime.of(2021, 1, 28, 10, 0, 17, 827_000_000, EAT));
		assertThat(result.amount()).isEqualByComparingTo("780");
		assertThat(result.currency()).isEqualTo("KES");
		assertThat(result.transferBatches()).singleElement().satisfies((batch) -> {
			assertThat(batch.status()).isEqualTo("Transferred");
			assertThat(batch.disbursements()).singleElement().satisfies((disbursement) -> {
				assertThat(disbursement.amount()).isEqualTo(new BigDecimal("780.0"));
				assertThat(disbursement.destinationType()).isEqualTo("Mobile Wallet");
				assertThat(disbursement.destinationReference()).isEqualTo("0fcb2f42-9372-4a6c-8c2f-3fd977c548e8");
				assertThat(disbursement.transactionReference()).isEqualTo("LBA10034460");
			});
		});
		assertThat(result.metadata()).containsEntry("customerId", "8675309");
	}

	@Test
	void settlementTransferProcessedBlind() {
		SettlementTransferResult result = parse("result-settlement_transfer-processed.json",
				SettlementTransferResult.class);
		assertThat(result.id()).isEqualTo("01aece24-e596-4f5c-9ace-9eb1a0939dda");
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.amount()).isNull();
		assertThat(result.currency()).isEqualTo("KES");
		assertThat(result.metadata()).isNull();
		assertThat(result.transferBatches()).hasSize(2);
		assertThat(result.transferBatches().get(1).disbursements()).hasSize(2)
			.allSatisfy((disbursement) -> assertThat(disbursement.transactionReference()).isNull());
		assertThat(result.links().callbackUrl()).isEqualTo("https://webhook.site/3856ff77-93eb-4130-80cd-e62dc0db5c1a");
	}

	@Test
	void pollingSuccess() {
		PollingResult result = parse("result-polling-success.json", PollingResult.class);
		assertThat(result.id()).isEqualTo("7aeb309d-8577-4546-8557-ef5d6c01b948");
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.fromTime()).isEqualTo(OffsetDateTime.of(2021, 3, 28, 8, 50, 22, 0, EAT));
		assertThat(result.toTime()).isEqualTo(OffsetDateTime.of(2021, 4, 1, 8, 50, 22, 0, EAT));
		assertThat(result.scope()).isEqualTo("Company");
		assertThat(result.scopeReference()).isNull();
		assertThat(result.transactions()).singleElement().satisfies((transaction) -> {
			assertThat(transaction.type()).isEqualTo("Buygoods Transaction");
			assertThat(transaction.resource().id()).isEqualTo("c40d5a7a-09ef-4c8b-b5e4-8adb30d66c37");
			assertThat(transaction.resource().amount()).isEqualTo(new BigDecimal("1.0"));
			assertThat(transaction.resource().senderPhoneNumber()).isEqualTo("+254799999999");
		});
	}

	@Test
	void transactionSmsNotificationSuccess() {
		TransactionSmsNotificationResult result = parse("result-transaction_sms_notification-success.json",
				TransactionSmsNotificationResult.class);
		assertThat(result.id()).isEqualTo("9dfd9772-ce1c-4104-a12f-ca550d1b2bdf");
		assertThat(result.status()).isEqualTo("Success");
		assertThat(result.message()).isEqualTo("Your message here");
		assertThat(result.webhookEventReference()).isEqualTo("ee9df9c4-b637-4a9d-bf49-df1af0c61387");
		assertThat(result.metadata()).isNull();
	}

	@Test
	void sendMoneyProcessed() {
		SendMoneyResult result = parse("result-send_money-processed.json", SendMoneyResult.class);
		assertThat(result.id()).isEqualTo("716481bc-635c-4d35-92c9-65bb0797196a");
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.sourceIdentifier()).isEqualTo("4321");
		assertThat(result.currency()).isEqualTo("KES");
		assertThat(result.destinations()).hasSize(2);
		assertThat(result.destinations().get(0)).containsEntry("type", "mobile_wallet")
			.containsEntry("amount", 1000L)
			.containsEntry("favourite", true);
		assertThat(result.transferBatches()).hasSize(2);
		Disbursement disbursement = result.transferBatches().get(0).disbursements().get(0);
		assertThat(result.transferBatches().get(0).amount()).isEqualTo(new BigDecimal("1000.0"));
		assertThat(disbursement.phoneNumber()).isEqualTo("254900111111");
		assertThat(disbursement.nickname()).isEqualTo("Test");
		assertThat(disbursement.favourite()).isTrue();
		assertThat(disbursement.destinationType()).isEqualTo("mobile_wallet");
		assertThat(disbursement.transactionReference()).isEqualTo("QCL160124A7");
		assertThat(disbursement.errors()).isNull();
		assertThat(result.errors()).isNull();
	}

	@Test
	void sendMoneyProcessedFromRuby() {
		SendMoneyResult result = parse("result-send_money-processed-ruby.json", SendMoneyResult.class);
		assertThat(result.id()).isEqualTo("e848260e-5461-4633-be49-095a96d669b8");
		assertThat(result.sourceIdentifier()).isEmpty();
		assertThat(result.transferBatches()).singleElement()
			.satisfies((batch) -> assertThat(batch.disbursements().get(0).transactionReference())
				.isEqualTo("DAVSM1757311336"));
	}

	@Test
	void sendMoneyScheduled() {
		SendMoneyResult result = parse("status-send_money-scheduled.json", SendMoneyResult.class);
		assertThat(result.id()).isEqualTo("14793a45-5ab1-42d2-bb8e-61f38a298d3d");
		assertThat(result.status()).isEqualTo("Scheduled");
		assertThat(result.isProcessed()).isFalse();
		assertThat(result.sourceIdentifier()).isNull();
		assertThat(result.destinations()).isNull();
		assertThat(result.transferBatches()).isNull();
		assertThat(result.links().self())
			.isEqualTo("https://api.kopokopo.com/api/v2/send_money/14793a45-5ab1-42d2-bb8e-61f38a298d3d");
	}

	@Test
	void reversalProcessed() {
		ReversalResult result = parse("result-reversal-processed.json", ReversalResult.class);
		assertThat(result.id()).isEqualTo("326e7f56-ba94-4264-b380-43be64113554");
		assertThat(result.type()).isEqualTo("reversal");
		assertThat(result.isProcessed()).isTrue();
		assertThat(result.transactionReference()).isEqualTo("DAV1777481072");
		assertThat(result.reason()).isEqualTo("Testing");
		assertThat(result.reversalBulkPayment()).isEqualTo(new ReversalBulkPayment(new BigDecimal("201.0"),
				"Transferred", OffsetDateTime.of(2026, 4, 29, 19, 44, 32, 361_000_000, EAT), "DAVREV1777481249"));
		assertThat(result.metadata()).containsEntry("name", "Test");
	}

	@Test
	void reversalsProcessedFromTheRubySpec() {
		ReversalResult result = parse("status-reversal-processed-ruby-spec.json", ReversalResult.class);
		assertThat(result.type()).isEqualTo("reversals");
		assertThat(result.reversalBulkPayment().amount()).isEqualTo(new BigDecimal("3981.0"));
		assertThat(result.metadata()).containsEntry("zendeskTicket", "#49490484");
	}

	@Test
	void reversalReceived() {
		ReversalResult result = parse("status-reversal-received.json", ReversalResult.class);
		assertThat(result.status()).isEqualTo("Received");
		assertThat(result.reversalBulkPayment()).isNull();
		assertThat(result.transactionReference()).isEqualTo("JOHNBG2201202603");
	}

	@Test
	void reversalsScheduledFromTheDocs() {
		ReversalResult result = parse("status-reversal-scheduled-docs.json", ReversalResult.class);
		assertThat(result.id()).isEqualTo("3a5ed056-988d-4ea6-824b-67f523939b92");
		assertThat(result.status()).isEqualTo("Scheduled");
		assertThat(result.reversalBulkPayment()).isNull();
	}

	@Test
	void paymentLinkPaid() {
		PaymentLinkResult result = parse("result-payment_link-paid.json", PaymentLinkResult.class);
		assertThat(result.id()).isEqualTo("07f179dd-37cd-4c72-8d4c-b0798957f0a4");
		assertThat(result.status()).isEqualTo("Processed");
		assertThat(result.tillName()).isEqualTo("David Kariuki Mwangi");
		assertThat(result.tillNumber()).isEqualTo("4000004");
		assertThat(result.amount()).isEqualByComparingTo("3101");
		assertThat(result.isPaid()).isTrue();
		PaymentLinkDetails link = result.paymentLink();
		assertThat(link.status()).isEqualTo("Paid");
		assertThat(link.transactionReference()).isEqualTo("DAVSTK1777482274");
		assertThat(link.senderPhoneNumber()).isEqualTo("254716230902");
		assertThat(link.originationTime()).isEqualTo(OffsetDateTime.of(2026, 4, 29, 20, 4, 34, 0, EAT));
	}

	@Test
	void paymentLinkActiveWithStringAmountAndRelativeLink() {
		PaymentLinkResult result = parse("status-payment_link-active-docs.json", PaymentLinkResult.class);
		assertThat(result.amount()).isEqualTo(new BigDecimal("20000"));
		assertThat(result.isPaid()).isFalse();
		assertThat(result.paymentLink().paymentLinkStatus()).isEqualTo("Active");
		assertThat(result.paymentLink().initiatorName()).isEqualTo("John Doe");
		assertThat(result.paymentLink().link()).isEqualTo("/links/691628ee-3fcf-4e4e-a1d6-700cb7ec7f60");
		assertThat(result.paymentLink().expiresAt())
			.isEqualTo(OffsetDateTime.of(2026, 2, 2, 12, 4, 35, 476_000_000, EAT));
	}

	@Test
	void paymentLinkActiveFromTheRubySpec() {
		PaymentLinkResult result = parse("status-payment_link-active-ruby-spec.json", PaymentLinkResult.class);
		assertThat(result.paymentLink().paymentLinkStatus()).isEqualTo("active");
		assertThat(result.amount()).isEqualByComparingTo("1000");
		assertThat(result.metadata()).containsEntry("account_number", "1234567");
	}

	@Test
	void paymentLinkActive() {
		PaymentLinkResult result = parse("status-payment_link-active.json", PaymentLinkResult.class);
		assertThat(result.id()).isEqualTo("abcd1234-ef56-7890-gh12-ijklmnopqrst");
		assertThat(result.paymentReference()).isEqualTo("INV-1001");
		assertThat(result.note()).isEqualTo("Payment for order INV-1001");
		assertThat(result.createdAt()).isEqualTo(OffsetDateTime.of(2025, 9, 17, 18, 0, 0, 0, EAT));
	}

	@Test
	void merchantBankAccountStatusIsUnknownButKeepsItsIdTypeAndJson() {
		UnknownPayload payload = parse("status-merchant_bank_account.json", UnknownPayload.class);
		assertThat(payload.id()).isEqualTo("7104f019-2b8e-44ab-b8f4-8203ca9a69ff");
		assertThat(payload.type()).isEqualTo("merchant_bank_account");
		assertThat(payload.topic()).isNull();
		assertThat(payload.rawJson()).isEqualTo(new String(Examples.bytes("status-merchant_bank_account.json"),
				java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void payRecipientStatusIsUnknown() {
		UnknownPayload payload = parse("status-pay_recipient-mobile_wallet.json", UnknownPayload.class);
		assertThat(payload.type()).isEqualTo("pay_recipient");
		assertThat(payload.rawJson()).contains("\"recipient_reference\"");
	}

	private K2Payload parse(String name) {
		return this.parser.parse(Examples.bytes(name));
	}

	private <T extends K2Payload> T parse(String name, Class<T> type) {
		K2Payload payload = parse(name);
		assertThat(payload).isInstanceOf(type);
		return type.cast(payload);
	}

}
