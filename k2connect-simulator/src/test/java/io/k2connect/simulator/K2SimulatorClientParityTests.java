package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.PaymentResult;
import io.k2connect.event.PollingResult;
import io.k2connect.event.SettlementTransferCompleted;
import io.k2connect.event.SettlementTransferResult;
import io.k2connect.event.TransactionSmsNotificationResult;
import io.k2connect.model.SettlementMethod;
import io.k2connect.notification.TransactionSmsNotificationRequest;
import io.k2connect.pay.BankAccountRecipient;
import io.k2connect.pay.MobileWalletRecipient;
import io.k2connect.pay.PayCategory;
import io.k2connect.pay.PayDestinationType;
import io.k2connect.pay.PaybillRecipient;
import io.k2connect.pay.SendPayRequest;
import io.k2connect.pay.TillRecipient;
import io.k2connect.polling.PollingRequest;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.subscription.WebhookSubscriptionRequest;
import io.k2connect.transfer.BankSettlementAccount;
import io.k2connect.transfer.MobileWalletSettlementAccount;
import io.k2connect.transfer.SettleFundsRequest;
import io.k2connect.transfer.SettlementDestinationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every seed operation of docs/architecture.md §2, create and status, through the SDK's
 * own services against the simulator: what K2Client sends, the simulator accepts, and
 * what the simulator answers, K2Client reads into its typed records.
 */
