package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The create and status endpoints under {@code /api/v1} and {@code /api/v2}: each create
 * validates its body as K2 does, stores the resource with its initial status document and
 * answers {@code 201} with an absolute {@code Location}; asynchronous ones are then
 * handed to {@link Outcomes}. A status read returns the resource's current document.
 */
final class ApiEndpoints {

	private final String baseUrl;

	private final Clock clock;

	private final SimulatorState state;

	private final Outcomes outcomes;

	ApiEndpoints(String baseUrl, Clock clock, SimulatorState state, Outcomes outcomes) {
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.state = state;
		this.outcomes = outcomes;
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
		// completion belong to one test, never half to the next.
		synchronized (this.state) {
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
		return HttpReply.json(200, resource.document());
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
			case PAY_RECIPIENTS -> payRecipient(body, attributes);
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

	private static void payRecipient(ObjectNode body, ObjectNode attributes) {
		String type = Wire.text(body, "type").toLowerCase(Locale.ROOT);
		JsonNode recipient = body.get("pay_recipient");
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
