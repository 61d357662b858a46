package io.k2connect.simulator;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Pattern;

import io.k2connect.model.Scope;
import io.k2connect.subscription.WebhookEventType;
import tools.jackson.databind.JsonNode;

/**
 * What K2 refuses in the body of each create call (docs/k2-api.md §3–§13): required
 * fields, formats, enums and the combinations between them. Topic and scope rules come
 * from core's {@link WebhookEventType}, so the simulator and the SDK cannot disagree
 * about them.
 */
final class CreateRules {

	static final Set<String> RECIPIENT_TYPES = Set.of("mobile_wallet", "bank_account", "till", "paybill");

	static final Set<String> SETTLEMENT_METHODS = Set.of("eft", "rts");

	static final Set<String> SETTLEMENT_DESTINATIONS = Set.of("merchant_bank_account", "merchant_wallet");

	/** The categories of a PAY payment (docs/k2-api.md §5.2). */
	static final Set<String> PAYMENT_CATEGORIES = Set.of("advertising_and_marketing", "education_and_training",
			"general", "insurance", "legal_and_professional", "maintenance_and_repairs", "loans", "office_supplies",
			"permits_licences_subscriptions", "postage_and_shipping", "rent_or_mortgage", "sales_commissions", "travel",
			"utilities", "salaries");

	/** The destination types of send money (docs/k2-api.md §9). */
	static final Set<String> DESTINATION_TYPES = Set.of("mobile_wallet", "bank_account", "till", "paybill",
			"merchant_wallet", "merchant_bank_account");

	/** A till number, Online Payments tills with their {@code K}. */
	private static final Pattern SOURCE_IDENTIFIER = Pattern.compile("[Kk]?\\d{1,12}");

	private static final Set<String> DARAJA_TOPICS = Set.of("buygoods_transaction_received",
			"b2b_transaction_received");

	private CreateRules() {
	}

	static void validate(Collection collection, JsonNode body, Validation v) {
		switch (collection) {
			case INCOMING_PAYMENTS -> validateIncomingPayment(body, v);
			case PAY_RECIPIENTS -> validatePayRecipient(body, v);
			case PAYMENTS -> validatePayment(body, v);
			case MERCHANT_BANK_ACCOUNTS -> validateBankAccount(body, v);
			case MERCHANT_WALLETS -> validateWallet(body, v, "");
			case SETTLEMENT_TRANSFERS -> validateSettlement(body, v);
			case WEBHOOK_SUBSCRIPTIONS -> validateSubscription(body, v);
			case TRANSACTION_SMS_NOTIFICATIONS -> validateSms(body, v);
			case POLLING -> validatePolling(body, v);
			case SEND_MONEY -> validateSendMoney(body, v);
			case EXTERNAL_RECIPIENTS -> validateRecipient(body, v, "external_recipient", "External recipient ", false);
			case REVERSALS -> validateReversal(body, v);
			case PAYMENT_LINKS -> validatePaymentLink(body, v);
		}
	}

	private static void validateIncomingPayment(JsonNode body, Validation v) {
		v.requiredText(body, "payment_channel", "Payment channel");
		v.requiredText(body, "till_number", "Till number");
		JsonNode subscriber = v.requiredObject(body, "subscriber", "Subscriber");
		if (subscriber != null) {
			v.phone(subscriber, "phone_number", "Subscriber phone number");
			v.email(subscriber, "email", "Subscriber email");
		}
		v.money(body, "amount", "Amount");
		v.metadata(body);
		v.callbackUrl(body);
	}

	private static void validatePayRecipient(JsonNode body, Validation v) {
		validateRecipient(body, v, "pay_recipient", "Pay recipient ", true);
	}

	/**
	 * A v1 pay recipient ({@code pay_recipient}, §5.1) or a v2 external recipient
	 * ({@code external_recipient}, §10): the same four types, but v2 takes a {@code 254…}
	 * phone and makes the bank account's settlement method optional.
	 */
	private static void validateRecipient(JsonNode body, Validation v, String wrapper, String prefix, boolean v1) {
		String type = v.oneOf(body, "type", "Type", RECIPIENT_TYPES);
		JsonNode recipient = v.requiredObject(body, wrapper, prefix.strip());
		if (type == null || recipient == null) {
			return;
		}
		switch (type) {
			case "mobile_wallet" -> {
				validateWallet(recipient, v, prefix, v1 ? Validation.PHONE : Validation.RECIPIENT_PHONE);
				v.email(recipient, "email", prefix + "email");
			}
			case "bank_account" ->
				validateBankAccountFields(recipient, v, prefix, v1 || !Wire.isAbsent(recipient, "settlement_method"));
			case "till" -> {
				v.requiredText(recipient, "till_name", prefix + "till name");
				v.requiredText(recipient, "till_number", prefix + "till number");
			}
			default -> {
				v.requiredText(recipient, "paybill_name", prefix + "paybill name");
				v.requiredText(recipient, "paybill_number", prefix + "paybill number");
				v.requiredText(recipient, "paybill_account_number", prefix + "paybill account number");
			}
		}
	}

