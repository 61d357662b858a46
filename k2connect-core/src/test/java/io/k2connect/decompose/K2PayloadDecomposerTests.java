package io.k2connect.decompose;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.k2connect.event.Examples;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.event.UnknownPayload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flat view keeps the Python and Ruby names, and does not crash where the Python
 * decomposer does (docs/k2-webhooks.md §6.4).
 */
class K2PayloadDecomposerTests {

	private final K2PayloadDecomposer decomposer = new K2PayloadDecomposer(new K2PayloadParser());

	@Test
	void buygoodsReceivedHasThePythonAndRubyNames() {
		DecomposedPayload payload = decompose("webhook-buygoods_transaction_received.json");
		assertThat(payload.topic()).isEqualTo("buygoods_transaction_received");
		assertThat(payload.id()).isEqualTo("2133dbfb-24b9-40fc-ae57-2d7559785760");
		assertThat(payload.createdAt())
			.isEqualTo(OffsetDateTime.of(2020, 10, 22, 10, 43, 20, 0, ZoneOffset.ofHours(3)));
		assertThat(payload.resultType()).isEqualTo("Buygoods Transaction");
		assertThat(payload.eventType()).isEqualTo("Buygoods Transaction");
		assertThat(payload.resourceId()).isEqualTo("458712f-gr76y-24b9-40fc-ae57-2d35785760");
		assertThat(payload.amount()).isEqualTo(new BigDecimal("100.0"));
		assertThat(payload.currency()).isEqualTo("KES");
		assertThat(payload.status()).isEqualTo("Received");
		assertThat(payload.reference()).isEqualTo("OJM6Q1W84K");
		assertThat(payload.system()).isEqualTo("Lipa Na M-PESA");
		assertThat(payload.tillNumber()).isEqualTo("514459");
		assertThat(payload.senderPhoneNumber()).isEqualTo("+254999999999");
		assertThat(payload.firstName()).isEqualTo("Jane");
		assertThat(payload.lastName()).isEqualTo("Doe");
		assertThat(payload.senderFirstName()).isEqualTo("Jane");
		assertThat(payload.hashedPhoneNumber()).isEqualTo("abc123hashedphone");
		assertThat(payload.hashedSenderPhone()).isEqualTo("abc123hashedphone");
		assertThat(payload.linksSelf()).endsWith("/webhook_events/2133dbfb-24b9-40fc-ae57-2d7559785760");
		assertThat(payload.linksResource()).endsWith("/financial_transaction/458712f-gr76y-24b9-40fc-ae57-2d35785760");
		assertThat(payload.type()).isNull();
		assertThat(payload.metadata()).isNull();
	}

	@Test
	void customerCreatedWithoutResourceIdDoesNotCrash() {
		DecomposedPayload payload = decompose("webhook-customer_created.json");
		assertThat(payload.resourceId()).isNull();
		assertThat(payload.firstName()).isEqualTo("Jane");
		assertThat(payload.middleName()).isEqualTo("M");
		assertThat(payload.lastName()).isEqualTo("Doe");
		assertThat(payload.resourceFirstName()).isEqualTo("Jane");
		assertThat(payload.resourcePhoneNumber()).isEqualTo("+254999999999");
	}

	@Test
	void settlementTransferCompletedWithoutReferenceDoesNotCrash() {
		DecomposedPayload payload = decompose("webhook-settlement_transfer_completed.json");
		assertThat(payload.reference()).isNull();
		assertThat(payload.amount()).isEqualTo(new BigDecimal("49452.0"));
		assertThat(payload.status()).isEqualTo("Transferred");
		assertThat(payload.disbursements()).hasSize(2);
	}

	@Test
	void settlementBankDestinationIsReadFromTheRealTypeAndNesting() {
		DecomposedPayload payload = decompose("webhook-settlement_transfer_completed.json");
		assertThat(payload.destinationType()).isEqualTo("Bank Account");
		assertThat(payload.destinationReference()).isEqualTo("34a273d1-fedc-4610-8ab6-a1ba4828f317");
		assertThat(payload.accountName()).isEqualTo("Test Account");
		assertThat(payload.accountNumber()).isEqualTo("1234");
		assertThat(payload.bankBranchId()).isEqualTo("ea2e79f7-35a1-486e-9e18-fe06589a9d7d");
		assertThat(payload.bankId()).isNull();
		assertThat(payload.destinationAccountName()).isEqualTo("Test Account");
		assertThat(payload.destinationBankBranchRef()).isEqualTo("ea2e79f7-35a1-486e-9e18-fe06589a9d7d");
		assertThat(payload.destinationSettlementMethod()).isEqualTo("EFT");
		assertThat(payload.destinationTransferMethod()).isEqualTo("EFT");
		assertThat(payload.msisdn()).isNull();
	}

