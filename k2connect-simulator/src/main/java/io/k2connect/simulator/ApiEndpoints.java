package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The create and status endpoints under {@code /api/v1} and {@code /api/v2}: each create
 * validates its body as K2 does, stores the resource with its initial status document and
 * answers {@code 201} with an absolute {@code Location}; asynchronous ones are then
 * handed to {@link Outcomes}. A status read returns the resource's current document.
 */
final class ApiEndpoints {

	/** K2 reverses payments received within the last 30 days (docs/k2-api.md §12). */
	static final Duration REVERSAL_WINDOW = Duration.ofDays(30);

	private final String baseUrl;

	private final Clock clock;

	private final SimulatorState state;

	private final Outcomes outcomes;

	private final PaymentLinks paymentLinks;

	ApiEndpoints(String baseUrl, Clock clock, SimulatorState state, Outcomes outcomes, PaymentLinks paymentLinks) {
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.state = state;
		this.outcomes = outcomes;
		this.paymentLinks = paymentLinks;
	}

	HttpReply create(String version, Collection collection, RecordedRequest request) {
		ObjectNode body = Wire.parseObject(request.body());
		if (body == null) {
			return HttpReply.apiError(400, "Request body must be a JSON object");
		}
		Validation v = new Validation();
		CreateRules.validate(collection, body, v);
		if (!v.isValid()) {
			return v.reply();
		}
		String id = UUID.randomUUID().toString();
		String location = this.baseUrl + "/api/" + version + "/" + collection.path() + "/" + id;
		ObjectNode document = Wire.object();
		ObjectNode attributes = Documents.envelope(document, id, collection.type());
		initialAttributes(collection, body, attributes, location);
		StoredResource resource = new StoredResource(id, collection, location, body, document);
		// Atomic with reset(), which holds the same monitor: a resource and its scheduled
		// completion belong to one test, never half to the next. The checks against the
		// state run here too, so two reversals of one payment cannot both pass.
		synchronized (this.state) {
			checkReferences(collection, body, v);
			if (!v.isValid()) {
				return v.reply();
			}
			if (collection == Collection.REVERSALS) {
				this.state.reversedReferences
					.add(this.state.transaction(Wire.text(body, "transaction_reference").strip()).reference());
			}
			this.state.store(resource);
			if (collection == Collection.WEBHOOK_SUBSCRIPTIONS) {
				this.state.subscriptions.add(subscription(id, body));
			}
			if (collection.isAsync()) {
				this.outcomes.schedule(resource);
			}
		}
		return HttpReply.created(location);
	}

	HttpReply status(Collection collection, String id) {
		StoredResource resource = this.state.resource(collection, id);
		if (resource == null) {
			return HttpReply.apiError(404, "The requested " + collection.type() + " could not be found");
		}
		if (collection == Collection.PAYMENT_LINKS) {
			this.paymentLinks.expireIfDue(resource);
		}
		return HttpReply.json(200, resource.document());
	}

	/** {@code POST /api/v2/payment_links/{id}/cancel} (docs/k2-api.md §13.3). */
	HttpReply cancelPaymentLink(String id) {
		return this.paymentLinks.cancel(id);
	}

	/**
	 * What K2 can only check against its records: the till payment a reversal names (§12:
	 * one the merchant received in the last 30 days, not reversed yet) and the transfer
	 * accounts that send money's {@code merchant_*} destinations name (§9, §11).
	 */
	private void checkReferences(Collection collection, ObjectNode body, Validation v) {
		if (collection == Collection.REVERSALS) {
			String reference = Wire.text(body, "transaction_reference").strip();
			TillTransaction tx = this.state.transaction(reference);
			if (tx == null) {
				v.problem("Transaction reference is invalid");
			}
			else if (this.state.reversedReferences.contains(tx.reference())) {
				v.problem("Transaction has already been reversed");
			}
			else if (tx.originationTime().toInstant().plus(REVERSAL_WINDOW).isBefore(this.clock.instant())) {
				v.problem("Transaction is older than 30 days and cannot be reversed");
			}
		}
		else if (collection == Collection.SEND_MONEY && body.get("destinations") instanceof ArrayNode destinations) {
			for (int i = 0; i < destinations.size(); i++) {
				JsonNode destination = destinations.get(i);
				String type = Wire.text(destination, "type").toLowerCase(Locale.ROOT);
				if (type.startsWith("merchant_")
						&& !isAccount(this.state.settlementAccount(Wire.text(destination, "reference").strip()),
								type)) {
					v.problem("Destination " + (i + 1) + " reference is invalid");
				}
			}
		}
	}

