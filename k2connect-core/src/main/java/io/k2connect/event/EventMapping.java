package io.k2connect.event;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import static io.k2connect.event.Fields.bool;
import static io.k2connect.event.Fields.decimal;
import static io.k2connect.event.Fields.list;
import static io.k2connect.event.Fields.map;
import static io.k2connect.event.Fields.object;
import static io.k2connect.event.Fields.string;
import static io.k2connect.event.Fields.text;
import static io.k2connect.event.Fields.time;

/**
 * Maps webhook events (a top-level {@code topic}) and Daraja events (flat M-PESA fields,
 * recognised by {@code TransactionType}) to their records, reading every field leniently.
 * The shapes below name every field the records read; see
 * <a href="https://api-docs.kopokopo.com/#webhooks">K2's webhook documentation</a>.
 */
final class EventMapping {

	/** Topics whose records keep the whole {@code event.resource} as a map. */
	private static final Set<String> TOPICS_KEEPING_THE_RESOURCE = Set.of(CardTransactionReceived.TOPIC,
			CardTransactionVoided.TOPIC, CardTransactionReversed.TOPIC);

	static final Shape DISBURSEMENT = Shape
		.of("amount", "status", "destination_type", "origination_time", "destination_reference",
				"transaction_reference", "phone_number", "nickname", "favourite")
		.plain("errors");

	private static final Shape DESTINATION = Shape.of("type")
		.object("resource", Shape.of("reference", "account_name", "account_number", "bank_branch_ref",
				"settlement_method", "transfer_method", "first_name", "last_name", "phone_number", "network", "email"));

	/** {@code event.resource} of every topic that does not keep it whole. */
	private static final Shape RESOURCE = Shape
		.of("id", "reference", "origination_time", "reversal_time", "sender_phone_number", "hashed_sender_phone",
				"amount", "currency", "till_number", "system", "status", "sender_first_name", "sender_middle_name",
				"sender_last_name", "sending_till", "sending_merchant", "first_name", "middle_name", "last_name",
				"phone_number", "customer_cc_number", "settled")
		.object("destination", DESTINATION)
		.list("disbursements", DISBURSEMENT);

	private static final Shape EVENT = Shape.of("type").object("resource", RESOURCE);

	private static final Shape EVENT_KEEPING_THE_RESOURCE = Shape.of("type").plain("resource");

	/** The top level of a webhook event, including a Daraja event's flat fields. */
	static final Shape ROOT = Shape
		.of("id", "topic", "created_at", "TransactionType", "TransID", "TransTime", "TransAmount", "BusinessShortCode",
				"BillRefNumber", "InvoiceNumber", "OrgAccountBalance", "ThirdPartyTransID", "ThirdPartyTransId",
				"MSISDN", "FirstName", "MiddleName", "LastName")
		// Read before the topic (K2 sends it first, but JSON has no order), the resource
		// is kept whole in case the topic turns out to want it; the records read it just
		// the same.
		.object("event", (root) -> keepsTheResource(root) ? EVENT_KEEPING_THE_RESOURCE : EVENT)
		.object("_links", Shape.of("self", "resource"));

	private EventMapping() {
	}

	/**
	 * Whether {@code event.resource} must be kept whole: a topic that wants it, or no
	 * topic read yet.
	 */
	private static boolean keepsTheResource(Fields root) {
		if (!root.has("topic")) {
			return true;
		}
		String topic = string(root, "topic");
		return topic != null && TOPICS_KEEPING_THE_RESOURCE.contains(topic);
	}

	/** The record for {@code topic}, or {@code null} when the topic is not modelled. */
	static @Nullable K2Event event(Fields root, String topic) {
		Fields event = object(root, "event");
		Fields resource = object(event, "resource");
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
				return new B2bTransactionReceived(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), text(resource, "reference"),
						time(resource, "origination_time"), text(resource, "sending_till"), decimal(resource, "amount"),
						text(resource, "currency"), text(resource, "till_number"), text(resource, "system"),
						text(resource, "status"), links(root));
			case B2bTransactionReversed.TOPIC:
				return new B2bTransactionReversed(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), text(resource, "reference"),
						time(resource, "origination_time"), text(resource, "sending_till"), decimal(resource, "amount"),
						text(resource, "currency"), text(resource, "till_number"), text(resource, "system"),
						text(resource, "status"), links(root));
			case M2mTransactionReceived.TOPIC:
				return new M2mTransactionReceived(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), time(resource, "origination_time"),
						text(resource, "sending_merchant"), decimal(resource, "amount"), text(resource, "currency"),
						text(resource, "status"), links(root));
			case SettlementTransferCompleted.TOPIC:
				return new SettlementTransferCompleted(text(root, "id"), topic, time(root, "created_at"),
						text(event, "type"), text(resource, "id"), time(resource, "origination_time"),
						decimal(resource, "amount"), text(resource, "currency"), text(resource, "status"),
						destination(object(resource, "destination")),
						list(resource, "disbursements", EventMapping::disbursement), links(root));
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

	private static @Nullable EventLinks links(Fields root) {
		Fields links = object(root, "_links");
		return (links != null) ? new EventLinks(text(links, "self"), text(links, "resource")) : null;
	}

	private static @Nullable SettlementDestination destination(@Nullable Fields destination) {
		if (destination == null) {
			return null;
		}
		Fields resource = object(destination, "resource");
		String method = text(resource, "settlement_method");
		if (method == null) {
			// Some payloads name it "transfer_method"; the Ruby SDK reads both.
			method = text(resource, "transfer_method");
		}
		return new SettlementDestination(text(destination, "type"), text(resource, "reference"),
				text(resource, "account_name"), text(resource, "account_number"), text(resource, "bank_branch_ref"),
				method, text(resource, "first_name"), text(resource, "last_name"), text(resource, "phone_number"),
				text(resource, "network"), text(resource, "email"));
	}

	/** A disbursement of a settlement or of a result's transfer batch. */
	static Disbursement disbursement(Fields disbursement) {
		return new Disbursement(decimal(disbursement, "amount"), text(disbursement, "status"),
				text(disbursement, "destination_type"), time(disbursement, "origination_time"),
				text(disbursement, "destination_reference"), text(disbursement, "transaction_reference"),
				text(disbursement, "phone_number"), text(disbursement, "nickname"), bool(disbursement, "favourite"),
				Fields.errors(disbursement, "errors"));
	}

	/** A flat Daraja-format event: Safaricom's C2B confirmation fields, no topic. */
	static DarajaEvent daraja(Fields root) {
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
