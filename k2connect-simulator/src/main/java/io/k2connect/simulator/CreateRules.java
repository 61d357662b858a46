package io.k2connect.simulator;

import java.time.OffsetDateTime;
import java.util.Set;

import io.k2connect.model.Scope;
import io.k2connect.subscription.WebhookEventType;
import tools.jackson.databind.JsonNode;

/**
 * What K2 refuses in the body of each create call (docs/k2-api.md §3–§8): required
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
		String type = v.oneOf(body, "type", "Type", RECIPIENT_TYPES);
		JsonNode recipient = v.requiredObject(body, "pay_recipient", "Pay recipient");
		if (type == null || recipient == null) {
			return;
		}
		switch (type) {
			case "mobile_wallet" -> {
				validateWallet(recipient, v, "Pay recipient ");
				v.email(recipient, "email", "Pay recipient email");
			}
			case "bank_account" -> validateBankAccountFields(recipient, v, "Pay recipient ");
			case "till" -> {
				v.requiredText(recipient, "till_name", "Pay recipient till name");
				v.requiredText(recipient, "till_number", "Pay recipient till number");
			}
			default -> {
				v.requiredText(recipient, "paybill_name", "Pay recipient paybill name");
				v.requiredText(recipient, "paybill_number", "Pay recipient paybill number");
				v.requiredText(recipient, "paybill_account_number", "Pay recipient paybill account number");
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
		validateBankAccountFields(body, v, "");
	}

	private static void validateBankAccountFields(JsonNode node, Validation v, String prefix) {
		v.requiredText(node, "account_name", capitalise(prefix + "account name"));
		v.requiredText(node, "account_number", capitalise(prefix + "account number"));
		v.requiredText(node, "bank_branch_ref", capitalise(prefix + "bank branch ref"));
		v.oneOf(node, "settlement_method", capitalise(prefix + "settlement method"), SETTLEMENT_METHODS);
	}

	private static void validateWallet(JsonNode node, Validation v, String prefix) {
		v.requiredText(node, "first_name", capitalise(prefix + "first name"));
		v.requiredText(node, "last_name", capitalise(prefix + "last name"));
		v.phone(node, "phone_number", capitalise(prefix + "phone number"));
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

	private static String capitalise(String label) {
		return Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

}