	private static boolean isAccount(@Nullable StoredResource account, String type) {
		return account != null
				&& (account.collection() == Collection.MERCHANT_WALLETS) == type.equals("merchant_wallet");
	}

	HttpReply webhookEvent(String id) {
		byte[] body = this.state.webhookEvents.get(id);
		if (body == null) {
			return HttpReply.apiError(404, "The requested webhook event could not be found");
		}
		return new HttpReply(200, Map.of("Content-Type", "application/json; charset=utf-8"), body);
	}

	private void initialAttributes(Collection collection, ObjectNode body, ObjectNode attributes, String location) {
		OffsetDateTime now = Wire.now(this.clock);
		String callbackUrl = Wire.text(Wire.object(body, "_links"), "callback_url");
		switch (collection) {
			case INCOMING_PAYMENTS -> {
				attributes.put("initiation_time", Wire.millis(now));
				attributes.put("status", "Pending");
				ObjectNode event = attributes.putObject("event");
				event.put("type", "Incoming Payment Request");
				event.putNull("resource");
				event.putNull("errors");
				Documents.metadata(attributes, body);
				Documents.links(attributes, callbackUrl, location);
			}
			case PAYMENTS -> {
				attributes.put("status", "Scheduled");
				attributes.put("created_at", Wire.millis(now));
				amount(attributes, Wire.object(body, "amount"));
				attributes.putNull("transfer_batches");
				Documents.metadata(attributes, body);
				Documents.links(attributes, callbackUrl, location);
			}
			case SETTLEMENT_TRANSFERS -> {
				attributes.put("status", "Scheduled");
				attributes.put("created_at", Wire.millis(now));
				amount(attributes, Wire.object(body, "amount"));
				attributes.putNull("transfer_batches");
				if (body.get("metadata") != null && body.get("metadata").isObject()) {
					Documents.metadata(attributes, body);
				}
				Documents.links(attributes, callbackUrl, location);
			}
			case POLLING -> {
				attributes.put("status", "Pending");
				attributes.put("created_at", Wire.millis(now));
				attributes.put("from_time", Wire.text(body, "from_time"));
				attributes.put("to_time", Wire.text(body, "to_time"));
				attributes.putNull("transactions");
				boolean till = "till".equalsIgnoreCase(Wire.text(body, "scope"));
				attributes.put("scope", till ? "Till" : "Company");
				attributes.put("scope_reference", till ? Wire.text(body, "scope_reference") : null);
				Documents.links(attributes, callbackUrl, location);
			}
			case TRANSACTION_SMS_NOTIFICATIONS -> {
				attributes.put("status", "Pending");
				attributes.put("message", Wire.text(body, "message"));
				attributes.put("webhook_event_reference", Wire.text(body, "webhook_event_reference"));
				Documents.links(attributes, callbackUrl, location);
			}
			case PAY_RECIPIENTS -> recipient(body, "pay_recipient", attributes);
			case EXTERNAL_RECIPIENTS -> recipient(body, "external_recipient", attributes);
			case SEND_MONEY -> {
				attributes.put("status", "Scheduled");
				attributes.put("created_at", Wire.millis(now));
				attributes.put("source_identifier", Wire.text(body, "source_identifier"));
				JsonNode destinations = body.get("destinations");
				if (destinations != null && destinations.isArray() && !destinations.isEmpty()) {
					attributes.set("destinations", destinations.deepCopy());
				}
				else {
					attributes.putNull("destinations");
				}
				attributes.put("currency", Wire.text(body, "currency"));
				attributes.putNull("transfer_batches");
				attributes.putNull("errors");
				Documents.metadata(attributes, body);
				Documents.links(attributes, callbackUrl, location);
			}
			case REVERSALS -> {
				attributes.put("status", "Received");
				attributes.put("created_at", Wire.millis(now));
				attributes.put("transaction_reference", Wire.text(body, "transaction_reference").strip());
				attributes.put("reason", Wire.text(body, "reason"));
				attributes.putNull("reversal_bulk_payment");
				attributes.putNull("errors");
				Documents.metadata(attributes, body);
				Documents.links(attributes, callbackUrl, location);
			}
			case PAYMENT_LINKS -> this.paymentLinks.initialAttributes(body, attributes, now, location);
			case MERCHANT_BANK_ACCOUNTS -> {
				attributes.put("status", "Approved");
				attributes.put("account_reference", UUID.randomUUID().toString());
				copy(body, attributes, "bank_branch_ref", "account_name", "account_number");
				attributes.put("settlement_method", upper(Wire.text(body, "settlement_method")));
				copy(body, attributes, "nickname");
			}
			case MERCHANT_WALLETS -> {
				copy(body, attributes, "first_name", "last_name", "phone_number", "network");
				attributes.put("status", "Approved");
				attributes.put("account_reference", UUID.randomUUID().toString());
				copy(body, attributes, "nickname");
			}
			case WEBHOOK_SUBSCRIPTIONS -> {
				attributes.put("event_type", Wire.text(body, "event_type"));
				attributes.put("webhook_uri", Wire.text(body, "url"));
				attributes.put("status", "Active");
				Scope scope = Scope.fromWireValue(Wire.text(body, "scope"));
				attributes.put("scope", (scope != null) ? scope.wireValue() : null);
				attributes.put("scope_reference", (scope == Scope.TILL) ? Wire.text(body, "scope_reference") : null);
				if (body.has("enable_daraja_payload")) {
					attributes.put("enable_daraja_payload", isDaraja(body));
				}
			}
		}
	}

