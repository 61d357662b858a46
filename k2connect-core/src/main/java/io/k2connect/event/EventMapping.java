package io.k2connect.event;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.k2connect.internal.JsonReaders.bool;
import static io.k2connect.internal.JsonReaders.decimal;
import static io.k2connect.internal.JsonReaders.list;
import static io.k2connect.internal.JsonReaders.map;
import static io.k2connect.internal.JsonReaders.object;
import static io.k2connect.internal.JsonReaders.text;
import static io.k2connect.internal.JsonReaders.time;

/**
 * Maps webhook events (top-level {@code topic}, WEBHOOKS.md §3) and Daraja events (§3.9)
 * from a Jackson tree to their records, reading every field leniently.
 */
final class EventMapping {

	private EventMapping() {
	}

	/** The record for {@code topic}, or {@code null} when the topic is not modelled. */
	static @Nullable K2Event event(JsonNode root, String topic) {
		JsonNode event = object(root, "event");
		JsonNode resource = object(event, "resource");
		switch (topic) {
			case BuygoodsTransactionReceived.TOPIC:
				return new BuygoodsTransactionReceived(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), text(resource, "reference"),
						time(resource, "origination_time"), text(resource, "sender_phone_number"),
						text(resource, "hashed_sender_phone"), decimal(resource, "amount"), text(resource, "currency"),
						text(resource, "till_number"), text(resource, "system"), text(resource, "status"),
						text(resource, "sender_first_name"), text(resource, "sender_middle_name"),
						text(resource, "sender_last_name"), links(root));
			case BuygoodsTransactionReversed.TOPIC:
				return new BuygoodsTransactionReversed(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), text(resource, "reference"),
						time(resource, "origination_time"), time(resource, "reversal_time"),
						text(resource, "sender_phone_number"), text(resource, "hashed_sender_phone"),
						decimal(resource, "amount"), text(resource, "currency"), text(resource, "till_number"),
						text(resource, "system"), text(resource, "status"), text(resource, "sender_first_name"),
						text(resource, "sender_middle_name"), text(resource, "sender_last_name"), links(root));
			case B2bTransactionReceived.TOPIC:
				return new B2bTransactionReceived(text(root, "id"), topic, time(root, "created_at"), text(event, "type"),
						text(resource, "id"), text(resource, "reference"), time(resource, "origination_time"),
						text(resource, "sending_till"), decimal(resource, "amount"), text(resource, "currency"),
						text(resource, "till_number"), text(resource, "system"), text(resource, "status"), links(root));
			case B2bTransactionReversed.TOPIC:
				return new B2bTransactionReversed(text(root, "id"), topic, time(root, "created_at"), text(event, "type"),
						text(resource, "id"), text(resource, "reference"), time(resource, "origination_time"),
						text(resource, "sending_till"), decimal(resource, "amount"), text(resource, "currency"),
						text(resource, "till_number"), text(resource, "system"), text(resource, "status"), links(root));
			case M2mTransactionReceived.TOPIC:
				return new M2mTransactionReceived(text(root, "id"), topic, time(root, "created_at"), text(event, "type"),
						text(resource, "id"), time(resource, "origination_time"), text(resource, "sending_merchant"),
						decimal(resource, "amount"), text(resource, "currency"), text(resource, "status"), links(root));
			case SettlementTransferCompleted.TOPIC:
				return new SettlementTransferCompleted(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), time(resource, "origination_time"),
						decimal(resource, "amount"), text(resource, "currency"), text(resource, "status"),
						destination(object(resource, "destination")),
						list(resource, "disbursements", ResultMapping::disbursement), links(root));
			case CustomerCreated.TOPIC:
				return new CustomerCreated(text(root, "id"), topic, time(root, "created_at"), text(event, "type"),
						text(resource, "first_name"), text(resource, "middle_name"), text(resource, "last_name"),
						text(resource, "phone_number"), links(root));
			case CardTransactionReceived.TOPIC:
				return new CardTransactionReceived(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), text(resource, "reference"),
						time(resource, "origination_time"), decimal(resource, "amount"), text(resource, "currency"),
						text(resource, "status"), text(resource, "till_number"), text(resource, "customer_cc_number"),
						bool(resource, "settled"), map(event, "resource"), links(root));
			case CardTransactionVoided.TOPIC:
				return new CardTransactionVoided(text(root, "id"), topic, time(root, "created_at"), text(event, "type"),
						text(resource, "id"), text(resource, "reference"), time(resource, "origination_time"),
						decimal(resource, "amount"), text(resource, "currency"), text(resource, "status"),
						text(resource, "till_number"), text(resource, "customer_cc_number"), map(event, "resource"),
						links(root));
			case CardTransactionReversed.TOPIC:
				return new CardTransactionReversed(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), text(resource, "reference"),
						time(resource, "origination_time"), decimal(resource, "amount"), text(resource, "currency"),
						text(resource, "status"), text(resource, "till_number"), text(resource, "customer_cc_number"),
						map(event, "resource"), links(root));
			default:
				return null;
		}
	}

	private static @Nullable EventLinks links(JsonNode root) {
		JsonNode links = object(root, "_links");
		return (links != null) ? new EventLinks(text(links, "self"), text(links, "resource")) : null;
	}

	private static @Nullable SettlementDestination destination(@Nullable JsonNode destination) {
		if (destination == null) {
			return null;
		}
		JsonNode resource = object(destination, "resource");
		String method = text(resource, "settlement_method");
		if (method == null) {
			// The Ruby SDK reads the same value from "transfer_method" (WEBHOOKS.md §3.6).
			method = text(resource, "transfer_method");
		}
		return new SettlementDestination(text(destination, "type"), text(resource, "reference"),
				text(resource, "account_name"), text(resource, "account_number"), text(resource, "bank_branch_ref"),
				method, text(resource, "first_name"), text(resource, "last_name"), text(resource, "phone_number"),
				text(resource, "network"), text(resource, "email"));
	}

	/** A flat Daraja-format event (WEBHOOKS.md §3.9). */
	static DarajaEvent daraja(JsonNode root) {
		String thirdParty = text(root, "ThirdPartyTransID");
		if (thirdParty == null) {
			thirdParty = text(root, "ThirdPartyTransId");
		}
		return new DarajaEvent(text(root, "TransactionType"), text(root, "TransID"), text(root, "TransTime"),
				decimal(root, "TransAmount"), text(root, "BusinessShortCode"), text(root, "BillRefNumber"),
				text(root, "InvoiceNumber"), decimal(root, "OrgAccountBalance"), thirdParty, text(root, "MSISDN"),
				text(root, "FirstName"), text(root, "MiddleName"), text(root, "LastName"));
	}

}
