package io.k2connect.samples;

import io.k2connect.autoconfigure.webhook.K2DeliveryEvent;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2Payload;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.event.PaymentResult;
import io.k2connect.event.ReversalResult;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.event.SettlementTransferCompleted;
import io.k2connect.event.SettlementTransferResult;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to what K2 sends. The k2connect webhook endpoint has already checked the
 * signature and parsed the body; each method receives the typed record it names.
 */
@Component
class K2Listeners {

	private final Ledger ledger;

	K2Listeners(Ledger ledger) {
		this.ledger = ledger;
	}

	/**
	 * The outcome of an STK push this shop requested: posted by K2, or recovered from the
	 * request's location when its callback was lost.
	 */
	@EventListener
	void on(K2DeliveryEvent<IncomingPaymentResult> delivery) {
		IncomingPaymentResult result = delivery.getPayload();
		String reference = (result.resource() != null) ? result.resource().reference() : null;
		this.ledger.paymentSettled(result.id(), result.status(), reference, result.errors(), delivery.isRecovered());
		this.ledger.received(
				delivery.isRecovered() ? "IncomingPaymentResult (recovered: its callback was lost)"
						: "IncomingPaymentResult",
				result.status() + ((result.errors() != null) ? ": " + result.errors() : "")
						+ ((reference != null) ? " (M-PESA " + reference + ")" : ""));
	}

	/** A customer paid the till directly (webhook subscription made at start-up). */
	@EventListener
	void on(BuygoodsTransactionReceived payment) {
		this.ledger.received("BuygoodsTransactionReceived",
				payment.senderFirstName() + " paid " + payment.currency() + " " + payment.amount() + " to till "
						+ payment.tillNumber() + " (M-PESA " + payment.reference() + ")");
	}

	/** The outcome of a payout. */
	@EventListener
	void on(PaymentResult result) {
		this.ledger.received("PaymentResult",
				"Payout " + result.status() + ": " + result.currency() + " " + result.amount());
	}

	/** The outcome of a v2 payout (send money), with each destination's own state. */
	@EventListener
	void on(SendMoneyResult result) {
		this.ledger.received("SendMoneyResult",
				"Payout " + result.status() + ((result.errors() != null) ? ": " + result.errors() : ""));
	}

	/** A payment link was paid (or changed state). */
	@EventListener
	void on(PaymentLinkResult result) {
		this.ledger
			.received("PaymentLinkResult",
					"Payment link " + result.id()
							+ (result.isPaid()
									? " paid: " + result.currency() + " " + result.amount() + " (M-PESA "
											+ result.paymentLink().transactionReference() + ")"
									: " " + result.status()));
	}

	/** The outcome of a reversal. */
	@EventListener
	void on(ReversalResult result) {
		this.ledger.received("ReversalResult", "Reversal of " + result.transactionReference() + " " + result.status());
	}

	/** The outcome of a settlement transfer. */
	@EventListener
	void on(SettlementTransferResult result) {
		this.ledger.received("SettlementTransferResult", "Settlement " + result.status());
	}

	/** Funds reached a settlement account (webhook). */
	@EventListener
	void on(SettlementTransferCompleted transfer) {
		this.ledger.received("SettlementTransferCompleted",
				"Settled " + transfer.currency() + " " + transfer.amount() + ", " + transfer.status());
	}

	/** Anything else K2 sends, so that nothing goes unseen on the page. */
	@EventListener
	void on(K2Payload payload) {
		if (!(payload instanceof IncomingPaymentResult || payload instanceof BuygoodsTransactionReceived
				|| payload instanceof PaymentResult || payload instanceof SettlementTransferResult
				|| payload instanceof SendMoneyResult || payload instanceof PaymentLinkResult
				|| payload instanceof ReversalResult || payload instanceof SettlementTransferCompleted)) {
			this.ledger.received(payload.getClass().getSimpleName(), "received");
		}
	}

}
