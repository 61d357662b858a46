package io.k2connect.event;

import java.util.Map;

import io.k2connect.internal.JsonReaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.k2connect.internal.JsonReaders.bool;
import static io.k2connect.internal.JsonReaders.decimal;
import static io.k2connect.internal.JsonReaders.errors;
import static io.k2connect.internal.JsonReaders.list;
import static io.k2connect.internal.JsonReaders.map;
import static io.k2connect.internal.JsonReaders.object;
import static io.k2connect.internal.JsonReaders.text;
import static io.k2connect.internal.JsonReaders.time;

/**
 * Maps asynchronous results ({@code {"data": {"id", "type", "attributes"}}}, WEBHOOKS.md
 * §4) from a Jackson tree to their records, reading every field leniently.
 */
final class ResultMapping {

	private ResultMapping() {
	}

	/** The record for {@code data.type}, or {@code null} when the type is not modelled. */
	static @Nullable K2Result result(JsonNode data, String type) {
		String id = text(data, "id");
		JsonNode attributes = object(data, "attributes");
		String status = text(attributes, "status");
		Map<String, @Nullable Object> metadata = map(attributes, "metadata");
		switch (type) {
			case IncomingPaymentResult.TYPE: {
				JsonNode event = object(attributes, "event");
				return new IncomingPaymentResult(id, type, status, time(attributes, "initiation_time"),
						text(event, "type"), incomingPaymentResource(object(event, "resource")),
						errors(event, "errors"), metadata, links(data, attributes));
			}
			case PaymentResult.TYPE: {
				JsonNode amount = object(attributes, "amount");
				return new PaymentResult(id, type, status, time(attributes, "created_at"), decimal(amount, "value"),
						text(amount, "currency"), list(attributes, "transfer_batches", ResultMapping::transferBatch),
						metadata, links(data, attributes));
			}
			case SettlementTransferResult.TYPE: {
				JsonNode amount = object(attributes, "amount");
				return new SettlementTransferResult(id, type, status, time(attributes, "created_at"),
						decimal(amount, "value"), text(amount, "currency"),
						list(attributes, "transfer_batches", ResultMapping::transferBatch), metadata,
						links(data, attributes));
			}
			case PollingResult.TYPE:
				return new PollingResult(id, type, status, time(attributes, "created_at"), time(attributes, "from_time"),
						time(attributes, "to_time"), text(attributes, "scope"), text(attributes, "scope_reference"),
						list(attributes, "transactions", ResultMapping::pollingTransaction), metadata,
						links(data, attributes));
			case TransactionSmsNotificationResult.TYPE:
				return new TransactionSmsNotificationResult(id, type, status, text(attributes, "message"),
						text(attributes, "webhook_event_reference"), metadata, links(data, attributes));
			case SendMoneyResult.TYPE:
				return new SendMoneyResult(id, type, status, time(attributes, "created_at"),
						text(attributes, "source_identifier"), list(attributes, "destinations", JsonReaders::toMap),
						text(attributes, "currency"), list(attributes, "transfer_batches", ResultMapping::transferBatch),
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

	private static @Nullable ResultLinks links(JsonNode data, @Nullable JsonNode attributes) {
		JsonNode links = object(attributes, "_links");
		if (links == null) {
			// Not seen in K2's payloads, but cheap to accept: links next to the attributes.
			links = object(data, "_links");
		}
		return (links != null) ? new ResultLinks(text(links, "self"), text(links, "callback_url")) : null;
	}

	static @Nullable IncomingPaymentResource incomingPaymentResource(@Nullable JsonNode resource) {
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

	static TransferBatch transferBatch(JsonNode batch) {
		return new TransferBatch(text(batch, "status"), decimal(batch, "amount"),
				list(batch, "disbursements", ResultMapping::disbursement));
	}

	static Disbursement disbursement(JsonNode disbursement) {
		return new Disbursement(decimal(disbursement, "amount"), text(disbursement, "status"),
				text(disbursement, "destination_type"), time(disbursement, "origination_time"),
				text(disbursement, "destination_reference"), text(disbursement, "transaction_reference"),
				text(disbursement, "phone_number"), text(disbursement, "nickname"), bool(disbursement, "favourite"),
				errors(disbursement, "errors"));
	}

	private static PollingTransaction pollingTransaction(JsonNode transaction) {
		return new PollingTransaction(text(transaction, "type"),
				incomingPaymentResource(object(transaction, "resource")));
	}

	private static @Nullable ReversalBulkPayment reversalBulkPayment(@Nullable JsonNode payment) {
		if (payment == null) {
			return null;
		}
		return new ReversalBulkPayment(decimal(payment, "amount"), text(payment, "status"),
				time(payment, "origination_time"), text(payment, "transaction_reference"));
	}

	private static @Nullable PaymentLinkDetails paymentLink(@Nullable JsonNode link) {
		if (link == null) {
			return null;
		}
		return new PaymentLinkDetails(text(link, "status"), text(link, "payment_link_status"),
				time(link, "expires_at"), text(link, "initiator_name"), text(link, "link"),
				text(link, "transaction_reference"), text(link, "sender_phone_number"),
				time(link, "origination_time"));
	}

}
