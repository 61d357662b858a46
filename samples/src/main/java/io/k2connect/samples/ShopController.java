package io.k2connect.samples;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.k2connect.K2ApiException;
import io.k2connect.K2ConnectionException;
import io.k2connect.K2ValidationException;
import io.k2connect.ResourceLocation;
import io.k2connect.paymentlink.PaymentLinkRequest;
import io.k2connect.paymentlink.PaymentLinkService;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.receive.ReceivePaymentsService;
import io.k2connect.reversal.ReversalRequest;
import io.k2connect.reversal.ReversalService;
import io.k2connect.sendmoney.MobileWalletDestination;
import io.k2connect.sendmoney.SendMoneyRequest;
import io.k2connect.sendmoney.SendMoneyService;
import io.k2connect.simulator.K2Simulator;
import io.k2connect.transfer.SettleFundsRequest;
import io.k2connect.transfer.TransferService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The shop's HTTP API, used by the page at {@code /}: ask a customer to pay (STK push),
 * pay someone out (v2 send money), sell by payment link (create, cancel, and on the
 * simulator pay it), reverse a till payment, settle funds, and, on the simulator, play a
 * customer paying the till.
 */
@RestController
class ShopController {

	private final ReceivePaymentsService receivePayments;

	private final SendMoneyService sendMoney;

	private final PaymentLinkService paymentLinks;

	private final ReversalService reversals;

	private final TransferService transfers;

	private final ObjectProvider<K2Simulator> simulator;

	private final ShopProperties shop;

	private final CallbackUrls callbackUrls;

	private final Ledger ledger;

	private final LiveUpdates liveUpdates;

	ShopController(ReceivePaymentsService receivePayments, SendMoneyService sendMoney, PaymentLinkService paymentLinks,
			ReversalService reversals, TransferService transfers, ObjectProvider<K2Simulator> simulator,
			ShopProperties shop, CallbackUrls callbackUrls, Ledger ledger, LiveUpdates liveUpdates) {
		this.receivePayments = receivePayments;
		this.sendMoney = sendMoney;
		this.paymentLinks = paymentLinks;
		this.reversals = reversals;
		this.transfers = transfers;
		this.simulator = simulator;
		this.shop = shop;
		this.callbackUrls = callbackUrls;
		this.ledger = ledger;
		this.liveUpdates = liveUpdates;
	}