	/**
	 * A v1 pay recipient or a v2 external recipient, whose fields come in
	 * {@code wrapper}.
	 */
	private static void recipient(ObjectNode body, String wrapper, ObjectNode attributes) {
		String type = Wire.text(body, "type").toLowerCase(Locale.ROOT);
		JsonNode recipient = body.get(wrapper);
		attributes.put("recipient_type", Documents.label(type));
		attributes.put("status", "Approved");
		switch (type) {
			case "mobile_wallet" -> {
				copy(recipient, attributes, "first_name", "last_name", "phone_number", "network");
				String email = Wire.text(recipient, "email");
				attributes.put("email", (email != null) ? email : "");
			}
			case "bank_account" -> {
				copy(recipient, attributes, "account_name", "account_number", "bank_branch_ref");
				attributes.put("settlement_method", upper(Wire.text(recipient, "settlement_method")));
			}
			case "till" -> copy(recipient, attributes, "till_name", "till_number");
			default -> copy(recipient, attributes, "paybill_name", "paybill_number", "paybill_account_number");
		}
		copy(recipient, attributes, "nickname");
		attributes.put("recipient_reference", UUID.randomUUID().toString());
	}

	private static void amount(ObjectNode attributes, @Nullable JsonNode requested) {
		ObjectNode amount = attributes.putObject("amount");
		amount.put("currency", "KES");
		BigDecimal value = decimal(requested);
		if (value != null) {
			amount.put("value", value);
		}
		else {
			amount.putNull("value");
		}
	}

	/**
	 * {@code amount.value} of a request that passed validation, or {@code null} when it
	 * has none.
	 */
	static @Nullable BigDecimal decimal(@Nullable JsonNode amount) {
		String value = Wire.text(amount, "value");
		return (value == null || value.isBlank()) ? null : new BigDecimal(value.strip());
	}

	private static Subscription subscription(String id, JsonNode body) {
		Scope scope = Scope.fromWireValue(Wire.text(body, "scope"));
		return new Subscription(id, Wire.text(body, "event_type"), Wire.text(body, "url"),
				(scope != null) ? scope.wireValue() : "company",
				(scope == Scope.TILL) ? Wire.text(body, "scope_reference").strip() : null, isDaraja(body));
	}

	private static boolean isDaraja(JsonNode body) {
		JsonNode daraja = body.get("enable_daraja_payload");
		return daraja != null && daraja.isBoolean() && daraja.booleanValue();
	}

	private static void copy(@Nullable JsonNode from, ObjectNode to, String... fields) {
		for (String field : fields) {
			JsonNode value = (from != null) ? from.get(field) : null;
			if (value != null && !value.isNull()) {
				to.set(field, value.deepCopy());
			}
			else if (!field.equals("nickname")) {
				to.putNull(field);
			}
		}
	}

	private static @Nullable String upper(@Nullable String text) {
		return (text != null) ? text.toUpperCase(Locale.ROOT) : null;
	}

}