@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorClientParityTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void paymentRequestStatusReadsTheFinishedResult(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.receivePayments()
			.createPaymentRequest(PaymentRequest.builder()
				.tillNumber("K000000")
				.phoneNumber("0712345678")
				.amount(new BigDecimal("99.50"))
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		this.app.awaitOne(WAIT);
		IncomingPaymentResult status = client.receivePayments().paymentRequestStatus(location);
		assertThat(status.isSuccess()).isTrue();
		assertThat(status.resource().amount()).isEqualByComparingTo("99.50");
	}

	@Test
	void everyPayRecipientTypeIsAccepted(K2Simulator k2, K2Client client) {
		List<ResourceLocation> locations = List.of(
				client.pay()
					.addPayRecipient(MobileWalletRecipient.builder()
						.firstName("Jane")
						.lastName("Doe")
						.phoneNumber("0712345678")
						.network(MobileWalletRecipient.SAFARICOM)
						.email("jane@example.com")
						.build()),
				client.pay()
					.addPayRecipient(new BankAccountRecipient("Jane Doe", "1234567890",
							"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.EFT)),
				client.pay().addPayRecipient(new TillRecipient("Corner shop", "519953")),
				client.pay().addPayRecipient(new PaybillRecipient("Power", "815581", "account_one")));
		assertThat(locations).extracting((location) -> location.location().getPath())
			.allSatisfy((path) -> assertThat(path).startsWith("/api/v1/pay_recipients/"));
		assertThat(k2.requests("POST", "/api/v1/pay_recipients")).hasSize(4);
	}

	@Test
	void sendPayAndPayTransactionStatus(K2Simulator k2, K2Client client) {
		ResourceLocation recipient = client.pay().addPayRecipient(new TillRecipient("Corner shop", "519953"));
		ResourceLocation payment = client.pay()
			.sendPay(SendPayRequest.builder()
				.destinationType(PayDestinationType.TILL)
				.destinationReference(recipient.id())
				.amount(new BigDecimal("780"))
				.description("Stock")
				.category(PayCategory.GENERAL)
				.tags("stock", "weekly")
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		PaymentResult posted = (PaymentResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		PaymentResult status = client.pay().payTransactionStatus(payment);
		assertThat(status).isEqualTo(posted);
		assertThat(status.status()).isEqualTo("Processed");
		assertThat(status.transferBatches().get(0).disbursements().get(0).destinationType()).isEqualTo("Till");
	}

	@Test
	void settlementAccountsAndTargetedTransfer(K2Simulator k2, K2Client client) {
		client.webhooks()
			.createSubscription(WebhookSubscriptionRequest.forCompany(WebhookEventType.SETTLEMENT_TRANSFER_COMPLETED,
					this.app.url("/k2/webhooks")));
		client.transfers()
			.addBankSettlementAccount(new BankSettlementAccount("Shop Ltd", "0011223344",
					"633aa26c-7b7c-4091-ae28-96c0687cf886", SettlementMethod.RTS));
		ResourceLocation wallet = client.transfers()
			.addMobileWalletSettlementAccount(MobileWalletSettlementAccount.safaricom("Jane", "Doe", "0712345678"));
		ResourceLocation transfer = client.transfers()
			.settleFunds(SettleFundsRequest.builder()
				.destinationType(SettlementDestinationType.MERCHANT_WALLET)
				.destinationReference(wallet.id())
				.amount(new BigDecimal("500"))
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		List<Receiver.Received> received = this.app.await(2, WAIT);
		SettlementTransferResult status = client.transfers().transferTransactionStatus(transfer);
		assertThat(status).isEqualTo(received.get(0).verifiedPayload(k2.apiKey()));
		assertThat(status.amount()).isEqualByComparingTo("500");
		SettlementTransferCompleted event = (SettlementTransferCompleted) received.get(1).verifiedPayload(k2.apiKey());
		assertThat(event.destination().type()).isEqualTo("Mobile Wallet");
		assertThat(event.destination().phoneNumber()).isEqualTo("+254712345678");
	}

	@Test
	void blindTransferThroughTheClient(K2Simulator k2, K2Client client) {
		k2.customerPaysTill("555555", new BigDecimal("120"), "0712345678");
		ResourceLocation transfer = client.transfers()
			.settleFunds(SettleFundsRequest.blind(this.app.url("/k2/results")));
		this.app.awaitOne(WAIT);
		SettlementTransferResult status = client.transfers().transferTransactionStatus(transfer);
		assertThat(status.status()).isEqualTo("Processed");
		assertThat(status.amount()).isNull();
		assertThat(status.transferBatches().get(0).disbursements().get(0).amount()).isEqualByComparingTo("120");
	}

	@Test
	void pollingRequestStatusReadsTheTransactions(K2Simulator k2, K2Client client) {
		TillTransaction tx = k2.customerPaysTill("555555", new BigDecimal("10"), "0712345678");
		ResourceLocation polling = client.polling()
			.createPollingRequest(PollingRequest.forTill("555555", OffsetDateTime.now().minusMinutes(5),
					OffsetDateTime.now().plusMinutes(5), this.app.url("/k2/results")));
		this.app.awaitOne(WAIT);
		PollingResult status = client.polling().pollingRequestStatus(polling);
		assertThat(status.transactions()).extracting((t) -> t.resource().reference()).containsExactly(tx.reference());
	}

	@Test
	void transactionNotificationStatusReadsTheResult(K2Simulator k2, K2Client client) {
		ResourceLocation sms = client.notifications()
			.sendTransactionSmsNotification(TransactionSmsNotificationRequest.builder()
				.webhookEventReference("e51438e9-c42b-4bf2-a261-faeaf189e3ed")
				.message("Thanks")
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		this.app.awaitOne(WAIT);
		TransactionSmsNotificationResult status = client.notifications().transactionNotificationStatus(sms);
		assertThat(status.status()).isEqualTo("Success");
		assertThat(status.message()).isEqualTo("Thanks");
	}

	@Test
	void statusReadSurvivesTwo503s(K2Simulator k2) {
		K2Client client = k2.clientBuilder().retryBackoff(Duration.ofMillis(10)).build();
		ResourceLocation location = client.receivePayments()
			.createPaymentRequest(PaymentRequest.builder()
				.tillNumber("K000000")
				.phoneNumber(MagicPhoneNumbers.NO_CALLBACK)
				.amount(BigDecimal.TEN)
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		k2.faults().failNext(2, 503, location.location().getPath());
		assertThat(client.receivePayments().paymentRequestStatus(location).isPending()).isTrue();
		assertThat(k2.requests("GET", location.location().getPath())).hasSize(3);
	}

}