	/**
	 * Asks the customer's phone to pay (M-PESA STK push); the result arrives at the
	 * webhook endpoint.
	 */
	@PostMapping("/payments")
	ResponseEntity<Map<String, String>> requestPayment(@RequestBody PaymentForm form) {
		ResourceLocation location = this.receivePayments.createPaymentRequest(PaymentRequest.builder()
			.tillNumber(this.shop.tillNumber())
			.phoneNumber(form.phone())
			.amount(form.amount())
			.firstName(form.firstName())
			.metadata(Map.of("source", "k2connect-sample"))
			.callbackUrl(this.callbackUrls.webhookEndpoint())
			.build());
		this.ledger.paymentRequested(location.id(), form.phone(), form.amount());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("id", location.id(), "location", location.location().toString()));
	}

	@GetMapping("/payments")
	List<Ledger.Payment> payments() {
		return this.ledger.payments();
	}

	/**
	 * Pays a phone number out with v2 send money: the destination carries the recipient's
	 * details, so no recipient has to be registered first.
	 */
	@PostMapping("/payouts")
	ResponseEntity<Map<String, String>> payOut(@RequestBody PayoutForm form) {
		ResourceLocation payment = this.sendMoney.sendMoney(SendMoneyRequest.builder()
			.destination(MobileWalletDestination.builder()
				.phoneNumber(form.phone())
				.amount(form.amount())
				.description("Payout from the k2connect sample"))
			.metadata(Map.of("source", "k2connect-sample"))
			.callbackUrl(this.callbackUrls.webhookEndpoint())
			.build());
		this.ledger.received("Payout requested", "KES " + form.amount() + " to " + form.phone());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", payment.id()));
	}

	/** Creates a payment link for the shop's till; its result arrives when it is paid. */
	@PostMapping("/payment-links")
	ResponseEntity<Map<String, String>> createPaymentLink(@RequestBody PaymentLinkForm form) {
		ResourceLocation link = this.paymentLinks.createPaymentLink(PaymentLinkRequest.builder()
			.amount(form.amount())
			.tillNumber(this.shop.tillNumber())
			.paymentReference(form.reference())
			.note("Sold by the k2connect sample")
			.callbackUrl(this.callbackUrls.webhookEndpoint())
			.build());
		this.ledger.received("Payment link created", "KES " + form.amount() + " (" + link.id() + ")");
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("id", link.id(), "location", link.location().toString()));
	}

	/** Cancels a payment link, so that it can no longer be paid. */
	@PostMapping("/payment-links/cancellations")
	Map<String, String> cancelPaymentLink(@RequestBody LocationForm form) {
		String message = this.paymentLinks.cancelPaymentLink(form.resourceLocation()).message();
		this.ledger.received("Payment link cancelled", String.valueOf(message));
		return Map.of("message", String.valueOf(message));
	}

	/** Simulator only: a customer pays a payment link. */
	@PostMapping("/simulator/payment-link-payments")
	ResponseEntity<Map<String, String>> customerPaysLink(@RequestBody LocationForm form) {
		K2Simulator k2 = this.simulator.getIfAvailable();
		if (k2 == null) {
			return simulatorNotRunning();
		}
		try {
			String reference = k2.payPaymentLink(form.resourceLocation().location().toString(), "0722000111")
				.reference();
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", reference));
		}
		catch (IllegalStateException ex) {
			// Paid, cancelled or expired: the simulator refuses, as K2's page would.
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * Reverses a till payment by its M-PESA reference; the outcome arrives as a result.
	 */
	@PostMapping("/reversals")
	ResponseEntity<Map<String, String>> reverse(@RequestBody ReversalForm form) {
		ResourceLocation reversal = this.reversals.initiateReversal(ReversalRequest.builder()
			.transactionReference(form.reference())
			.reason("Refunded by the k2connect sample")
			.callbackUrl(this.callbackUrls.webhookEndpoint())
			.build());
		this.ledger.received("Reversal requested", form.reference());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", reversal.id()));
	}

	/**
	 * Moves the available balance to the preferred settlement accounts (a blind
	 * transfer).
	 */
	@PostMapping("/settlements")
	ResponseEntity<Map<String, String>> settle() {
		ResourceLocation transfer = this.transfers
			.settleFunds(SettleFundsRequest.blind(this.callbackUrls.webhookEndpoint()));
		this.ledger.received("Settlement requested", "blind transfer");
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", transfer.id()));
	}

	/**
	 * Simulator only: a customer pays the till from their phone, and K2 sends the
	 * webhook.
	 */
	@PostMapping("/simulator/till-payments")
	ResponseEntity<Map<String, String>> customerPaysTill(@RequestBody PaymentForm form) {
		K2Simulator k2 = this.simulator.getIfAvailable();
		if (k2 == null) {
			return simulatorNotRunning();
		}
		String reference = k2.customerPaysTill(this.shop.tillNumber(), form.amount(), form.phone()).reference();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", reference));
	}

	@GetMapping("/state")
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("tillNumber", this.shop.tillNumber());
		K2Simulator k2 = this.simulator.getIfAvailable();
		state.put("simulator", k2 != null);
		if (k2 != null) {
			state.put("simulatorAdmin", k2.baseUrl() + "/simulator");
		}
		state.put("payments", this.ledger.payments());
		state.put("events", this.ledger.events());
		return state;
	}

	@GetMapping("/updates")
	SseEmitter updates() {
		return this.liveUpdates.subscribe();
	}

	@ExceptionHandler(K2ValidationException.class)
	ResponseEntity<Map<String, Object>> invalid(K2ValidationException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "invalid request", "fields", ex.errors().stream().map(Object::toString).toList()));
	}

	/** Form input the SDK itself refuses before validation (e.g. a blank amount). */
	@ExceptionHandler({ IllegalArgumentException.class, NullPointerException.class })
	ResponseEntity<Map<String, Object>> unusable(RuntimeException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", "invalid request: " + ex.getMessage()));
	}

	@ExceptionHandler(K2ApiException.class)
	ResponseEntity<Map<String, Object>> refused(K2ApiException ex) {
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", ex.getMessage()));
	}

	@ExceptionHandler(K2ConnectionException.class)
	ResponseEntity<Map<String, Object>> unreachable(K2ConnectionException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", ex.getMessage()));
	}

	/** A payment form: the customer's phone and the amount. */
	record PaymentForm(String phone, BigDecimal amount, @Nullable String firstName) {
	}

	/** A payout form. */
	private static ResponseEntity<Map<String, String>> simulatorNotRunning() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "The simulator is not running (k2.simulator.enabled=false)."));
	}

	record PaymentLinkForm(BigDecimal amount, @Nullable String reference) {
	}

	record LocationForm(@Nullable URI location) {

		ResourceLocation resourceLocation() {
			if (this.location == null) {
				throw new K2ValidationException("location", "is required");
			}
			return ResourceLocation.of(this.location);
		}

	}

	record ReversalForm(String reference) {
	}

	record PayoutForm(String phone, BigDecimal amount, String firstName, String lastName) {
	}

}