	@Test
	void settlementMobileWalletDestinationIsRead() {
		DecomposedPayload payload = this.decomposer.decompose(("{\"topic\":\"settlement_transfer_completed\","
				+ "\"event\":{\"resource\":{\"destination\":{\"type\":\"Mobile Wallet\",\"resource\":{\"reference\":\"w\","
				+ "\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"phone_number\":\"+254711\",\"network\":\"Safaricom\"}}}}}")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(payload.msisdn()).isEqualTo("+254711");
		assertThat(payload.network()).isEqualTo("Safaricom");
		assertThat(payload.destinationPhoneNumber()).isEqualTo("+254711");
		assertThat(payload.destinationFirstName()).isEqualTo("Jane");
		assertThat(payload.accountName()).isNull();
	}

	@Test
	void buygoodsReversedWithoutReversalTimeDoesNotCrash() {
		DecomposedPayload payload = decompose("webhook-buygoods_transaction_reversed.json");
		assertThat(payload.reversalTime()).isNull();
		assertThat(payload.status()).isEqualTo("Reversed");
	}

	@Test
	void buygoodsReceivedWithoutHashedPhoneDoesNotCrash() {
		DecomposedPayload payload = this.decomposer
			.decompose("{\"topic\":\"buygoods_transaction_received\",\"event\":{\"resource\":{\"id\":\"r\"}}}"
				.getBytes(StandardCharsets.UTF_8));
		assertThat(payload.hashedPhoneNumber()).isNull();
		assertThat(payload.resourceId()).isEqualTo("r");
	}

	@Test
	void failedIncomingPaymentWithNullResourceDoesNotCrash() {
		DecomposedPayload payload = decompose("result-incoming_payment-failed.json");
		assertThat(payload.id()).isEqualTo("09bc45fc-3b97-4c44-b860-42a7bcbd7480");
		assertThat(payload.type()).isEqualTo("incoming_payment");
		assertThat(payload.status()).isEqualTo("Failed");
		assertThat(payload.errors()).isEqualTo("The initiator information is invalid.");
		assertThat(payload.k2Errors()).isEqualTo("The initiator information is invalid.");
		assertThat(payload.resourceId()).isNull();
		assertThat(payload.amount()).isNull();
		assertThat(payload.metadata()).containsEntry("customer_id", "123456789");
	}

	@Test
	void pendingIncomingPaymentWithNullResourceDoesNotCrash() {
		DecomposedPayload payload = decompose("status-incoming_payment-pending.json");
		assertThat(payload.status()).isEqualTo("Pending");
		assertThat(payload.resourceStatus()).isNull();
	}

	@Test
	void successfulIncomingPaymentHasThePythonNames() {
		DecomposedPayload payload = decompose("result-incoming_payment-success.json");
		assertThat(payload.initiationTime()).isNotNull();
		assertThat(payload.eventType()).isEqualTo("Incoming Payment Request");
		assertThat(payload.resourceId()).isEqualTo("52f86f-f2aa-4d70-baa2-ccfe4b78f4fc");
		assertThat(payload.transactionReference()).isEqualTo("OJJ1MPU40Z");
		assertThat(payload.senderPhoneNumber()).isEqualTo("+254999999999");
		assertThat(payload.amount()).isEqualTo(new BigDecimal("100.0"));
		assertThat(payload.tillNumber()).isEqualTo("K514459");
		assertThat(payload.resourceStatus()).isEqualTo("Received");
		assertThat(payload.senderFirstName()).isEqualTo("Joe");
		assertThat(payload.senderLastName()).isEqualTo("Buyer");
		assertThat(payload.linksSelf()).endsWith("/incoming_payments/a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc");
		assertThat(payload.callbackUrl()).isEqualTo("https://webhook.site/675d4ef4-0629-481f-83cd-d101f55e4bc8");
	}

	@Test
	void paymentWithoutOriginationTimeDoesNotCrash() {
		DecomposedPayload payload = decompose("result-payment-processed.json");
		assertThat(payload.originationTime()).isNull();
		assertThat(payload.createdAt()).isNotNull();
		assertThat(payload.amount()).isEqualByComparingTo("780");
		assertThat(payload.totalValue()).isEqualByComparingTo("780");
		assertThat(payload.currency()).isEqualTo("KES");
		assertThat(payload.transferBatches()).hasSize(1);
	}

	@Test
	void settlementTransferWithoutMetadataDoesNotCrash() {
		DecomposedPayload payload = decompose("result-settlement_transfer-processed.json");
		assertThat(payload.metadata()).isNull();
		assertThat(payload.amount()).isNull();
		assertThat(payload.transferBatches()).hasSize(2);
	}

	@Test
	void darajaEventHasThePythonDarajaNames() {
		DecomposedPayload payload = decompose("webhook-daraja-python-test.json");
		assertThat(payload.topic()).isEqualTo("daraja_payload");
		assertThat(payload.transactionType()).isEqualTo("Pay Bill");
		assertThat(payload.transactionId()).isEqualTo("LGR219G3EY");
		assertThat(payload.transactionTime()).isEqualTo("20170727104247");
		assertThat(payload.transactionAmount()).isEqualTo(new BigDecimal("10.00"));
		assertThat(payload.businessShortCode()).isEqualTo("600610");
		assertThat(payload.billRefNumber()).isEqualTo("account");
		assertThat(payload.invoiceNumber()).isEmpty();
		assertThat(payload.orgAccountBalance()).isEqualTo(new BigDecimal("49197.00"));
		assertThat(payload.thirdPartyTransactionId()).isEmpty();
		assertThat(payload.msisdn()).isEqualTo("254901234567");
		assertThat(payload.firstName()).isEqualTo("John");
		assertThat(payload.lastName()).isEqualTo("Doe");
	}

	@Test
	void reversalHasTheRubyNames() {
		DecomposedPayload payload = decompose("result-reversal-processed.json");
		assertThat(payload.transactionReference()).isEqualTo("DAV1777481072");
		assertThat(payload.reason()).isEqualTo("Testing");
		assertThat(payload.reversalBulkPayment().transactionReference()).isEqualTo("DAVREV1777481249");
		assertThat(payload.requestErrors()).isNull();
	}

	@Test
	void paymentLinkHasTheRubyNames() {
		DecomposedPayload payload = decompose("result-payment_link-paid.json");
		assertThat(payload.tillName()).isEqualTo("David Kariuki Mwangi");
		assertThat(payload.paymentReference()).isEqualTo("daud");
		assertThat(payload.note()).isEqualTo("Notes");
		assertThat(payload.amount()).isEqualByComparingTo("3101");
		assertThat(payload.paymentLink().isPaid()).isTrue();
	}

	@Test
	void pollingAndSmsNotificationKeepTheirFields() {
		assertThat(decompose("result-polling-success.json").transactions()).hasSize(1);
		assertThat(decompose("result-transaction_sms_notification-success.json").webhookEventReference())
			.isEqualTo("ee9df9c4-b637-4a9d-bf49-df1af0c61387");
	}

	@Test
	void sendMoneyKeepsBatchesAndDestinations() {
		DecomposedPayload payload = decompose("result-send_money-processed.json");
		assertThat(payload.sourceIdentifier()).isEqualTo("4321");
		assertThat(payload.destinations()).hasSize(2);
		assertThat(payload.transferBatches()).hasSize(2);
	}

	@Test
	void cardReceivedHasTheRubyNames() {
		DecomposedPayload payload = this.decomposer.decompose(("{\"topic\":\"card_transaction_received\","
				+ "\"event\":{\"resource\":{\"customer_cc_number\":\"4111\",\"settled\":true,\"till_number\":\"K1\"}}}")
			.getBytes(StandardCharsets.UTF_8));
		assertThat(payload.customerCcNumber()).isEqualTo("4111");
		assertThat(payload.settled()).isTrue();
		assertThat(payload.tillNumber()).isEqualTo("K1");
	}

	@Test
	void unknownPayloadKeepsItsIdentifiers() {
		DecomposedPayload payload = this.decomposer.decompose(new UnknownPayload("i", "t", "y", "{}"));
		assertThat(payload.id()).isEqualTo("i");
		assertThat(payload.topic()).isEqualTo("t");
		assertThat(payload.type()).isEqualTo("y");
	}

	@Test
	void bareEnvelopesOfEveryTopicAndTypeDoNotCrash() {
		for (String topic : new String[] { "buygoods_transaction_received", "buygoods_transaction_reversed",
				"b2b_transaction_received", "b2b_transaction_reversed", "m2m_transaction_received",
				"settlement_transfer_completed", "customer_created", "card_transaction_received",
				"card_transaction_voided", "card_transaction_reversed" }) {
			assertThat(this.decomposer.decompose(("{\"topic\":\"" + topic + "\"}").getBytes(StandardCharsets.UTF_8))
				.topic()).isEqualTo(topic);
		}
		for (String type : new String[] { "incoming_payment", "payment", "settlement_transfer", "polling",
				"transaction_sms_notification", "send_money", "reversal", "reversals", "payment_link" }) {
			assertThat(this.decomposer
				.decompose(("{\"data\":{\"type\":\"" + type + "\"}}").getBytes(StandardCharsets.UTF_8))
				.type()).isEqualTo(type);
		}
	}

	private DecomposedPayload decompose(String example) {
		return this.decomposer.decompose(Examples.bytes(example));
	}

}
