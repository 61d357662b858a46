package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Duration;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.event.ReversalResult;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.paymentlink.PaymentLinkCancellation;
import io.k2connect.paymentlink.PaymentLinkRequest;
import io.k2connect.recipient.ExternalTill;
import io.k2connect.reversal.ReversalRequest;
import io.k2connect.sendmoney.MobileWalletDestination;
import io.k2connect.sendmoney.SendMoneyRequest;
import io.k2connect.sendmoney.TillDestination;
import io.k2connect.transfer.MobileWalletSettlementAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v2 operations through the SDK's own services against the simulator: what K2Client
 * sends, the simulator accepts; what the simulator posts and serves, K2Client reads into
 * the same typed records.
 */
@K2SimulatorTest(callbackDelayMillis = 20)
class K2SimulatorV2ParityTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final Receiver app = Receiver.start();

	@AfterEach
	void stopApp() {
		this.app.close();
	}

	@Test
	void sendMoneyToExternalDestinationsAndItsStatus(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.sendMoney()
			.sendMoney(SendMoneyRequest.builder()
				.destination(MobileWalletDestination.builder()
					.phoneNumber("0712345678")
					.amount(new BigDecimal("150"))
					.description("Refund")
					.nickname("Jane"))
				.destination(TillDestination.builder()
					.tillNumber("519953")
					.amount(new BigDecimal("250.50"))
					.description("Stock"))
				.callbackUrl(this.app.url("/k2/results"))
				.build());

		SendMoneyResult posted = (SendMoneyResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		SendMoneyResult status = client.sendMoney().sendMoneyStatus(location);

		assertThat(location.location().getPath()).startsWith("/api/v2/send_money/");
		assertThat(posted.isProcessed()).isTrue();
		assertThat(status).isEqualTo(posted);
		assertThat(status.transferBatches()).isNotEmpty();
		assertThat(status.transferBatches().get(0).disbursements()).isNotEmpty();
	}

	@Test
	void sweepToAnOwnAccountAddedOnTheV2Path(K2Simulator k2, K2Client client) {
		ResourceLocation wallet = client.transfers()
			.addMobileWalletSettlementAccount(
					MobileWalletSettlementAccount.safaricom("Jane", "Doe", "0712345678").withNickname("Till float"));
		k2.customerPaysTill("K000000", new BigDecimal("1000"), "0712345678");

		client.sendMoney().sendMoney(SendMoneyRequest.sweep(this.app.url("/k2/results")));
		SendMoneyResult posted = (SendMoneyResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());

		assertThat(wallet.location().getPath()).startsWith("/api/v2/merchant_wallets/");
		assertThat(posted.isProcessed()).isTrue();
	}

	@Test
	void externalRecipientIsAccepted(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.externalRecipients()
			.addExternalRecipient(new ExternalTill("Corner shop", "519953", "Supplier"));

		assertThat(location.location().getPath()).startsWith("/api/v2/external_recipients/");
		assertThat(k2.requests("POST", "/api/v2/external_recipients")).hasSize(1);
	}

	@Test
	void reversalOfAReceivedTillPaymentAndItsStatus(K2Simulator k2, K2Client client) {
		TillTransaction paid = k2.customerPaysTill("K000000", new BigDecimal("201"), "0712345678");

		ResourceLocation location = client.reversals()
			.initiateReversal(ReversalRequest.builder()
				.transactionReference(paid.reference())
				.reason("Wrong amount")
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		ReversalResult posted = (ReversalResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());
		ReversalResult status = client.reversals().reversalStatus(location);

		assertThat(posted.transactionReference()).isEqualTo(paid.reference());
		assertThat(status.status()).isEqualTo(posted.status()).isEqualTo("Processed");
		assertThat(status.reversalBulkPayment().amount()).isEqualByComparingTo("201");
	}

	@Test
	void paymentLinkIsCreatedActivePaidByTheSimulatorAndReportsPaid(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.paymentLinks()
			.createPaymentLink(PaymentLinkRequest.builder()
				.amount(new BigDecimal("3101"))
				.tillNumber("K000000")
				.paymentReference("INV-1")
				.note("Order 1")
				.callbackUrl(this.app.url("/k2/results"))
				.build());
		PaymentLinkResult created = client.paymentLinks().paymentLinkStatus(location);

		k2.payPaymentLink(location.location().toString(), "0712345678");
		PaymentLinkResult posted = (PaymentLinkResult) this.app.awaitOne(WAIT).verifiedPayload(k2.apiKey());

		assertThat(created.isPaid()).isFalse();
		assertThat(created.paymentLink().paymentLinkStatus()).isEqualTo("Active");
		assertThat(posted.isPaid()).isTrue();
		assertThat(client.paymentLinks().paymentLinkStatus(location).isPaid()).isTrue();
	}

	@Test
	void paymentLinkIsCancelled(K2Simulator k2, K2Client client) {
		ResourceLocation location = client.paymentLinks()
			.createPaymentLink(PaymentLinkRequest.builder()
				.amount(new BigDecimal("100"))
				.tillNumber("K000000")
				.callbackUrl(this.app.url("/k2/results"))
				.build());

		PaymentLinkCancellation cancellation = client.paymentLinks().cancelPaymentLink(location);

		assertThat(cancellation.message()).isEqualTo("Payment link cancelled.");
		assertThat(k2.requests("POST", location.location().getPath() + "/cancel")).hasSize(1);
	}

}
