package io.k2connect.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import static io.k2connect.event.Fields.decimal;
import static io.k2connect.event.Fields.errors;
import static io.k2connect.event.Fields.list;
import static io.k2connect.event.Fields.map;
import static io.k2connect.event.Fields.maps;
import static io.k2connect.event.Fields.object;
import static io.k2connect.event.Fields.text;
import static io.k2connect.event.Fields.time;

/**
 * Maps asynchronous results and status documents ({@code {"data": {"id", "type",
 * "attributes"}}}) to their records, reading every field leniently. The shapes below name
 * every field the records read; see
 * <a href="https://api-docs.kopokopo.com/#receive-payments">K2's API documentation</a>
 * for each result type.
 */
final class ResultMapping {

	private static final Shape LINKS = Shape.of("self", "callback_url");

	/** An M-PESA transaction received: an incoming payment's, or one found by polling. */
	private static final Shape INCOMING_PAYMENT = Shape.of("id", "reference", "origination_time", "sender_phone_number",
			"hashed_sender_phone", "amount", "currency", "till_number", "system", "status", "sender_first_name",
			"sender_middle_name", "sender_last_name");

	private static final Shape TRANSFER_BATCH = Shape.of("status", "amount")
		.list("disbursements", EventMapping.DISBURSEMENT);

	/** {@code data.attributes} of every result type. */
	private static final Shape ATTRIBUTES = Shape
		.of("status", "initiation_time", "created_at", "from_time", "to_time", "scope", "scope_reference", "message",
				"webhook_event_reference", "source_identifier", "currency", "transaction_reference", "reason",
				"till_name", "till_number", "payment_reference", "note")
		.plain("metadata", "errors", "destinations")
		// A money object for payments and settlements, a plain number for payment links.
		.object("amount", Shape.of("value", "currency"))
		.object("event", Shape.of("type").object("resource", INCOMING_PAYMENT).plain("errors"))
		.list("transfer_batches", TRANSFER_BATCH)
		.list("transactions", Shape.of("type").object("resource", INCOMING_PAYMENT))
		.object("reversal_bulk_payment", Shape.of("amount", "status", "origination_time", "transaction_reference"))
		.object("payment_link",
				Shape.of("status", "payment_link_status", "expires_at", "initiator_name", "link",
						"transaction_reference", "sender_phone_number", "origination_time"))
		.object("_links", LINKS);

	/** The {@code data} object of a result. */
	static final Shape DATA = Shape.of("id", "type").object("attributes", ATTRIBUTES).object("_links", LINKS);

	private ResultMapping() {
	}