	private static void validatePayment(JsonNode body, Validation v) {
		v.oneOf(body, "destination_type", "Destination type", RECIPIENT_TYPES);
		v.requiredText(body, "destination_reference", "Destination reference");
		v.money(body, "amount", "Amount");
		v.requiredText(body, "description", "Description");
		if (!Wire.isAbsent(body, "category")) {
			v.oneOf(body, "category", "Category", PAYMENT_CATEGORIES);
		}
		JsonNode tags = body.get("tags");
		if (tags != null && !tags.isNull() && !tags.isArray() && !tags.isString()) {
			v.problem("Tags must be a list of strings");
		}
		v.metadata(body);
		v.callbackUrl(body);
	}

	private static void validateBankAccount(JsonNode body, Validation v) {
		validateBankAccountFields(body, v, "", true);
	}

	private static void validateBankAccountFields(JsonNode node, Validation v, String prefix,
			boolean withSettlementMethod) {
		v.requiredText(node, "account_name", capitalise(prefix + "account name"));
		v.requiredText(node, "account_number", capitalise(prefix + "account number"));
		v.requiredText(node, "bank_branch_ref", capitalise(prefix + "bank branch ref"));
		if (withSettlementMethod) {
			v.oneOf(node, "settlement_method", capitalise(prefix + "settlement method"), SETTLEMENT_METHODS);
		}
	}

	private static void validateWallet(JsonNode node, Validation v, String prefix) {
		validateWallet(node, v, prefix, Validation.PHONE);
	}

	private static void validateWallet(JsonNode node, Validation v, String prefix, Pattern phoneRule) {
		v.requiredText(node, "first_name", capitalise(prefix + "first name"));
		v.requiredText(node, "last_name", capitalise(prefix + "last name"));
		v.phone(node, "phone_number", capitalise(prefix + "phone number"), phoneRule);
		v.requiredText(node, "network", capitalise(prefix + "network"));
	}

	private static void validateSettlement(JsonNode body, Validation v) {
		v.callbackUrl(body);
		v.metadata(body);
		boolean targeted = !Wire.isAbsent(body, "destination_type") || !Wire.isAbsent(body, "destination_reference");
		JsonNode amount = Wire.object(body, "amount");
		boolean hasAmount = amount != null && !Wire.isAbsent(amount, "value");
		if (targeted) {
			v.oneOf(body, "destination_type", "Destination type", SETTLEMENT_DESTINATIONS);
			v.requiredText(body, "destination_reference", "Destination reference");
			v.money(body, "amount", "Amount");
		}
		else if (hasAmount) {
			// A blind transfer may name an amount to settle only part of the balance
			// (.NET SDK).
			v.currency(amount, "Amount currency");
			v.positiveAmount(amount, "value", "Amount value");
		}
	}

	private static void validateSubscription(JsonNode body, Validation v) {
		String eventTypeName = v.requiredText(body, "event_type", "Event type");
		WebhookEventType eventType = WebhookEventType.fromWireValue(eventTypeName);
		if (eventTypeName != null && eventType == null) {
			v.problem("Event type " + eventTypeName + " is not a supported event type");
		}
		v.url(body, "url", "Url");
		String scopeName = v.requiredText(body, "scope", "Scope");
		Scope scope = Scope.fromWireValue(scopeName);
		if (scopeName != null && scope == null) {
			v.problem("Scope must be one of company, till");
		}
		if (eventType != null && scope != null && !eventType.allows(scope)) {
			v.problem("Scope must be " + String.join(" or ", eventType.scopes().stream().map(Scope::wireValue).toList())
					+ " for event type " + eventType.wireValue());
		}
		if (scope == Scope.TILL) {
			v.requiredText(body, "scope_reference", "Scope reference");
		}
		JsonNode daraja = body.get("enable_daraja_payload");
		if (daraja != null && !daraja.isNull()) {
			if (!daraja.isBoolean()) {
				v.problem("Enable daraja payload must be true or false");
			}
			else if (daraja.booleanValue() && eventTypeName != null && !DARAJA_TOPICS.contains(eventTypeName)) {
				v.problem("Enable daraja payload is only available for buygoods_transaction_received and "
						+ "b2b_transaction_received");
			}
		}
	}

