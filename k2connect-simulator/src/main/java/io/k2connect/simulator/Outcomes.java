package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What happens after a create call: once the callback delay has passed, the resource
 * moves to its final status, the result document is posted to its callback URL, and the
 * webhooks it causes are posted to the matching subscriptions. Till payments
 * ({@link K2Simulator#customerPaysTill}) are recorded and announced here too.
 */
final class Outcomes {

	private final SimulatorConfig config;

	private final String baseUrl;

	private final SimulatorState state;

	private final Outbox outbox;

	private final ScheduledExecutorService scheduler;

	/** The fields that name the receiver in a send-money disbursement, by type. */
	private static final Map<String, List<String>> DESTINATION_FIELDS = Map.of("mobile_wallet", List.of("phone_number"),
			"bank_account", List.of("account_name", "account_number"), "till", List.of("till_number"), "paybill",
			List.of("paybill_number", "paybill_account_number"));

	/** Where a blind transfer goes when the merchant has added no settlement account. */
	private final String defaultAccountReference = UUID.randomUUID().toString();

	Outcomes(SimulatorConfig config, String baseUrl, SimulatorState state, Outbox outbox,
			ScheduledExecutorService scheduler) {
		this.config = config;
		this.baseUrl = baseUrl;
		this.state = state;
		this.outbox = outbox;
		this.scheduler = scheduler;
	}

	/**
	 * Finishes the resource after the callback delay, unless a magic value says it never
	 * finishes.
	 */
	void schedule(StoredResource resource) {
		if (resource.collection() == Collection.INCOMING_PAYMENTS
				&& MagicPhoneNumbers.NO_CALLBACK.equals(subscriberPhone(resource))) {
			return;
		}
		long epoch = this.state.epoch.get();
		Duration delay = this.config.callbackDelay();
		try {
			this.scheduler.schedule(() -> {
				// Under the state's monitor, which reset() holds too: a completion runs
				// wholly before a reset or not at all, so no result, transaction or
				// balance of a finished test leaks into the next one.
				synchronized (this.state) {
					if (epoch == this.state.epoch.get()) {
						complete(resource);
					}
				}
			}, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed
		}
	}

	/** Records a till payment and announces it to the matching subscriptions. */
	TillTransaction tillPayment(String tillNumber, BigDecimal amount, String phone, @Nullable String firstName,
			@Nullable String middleName, @Nullable String lastName) {
		TillTransaction tx = recordTillPayment(tillNumber, amount, phone, firstName, middleName, lastName);
		announce(tx);
		return tx;
	}

	/**
	 * Records a till payment (polling returns it, the balance grows) without announcing
	 * it yet.
	 */
	TillTransaction recordTillPayment(String tillNumber, BigDecimal amount, String phone, @Nullable String firstName,
			@Nullable String middleName, @Nullable String lastName) {
		TillTransaction tx = new TillTransaction(UUID.randomUUID().toString(), this.state.mpesaReference(), tillNumber,
				amount, "KES", phone, firstName, middleName, lastName, now());
		this.state.transactions.add(tx);
		this.state.credit(amount);
		return tx;
	}

	/** Posts a resource's current document, signed, to its callback URL. */
	void postResult(StoredResource resource) {
		String callbackUrl = resource.callbackUrl();
		if (callbackUrl != null) {
			this.outbox.post(Delivery.Kind.RESULT, resource.collection().type(), callbackUrl,
					Wire.bytes(resource.document()));
		}
	}

	private void complete(StoredResource resource) {
		TillTransaction received = null;
		TillTransaction reversed = null;
		Settlement settlement = null;
		ObjectNode document = resource.document().deepCopy();
		ObjectNode attributes = (ObjectNode) document.get("data").get("attributes");
		switch (resource.collection()) {
			case INCOMING_PAYMENTS -> received = completeIncomingPayment(resource, attributes);
			case PAYMENTS -> completePayment(resource, attributes);
			case SETTLEMENT_TRANSFERS -> settlement = completeSettlement(resource, attributes);
			case POLLING -> completePolling(resource, attributes);
			case TRANSACTION_SMS_NOTIFICATIONS -> attributes.put("status", "Success");
			case SEND_MONEY -> completeSendMoney(resource, attributes);
			case REVERSALS -> reversed = completeReversal(resource, attributes);
			default -> {
				return;
			}
		}
		resource.replaceDocument(document);
		if (!(resource.collection() == Collection.INCOMING_PAYMENTS
				&& MagicPhoneNumbers.CALLBACK_LOST.equals(subscriberPhone(resource)))) {
			postResult(resource);
		}
		if (received != null) {
			announce(received);
		}
		if (settlement != null) {
			announce(settlement);
		}
		if (reversed != null) {
			announceReversal(reversed);
		}
	}

	/**
	 * Send money (docs/k2-webhooks.md §4.6): one transfer batch per destination, or for a
	 * sweep the whole balance to the preferred transfer account. A magic destination
	 * number fails its disbursement, another the whole request
	 * ({@link MagicPhoneNumbers}).
	 */
	private void completeSendMoney(StoredResource resource, ObjectNode attributes) {
		JsonNode destinations = resource.request().get("destinations");
		List<JsonNode> paid = new ArrayList<>();
		if (destinations != null && destinations.isArray()) {
			destinations.forEach(paid::add);
		}
		for (JsonNode destination : paid) {
			if (MagicPhoneNumbers.SEND_MONEY_INSUFFICIENT_BALANCE.equals(Wire.text(destination, "phone_number"))) {
				attributes.put("status", "Failed");
				attributes.put("errors", MagicPhoneNumbers.INSUFFICIENT_BALANCE_MESSAGE);
				return;
			}
		}
		attributes.put("status", "Processed");
		ArrayNode batches = attributes.putArray("transfer_batches");
		if (paid.isEmpty()) {
			BigDecimal balance = this.state.takeBalance();
			if (balance.signum() > 0) {
				StoredResource account = this.state.preferredSettlementAccount();
				ObjectNode sweep = Wire.object();
				sweep.put("type", (account != null && account.collection() == Collection.MERCHANT_WALLETS)
						? "merchant_wallet" : "merchant_bank_account");
				sweep.put("reference", (account != null) ? Wire.text(account.attributes(), "account_reference")
						: this.defaultAccountReference);
				batch(batches, disbursement(sweep, balance, null));
			}
			return;
		}
		for (JsonNode destination : paid) {
			BigDecimal amount = new BigDecimal(Wire.text(destination, "amount").strip());
			String failure = MagicPhoneNumbers.SEND_MONEY_FAILED_DESTINATION
				.equals(Wire.text(destination, "phone_number")) ? MagicPhoneNumbers.RECIPIENT_FAILED_MESSAGE : null;
			if (failure == null) {
				this.state.debit(amount);
			}
			batch(batches, disbursement(destination, amount, failure));
		}
	}

	private static void batch(ArrayNode batches, ObjectNode disbursement) {
		ObjectNode batch = batches.addObject();
		batch.put("status", disbursement.get("status").asString());
		batch.put("amount", disbursement.get("amount").asString());
		batch.putArray("disbursements").add(disbursement);
	}

	/**
	 * A send-money disbursement in the key order of result-send_money-processed.json,
	 * with the identifying fields of its destination type.
	 */
	private ObjectNode disbursement(JsonNode destination, BigDecimal amount, @Nullable String failure) {
		String type = Wire.text(destination, "type").toLowerCase(Locale.ROOT);
		boolean merchant = type.startsWith("merchant_");
		ObjectNode disbursement = Wire.object();
		disbursement.put("amount", Wire.amountText(amount));
		disbursement.put("errors", failure);
		disbursement.put("status", (failure != null) ? "Failed" : "Transferred");
		if (!merchant) {
			disbursement.put("nickname", Wire.text(destination, "nickname"));
			JsonNode favourite = destination.get("favourite");
			disbursement.put("favourite", favourite != null && favourite.isBoolean() && favourite.booleanValue());
		}
		for (String field : DESTINATION_FIELDS.getOrDefault(type, List.of())) {
			disbursement.put(field, Wire.text(destination, field));
		}
		disbursement.put("destination_type", type);
		disbursement.put("origination_time", Wire.millis(now()));
		disbursement.put("destination_reference",
				merchant ? Wire.text(destination, "reference").strip() : UUID.randomUUID().toString());
		boolean bank = type.endsWith("bank_account");
		disbursement.put("transaction_reference", (failure != null || bank) ? null : this.state.mpesaReference());
		return disbursement;
	}

	/**
	 * A reversal (docs/k2-webhooks.md §4.7): the payment's amount goes back to the payer
	 * and leaves the balance. Returns the reversed payment.
	 */
	private TillTransaction completeReversal(StoredResource resource, ObjectNode attributes) {
		TillTransaction tx = this.state.transaction(Wire.text(attributes, "transaction_reference"));
		this.state.debit(tx.amount());
		attributes.put("status", "Processed");
		ObjectNode payment = attributes.putObject("reversal_bulk_payment");
		payment.put("amount", Wire.amountText(tx.amount()));
		payment.put("status", "Transferred");
		payment.put("origination_time", Wire.millis(now()));
		payment.put("transaction_reference", this.state.mpesaReference());
		return tx;
	}

	private @Nullable TillTransaction completeIncomingPayment(StoredResource resource, ObjectNode attributes) {
		String phone = subscriberPhone(resource);
		ObjectNode event = (ObjectNode) attributes.get("event");
		String failure = MagicPhoneNumbers.failureFor(phone);
		if (failure != null) {
			attributes.put("status", "Failed");
			event.putNull("resource");
			event.put("errors", failure);
			return null;
		}
		JsonNode request = resource.request();
		JsonNode subscriber = request.get("subscriber");
		BigDecimal amount = ApiEndpoints.decimal(request.get("amount"));
		TillTransaction tx = new TillTransaction(UUID.randomUUID().toString(), this.state.mpesaReference(),
				Wire.text(request, "till_number").strip(), amount, "KES", phone, Wire.text(subscriber, "first_name"),
				Wire.text(subscriber, "middle_name"), Wire.text(subscriber, "last_name"), now());
		this.state.transactions.add(tx);
		this.state.credit(amount);
		attributes.put("status", "Success");
		event.set("resource", incomingPaymentResource(tx));
		event.putNull("errors");
		return tx;
	}

	/** The key order of K2's STK push result resource (docs/k2-webhooks.md §4.1). */
	private static ObjectNode incomingPaymentResource(TillTransaction tx) {
		ObjectNode resource = Wire.object();
		resource.put("id", tx.id());
		resource.put("reference", tx.reference());
		resource.put("origination_time", Wire.seconds(tx.originationTime()));
		resource.put("sender_phone_number", tx.senderPhoneNumber());
		resource.put("hashed_sender_phone", Wire.sha256Hex(tx.senderPhoneNumber()));
		resource.put("amount", Wire.amountText(tx.amount()));
		resource.put("currency", tx.currency());
		resource.put("till_number", tx.tillNumber());
		resource.put("system", Documents.SYSTEM);
		resource.put("status", "Received");
		resource.put("sender_first_name", tx.senderFirstName());
		resource.put("sender_middle_name", tx.senderMiddleName());
		resource.put("sender_last_name", tx.senderLastName());
		return resource;
	}

	private void completePayment(StoredResource resource, ObjectNode attributes) {
		JsonNode request = resource.request();
		String destinationType = Wire.text(request, "destination_type").toLowerCase(Locale.ROOT);
		String reference = Wire.text(request, "destination_reference").strip();
		StoredResource recipient = this.state.payRecipient(reference);
		String label = (recipient != null) ? Wire.text(recipient.attributes(), "recipient_type")
				: Documents.label(destinationType);
		BigDecimal amount = ApiEndpoints.decimal(request.get("amount"));
		ObjectNode disbursement = Wire.object();
		disbursement.put("amount", Wire.amountText(amount));
		disbursement.put("status", "Transferred");
		disbursement.put("destination_type", label);
		disbursement.put("origination_time", Wire.millis(now()));
		disbursement.put("destination_reference", reference);
		disbursement.put("transaction_reference", "Bank Account".equals(label) ? null : this.state.mpesaReference());
		attributes.put("status", "Processed");
		ArrayNode batches = attributes.putArray("transfer_batches");
		ObjectNode batch = batches.addObject();
		batch.put("status", "Transferred");
		batch.putArray("disbursements").add(disbursement);
	}

	private @Nullable Settlement completeSettlement(StoredResource resource, ObjectNode attributes) {
		JsonNode request = resource.request();
		BigDecimal requested = ApiEndpoints.decimal(Wire.object(request, "amount"));
		String destinationType = Wire.text(request, "destination_type");
		StoredResource account;
		String reference;
		String type;
		if (destinationType != null) {
			reference = Wire.text(request, "destination_reference").strip();
			account = this.state.settlementAccount(reference);
			type = destinationType.toLowerCase(Locale.ROOT);
		}
		else {
			account = this.state.preferredSettlementAccount();
			reference = (account != null) ? Wire.text(account.attributes(), "account_reference")
					: this.defaultAccountReference;
			type = (account != null && account.collection() == Collection.MERCHANT_WALLETS) ? "merchant_wallet"
					: "merchant_bank_account";
		}
		if (account != null) {
			type = (account.collection() == Collection.MERCHANT_WALLETS) ? "merchant_wallet" : "merchant_bank_account";
		}
		BigDecimal amount;
		if (requested != null) {
			amount = requested;
			this.state.debit(amount);
		}
		else {
			amount = this.state.takeBalance();
		}
		attributes.put("status", "Processed");
		ArrayNode batches = attributes.putArray("transfer_batches");
		if (amount.signum() <= 0) {
			return null; // a blind transfer with nothing to settle moves no money and
							// announces nothing
		}
		OffsetDateTime time = now();
		String label = Documents.label(type);
		String transactionReference = type.equals("merchant_wallet") ? this.state.mpesaReference() : null;
		ObjectNode disbursement = Wire.object();
		disbursement.put("amount", Wire.amountText(amount));
		disbursement.put("status", "Transferred");
		disbursement.put("destination_type", label);
		disbursement.put("origination_time", Wire.millis(time));
		disbursement.put("destination_reference", reference);
		disbursement.put("transaction_reference", transactionReference);
		ObjectNode batch = batches.addObject();
		batch.put("status", "Transferred");
		batch.putArray("disbursements").add(disbursement);
		return new Settlement(Wire.amountText(amount), destination(type, reference, account), time,
				transactionReference);
	}

	/**
	 * {@code event.resource.destination} of a settlement webhook: the stored account, or
	 * a stand-in.
	 */
	private static ObjectNode destination(String type, String reference, @Nullable StoredResource account) {
		ObjectNode destination = Wire.object();
		destination.put("type", Documents.label(type));
		ObjectNode resource = destination.putObject("resource");
		resource.put("reference", reference);
		JsonNode stored = (account != null) ? account.attributes() : null;
		if (type.equals("merchant_wallet")) {
			resource.put("first_name", orDefault(stored, "first_name", "Simulated"));
			resource.put("last_name", orDefault(stored, "last_name", "Merchant"));
			resource.put("phone_number", orDefault(stored, "phone_number", "+254700000000"));
			resource.put("network", orDefault(stored, "network", "Safaricom"));
		}
		else {
			resource.put("account_name", orDefault(stored, "account_name", "Simulated Merchant"));
			resource.put("account_number", orDefault(stored, "account_number", "0000000000"));
			resource.put("bank_branch_ref",
					orDefault(stored, "bank_branch_ref", "633aa26c-7b7c-4091-ae28-96c0687cf886"));
			resource.put("settlement_method", orDefault(stored, "settlement_method", "EFT"));
		}
		return destination;
	}

	private static String orDefault(@Nullable JsonNode node, String field, String fallback) {
		String value = Wire.text(node, field);
		return (value != null) ? value : fallback;
	}

	private void completePolling(StoredResource resource, ObjectNode attributes) {
		JsonNode request = resource.request();
		Instant from = OffsetDateTime.parse(Wire.text(request, "from_time")).toInstant();
		Instant to = OffsetDateTime.parse(Wire.text(request, "to_time")).toInstant();
		boolean till = "till".equalsIgnoreCase(Wire.text(request, "scope"));
		String tillNumber = till ? Wire.text(request, "scope_reference").strip() : null;
		ArrayNode transactions = attributes.putArray("transactions");
		for (TillTransaction tx : this.state.transactions) {
			Instant at = tx.originationTime().toInstant();
			if (at.isBefore(from) || at.isAfter(to) || (till && !tx.tillNumber().equalsIgnoreCase(tillNumber))) {
				continue;
			}
			ObjectNode transaction = transactions.addObject();
			transaction.put("type", "Buygoods Transaction");
			transaction.set("resource", Documents.transaction(tx, false));
		}
		attributes.put("status", "Success");
	}

	/**
	 * Posts a {@code buygoods_transaction_received} event to every matching subscription.
	 */
	void announce(TillTransaction tx) {
		for (Subscription subscription : this.state.subscriptions) {
			if (!subscription.matches(Documents.BUYGOODS_TOPIC, tx.tillNumber())) {
				continue;
			}
			byte[] body;
			if (subscription.daraja()) {
				body = Wire.bytes(Documents.darajaBuygoods(tx));
			}
			else {
				String eventId = UUID.randomUUID().toString();
				body = Wire.bytes(Documents.buygoodsEvent(eventId, tx, now(), this.baseUrl));
				this.state.webhookEvents.put(eventId, body);
			}
			this.outbox.post(Delivery.Kind.WEBHOOK, Documents.BUYGOODS_TOPIC, subscription.url(), body);
		}
	}

	/**
	 * Posts a {@code buygoods_transaction_reversed} event (docs/k2-webhooks.md §3.2) to
	 * every matching subscription.
	 */
	private void announceReversal(TillTransaction tx) {
		for (Subscription subscription : this.state.subscriptions) {
			if (!subscription.matches(Documents.BUYGOODS_REVERSED_TOPIC, tx.tillNumber())) {
				continue;
			}
			String eventId = UUID.randomUUID().toString();
			byte[] body = Wire.bytes(Documents.buygoodsReversedEvent(eventId, tx, now(), this.baseUrl));
			this.state.webhookEvents.put(eventId, body);
			this.outbox.post(Delivery.Kind.WEBHOOK, Documents.BUYGOODS_REVERSED_TOPIC, subscription.url(), body);
		}
	}

	/**
	 * Posts a {@code settlement_transfer_completed} event to every matching subscription.
	 */
	private void announce(Settlement settlement) {
		for (Subscription subscription : this.state.subscriptions) {
			if (!subscription.matches(Documents.SETTLEMENT_TOPIC, null)) {
				continue;
			}
			String eventId = UUID.randomUUID().toString();
			ArrayNode disbursements = Wire.array();
			ObjectNode disbursement = disbursements.addObject();
			disbursement.put("amount", settlement.amount());
			disbursement.put("status", "Transferred");
			disbursement.put("origination_time", Wire.millis(settlement.time()));
			disbursement.put("transaction_reference", settlement.transactionReference());
			byte[] body = Wire.bytes(Documents.settlementEvent(eventId, UUID.randomUUID().toString(), settlement.time(),
					settlement.amount(), settlement.destination().deepCopy(), disbursements, this.baseUrl));
			this.state.webhookEvents.put(eventId, body);
			this.outbox.post(Delivery.Kind.WEBHOOK, Documents.SETTLEMENT_TOPIC, subscription.url(), body);
		}
	}

	private static String subscriberPhone(StoredResource resource) {
		String phone = Wire.text(Wire.object(resource.request(), "subscriber"), "phone_number");
		return (phone != null) ? phone.strip() : "";
	}

	private OffsetDateTime now() {
		return Wire.now(this.config.clock());
	}

	/** What a finished settlement transfer announces. */
	private record Settlement(String amount, ObjectNode destination, OffsetDateTime time,
			@Nullable String transactionReference) {

	}

}