	/**
	 * The record for {@code data.type}, or {@code null} when the type is not modelled.
	 */
	static @Nullable K2Result result(Fields data, String type) {
		String id = text(data, "id");
		Fields attributes = object(data, "attributes");
		String status = text(attributes, "status");
		Map<String, @Nullable Object> metadata = map(attributes, "metadata");
		switch (type) {
			case IncomingPaymentResult.TYPE: {
				Fields event = object(attributes, "event");
				return new IncomingPaymentResult(id, type, status, time(attributes, "initiation_time"),
						text(event, "type"), incomingPaymentResource(object(event, "resource")),
						errors(event, "errors"), metadata, links(data, attributes));
			}
			case PaymentResult.TYPE: {
				Fields amount = object(attributes, "amount");
				return new PaymentResult(id, type, status, time(attributes, "created_at"), decimal(amount, "value"),
						text(amount, "currency"), list(attributes, "transfer_batches", ResultMapping::transferBatch),
						metadata, links(data, attributes));
			}
			case SettlementTransferResult.TYPE: {
				Fields amount = object(attributes, "amount");
				return new SettlementTransferResult(id, type, status, time(attributes, "created_at"),
						decimal(amount, "value"), text(amount, "currency"),
						list(attributes, "transfer_batches", ResultMapping::transferBatch), metadata,
						links(data, attributes));
			}
			case PollingResult.TYPE:
				return new PollingResult(id, type, status, time(attributes, "created_at"),
						time(attributes, "from_time"), time(attributes, "to_time"), text(attributes, "scope"),
						text(attributes, "scope_reference"),
						list(attributes, "transactions", ResultMapping::pollingTransaction), metadata,
						links(data, attributes));
			case TransactionSmsNotificationResult.TYPE:
				return new TransactionSmsNotificationResult(id, type, status, text(attributes, "message"),
						text(attributes, "webhook_event_reference"), metadata, links(data, attributes));
			case SendMoneyResult.TYPE:
				return new SendMoneyResult(id, type, status, time(attributes, "created_at"),
						text(attributes, "source_identifier"), maps(attributes, "destinations"),
						text(attributes, "currency"),
						list(attributes, "transfer_batches", ResultMapping::transferBatch),
						errors(attributes, "errors"), metadata, links(data, attributes));
			case ReversalResult.TYPE:
			case ReversalResult.TYPE_PLURAL:
				return new ReversalResult(id, type, status, time(attributes, "created_at"),
						text(attributes, "transaction_reference"), text(attributes, "reason"),
						reversalBulkPayment(object(attributes, "reversal_bulk_payment")), errors(attributes, "errors"),
						metadata, links(data, attributes));
			case PaymentLinkResult.TYPE:
				return new PaymentLinkResult(id, type, status, time(attributes, "created_at"),
						text(attributes, "till_name"), text(attributes, "till_number"),
						text(attributes, "payment_reference"), text(attributes, "currency"),
						decimal(attributes, "amount"), text(attributes, "note"),
						paymentLink(object(attributes, "payment_link")), errors(attributes, "errors"), metadata,
						links(data, attributes));
			default:
				return null;
		}
	}

	private static @Nullable ResultLinks links(Fields data, @Nullable Fields attributes) {
		Fields links = object(attributes, "_links");
		if (links == null) {
			// Not seen in K2's payloads, but cheap to accept: links next to the
			// attributes.
			links = object(data, "_links");
		}
		return (links != null) ? new ResultLinks(text(links, "self"), text(links, "callback_url")) : null;
	}

	private static @Nullable IncomingPaymentResource incomingPaymentResource(@Nullable Fields resource) {
		if (resource == null) {
			return null;
		}
		return new IncomingPaymentResource(text(resource, "id"), text(resource, "reference"),
				time(resource, "origination_time"), text(resource, "sender_phone_number"),
				text(resource, "hashed_sender_phone"), decimal(resource, "amount"), text(resource, "currency"),
				text(resource, "till_number"), text(resource, "system"), text(resource, "status"),
				text(resource, "sender_first_name"), text(resource, "sender_middle_name"),
				text(resource, "sender_last_name"));
	}

	private static TransferBatch transferBatch(Fields batch) {
		return new TransferBatch(text(batch, "status"), decimal(batch, "amount"),
				list(batch, "disbursements", EventMapping::disbursement));
	}

	private static PollingTransaction pollingTransaction(Fields transaction) {
		return new PollingTransaction(text(transaction, "type"),
				incomingPaymentResource(object(transaction, "resource")));
	}

	private static @Nullable ReversalBulkPayment reversalBulkPayment(@Nullable Fields payment) {
		if (payment == null) {
			return null;
		}
		return new ReversalBulkPayment(decimal(payment, "amount"), text(payment, "status"),
				time(payment, "origination_time"), text(payment, "transaction_reference"));
	}

	private static @Nullable PaymentLinkDetails paymentLink(@Nullable Fields link) {
		if (link == null) {
			return null;
		}
		return new PaymentLinkDetails(text(link, "status"), text(link, "payment_link_status"), time(link, "expires_at"),
				text(link, "initiator_name"), text(link, "link"), text(link, "transaction_reference"),
				text(link, "sender_phone_number"), time(link, "origination_time"));
	}

}
