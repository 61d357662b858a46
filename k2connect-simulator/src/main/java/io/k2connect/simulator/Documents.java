package io.k2connect.simulator;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of docs/k2-webhooks.md: status and result documents (§4), webhook
 * events (§3), in K2's key order, so a body from the simulator reads like one from K2.
 */
final class Documents {

	static final String SYSTEM = "Lipa Na M-PESA";

	static final String BUYGOODS_TOPIC = "buygoods_transaction_received";

	static final String BUYGOODS_REVERSED_TOPIC = "buygoods_transaction_reversed";

	static final String SETTLEMENT_TOPIC = "settlement_transfer_completed";

	private Documents() {
	}

	/** {@code {"data": {"id", "type", "attributes"}}}; returns the attributes to fill. */
	static ObjectNode envelope(ObjectNode root, String id, String type) {
		ObjectNode data = root.putObject("data");
		data.put("id", id);
		data.put("type", type);
		return data.putObject("attributes");
	}

	static void links(ObjectNode attributes, @Nullable String callbackUrl, String self) {
		ObjectNode links = attributes.putObject("_links");
		links.put("callback_url", callbackUrl);
		links.put("self", self);
	}

	/**
	 * Echoes the request's metadata, or writes {@code null} (Python's decomposer needs
	 * the key).
	 */
	static void metadata(ObjectNode attributes, JsonNode request) {
		JsonNode metadata = request.get("metadata");
		if (metadata != null && metadata.isObject()) {
			attributes.set("metadata", metadata.deepCopy());
		}
		else {
			attributes.putNull("metadata");
		}
	}

	/**
	 * A received buy-goods transaction as K2 writes it inside a successful STK push
	 * result (§4.1) or a polling result (§4.4); {@code withHash} adds the newer
	 * {@code hashed_sender_phone}.
	 */
	static ObjectNode transaction(TillTransaction tx, boolean withHash) {
		ObjectNode resource = Wire.object();
		resource.put("id", tx.id());
		resource.put("amount", Wire.amountText(tx.amount()));
		resource.put("status", "Received");
		resource.put("system", SYSTEM);
		resource.put("currency", tx.currency());
		resource.put("reference", tx.reference());
		resource.put("till_number", tx.tillNumber());
		resource.put("sender_phone_number", tx.senderPhoneNumber());
		if (withHash) {
			resource.put("hashed_sender_phone", Wire.sha256Hex(tx.senderPhoneNumber()));
		}
		resource.put("origination_time", Wire.seconds(tx.originationTime()));
		resource.put("sender_last_name", tx.senderLastName());
		resource.put("sender_first_name", tx.senderFirstName());
		resource.put("sender_middle_name", tx.senderMiddleName());
		return resource;
	}

	/** A {@code buygoods_transaction_received} event (§3.1). */
	static ObjectNode buygoodsEvent(String eventId, TillTransaction tx, OffsetDateTime createdAt, String baseUrl) {
		ObjectNode root = Wire.object();
		root.put("topic", BUYGOODS_TOPIC);
		root.put("id", eventId);
		root.put("created_at", Wire.seconds(createdAt));
		ObjectNode event = root.putObject("event");
		event.put("type", "Buygoods Transaction");
		event.set("resource", transaction(tx, true));
		eventLinks(root, baseUrl, eventId, "financial_transaction", tx.id());
		return root;
	}

	/**
	 * A {@code buygoods_transaction_reversed} event (§3.2): the transaction as received,
	 * without {@code hashed_sender_phone}, with status {@code Reversed}.
	 */
	static ObjectNode buygoodsReversedEvent(String eventId, TillTransaction tx, OffsetDateTime createdAt,
			String baseUrl) {
		ObjectNode root = Wire.object();
		root.put("topic", BUYGOODS_REVERSED_TOPIC);
		root.put("id", eventId);
		root.put("created_at", Wire.seconds(createdAt));
		ObjectNode event = root.putObject("event");
		event.put("type", "Buygoods Transaction");
		ObjectNode resource = transaction(tx, false);
		resource.put("status", "Reversed");
		event.set("resource", resource);
		eventLinks(root, baseUrl, eventId, "financial_transaction", tx.id());
		return root;
	}

	/**
	 * The same transaction in Safaricom's flat Daraja format (§3.9), for subscriptions
	 * with {@code enable_daraja_payload}.
	 */
	static ObjectNode darajaBuygoods(TillTransaction tx) {
		ObjectNode root = Wire.object();
		root.put("TransactionType", "Buygoods");
		root.put("TransID", tx.reference());
		root.put("TransTime", Wire.daraja(tx.originationTime()));
		root.put("TransAmount", Wire.amountText(tx.amount()));
		root.put("BusinessShortCode", tx.tillNumber());
		root.put("BillRefNumber", "");
		root.put("InvoiceNumber", "");
		root.put("OrgAccountBalance", "");
		root.put("ThirdPartyTransID", "");
		root.put("MSISDN", tx.senderPhoneNumber());
		root.put("FirstName", tx.senderFirstName());
		root.put("MiddleName", tx.senderMiddleName());
		root.put("LastName", tx.senderLastName());
		return root;
	}

	/** A {@code settlement_transfer_completed} event (§3.6). */
	static ObjectNode settlementEvent(String eventId, String batchId, OffsetDateTime time, String amount,
			ObjectNode destination, ArrayNode disbursements, String baseUrl) {
		ObjectNode root = Wire.object();
		root.put("topic", SETTLEMENT_TOPIC);
		root.put("id", eventId);
		root.put("created_at", Wire.seconds(time));
		ObjectNode event = root.putObject("event");
		event.put("type", "Settlement Transfer");
		ObjectNode resource = event.putObject("resource");
		resource.put("id", batchId);
		resource.put("amount", amount);
		resource.put("status", "Transferred");
		resource.put("currency", "KES");
		resource.set("destination", destination);
		resource.set("disbursements", disbursements);
		resource.put("origination_time", Wire.millis(time));
		eventLinks(root, baseUrl, eventId, "transfer_batch", batchId);
		return root;
	}

	private static void eventLinks(ObjectNode root, String baseUrl, String eventId, String resourcePath,
			String resourceId) {
		ObjectNode links = root.putObject("_links");
		links.put("self", baseUrl + "/webhook_events/" + eventId);
		links.put("resource", baseUrl + "/" + resourcePath + "/" + resourceId);
	}

	/**
	 * K2's label for a destination or recipient type: {@code mobile_wallet} is
	 * {@code Mobile Wallet}.
	 */
	static String label(String wireType) {
		return switch (wireType) {
			case "mobile_wallet", "merchant_wallet" -> "Mobile Wallet";
			case "bank_account", "merchant_bank_account" -> "Bank Account";
			case "till" -> "Till";
			case "paybill" -> "Paybill";
			default -> wireType;
		};
	}

}