	private static void validateSms(JsonNode body, Validation v) {
		v.requiredText(body, "webhook_event_reference", "Webhook event reference");
		v.requiredText(body, "message", "Message");
		v.callbackUrl(body);
	}

	private static void validatePolling(JsonNode body, Validation v) {
		String scope = v.oneOf(body, "scope", "Scope", Set.of("company", "till"));
		if ("till".equals(scope)) {
			v.requiredText(body, "scope_reference", "Scope reference");
		}
		OffsetDateTime from = v.time(body, "from_time", "From time");
		OffsetDateTime to = v.time(body, "to_time", "To time");
		if (from != null && to != null && !from.isBefore(to)) {
			v.problem("From time must be before to time");
		}
		v.callbackUrl(body);
	}

	/**
	 * Send money (§9): a list of destinations, each checked by its type, or none for a
	 * sweep. Whether a {@code merchant_*} reference names a stored account is checked
	 * against the state by {@link ApiEndpoints}.
	 */
	private static void validateSendMoney(JsonNode body, Validation v) {
		String currency = v.requiredText(body, "currency", "Currency");
		if (currency != null && !currency.equals("KES")) {
			v.problem("Currency must be KES");
		}
		String source = v.optionalText(body, "source_identifier");
		if (source != null && !SOURCE_IDENTIFIER.matcher(source).matches()) {
			// K2's own wording (error-400-send_money.json).
			v.problem("Source identifier is invalid");
		}
		JsonNode destinations = body.get("destinations");
		if (destinations != null && !destinations.isNull()) {
			if (!destinations.isArray()) {
				v.problem("Destinations must be a list");
			}
			else {
				for (int i = 0; i < destinations.size(); i++) {
					validateDestination(destinations.get(i), v, "Destination " + (i + 1) + " ");
				}
			}
		}
		v.metadata(body);
		v.callbackUrl(body);
	}

	private static void validateDestination(JsonNode destination, Validation v, String prefix) {
		if (!destination.isObject()) {
			v.problem(prefix + "must be an object");
			return;
		}
		String type = v.oneOf(destination, "type", prefix + "type", DESTINATION_TYPES);
		if (type == null) {
			return;
		}
		switch (type) {
			case "mobile_wallet" -> {
				v.phone(destination, "phone_number", prefix + "phone number", Validation.V2_PHONE);
				String network = v.requiredText(destination, "network", prefix + "network");
				if (network != null && !network.equalsIgnoreCase("Safaricom")) {
					v.problem(prefix + "network must be Safaricom");
				}
			}
			case "bank_account" -> {
				v.requiredText(destination, "bank_branch_ref", prefix + "bank branch ref");
				v.requiredText(destination, "account_name", prefix + "account name");
				v.requiredText(destination, "account_number", prefix + "account number");
			}
			case "till" -> v.requiredText(destination, "till_number", prefix + "till number");
			case "paybill" -> {
				v.requiredText(destination, "paybill_number", prefix + "paybill number");
				v.requiredText(destination, "paybill_account_number", prefix + "paybill account number");
			}
			default -> v.requiredText(destination, "reference", prefix + "reference");
		}
		v.positiveAmount(destination, "amount", prefix + "amount");
		if (RECIPIENT_TYPES.contains(type)) {
			v.requiredText(destination, "description", prefix + "description");
		}
		JsonNode favourite = destination.get("favourite");
		if (favourite != null && !favourite.isNull() && !favourite.isBoolean()) {
			v.problem(prefix + "favourite must be true or false");
		}
	}

	private static void validateReversal(JsonNode body, Validation v) {
		v.requiredText(body, "transaction_reference", "Transaction reference");
		v.requiredText(body, "reason", "Reason");
		v.metadata(body);
		v.callbackUrl(body);
	}

	private static void validatePaymentLink(JsonNode body, Validation v) {
		v.positiveAmount(body, "amount", "Amount");
		String currency = v.requiredText(body, "currency", "Currency");
		if (currency != null && !currency.equals("KES")) {
			v.problem("Currency must be KES");
		}
		v.requiredText(body, "till_number", "Till number");
		v.metadata(body);
		v.callbackUrl(body);
	}

	private static String capitalise(String label) {
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

}
