package io.k2connect.decompose;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.k2connect.event.Disbursement;
import io.k2connect.event.PaymentLinkDetails;
import io.k2connect.event.PollingTransaction;
import io.k2connect.event.ReversalBulkPayment;
import io.k2connect.event.TransferBatch;
import org.jspecify.annotations.Nullable;

/**
 * A flat view of any K2 payload, with the attribute names of the Python SDK's
 * {@code payload_decomposer} (docs/k2-webhooks.md §6.1) camel-cased, plus the Ruby SDK's
 * v2 extras (§6.2), so code ported from either keeps its vocabulary. Built by
 * {@link K2PayloadDecomposer}.
 *
 * <p>
 * Every component is nullable, and only those that apply to the payload's topic or type
 * are set. Where Python and Ruby name the same value differently, both components are set
 * (e.g. {@code hashedPhoneNumber} and {@code hashedSenderPhone}). Python's result
 * attribute {@code self} is {@link #linksSelf()} here, as for webhooks. Prefer the typed
 * records of {@code io.k2connect.event} in new code.
 *
 * @param topic webhook {@code topic}; {@code daraja_payload} for a Daraja event (Python)
 * @param type result {@code data.type}
 * @param id webhook {@code id} or result {@code data.id}
 * @param createdAt webhook {@code created_at}, or result {@code attributes.created_at}
 * @param resultType webhook {@code event.type} (Python {@code result_type})
 * @param eventType webhook {@code event.type}, or {@code attributes.event.type} of an
 * incoming payment (Ruby {@code event_type})
 * @param resourceId {@code event.resource.id} of a webhook or an incoming payment (Python
 * {@code resourceId}/{@code resource_id})
 * @param status webhook {@code event.resource.status}, or result
 * {@code attributes.status}
 * @param resourceStatus {@code attributes.event.resource.status} of an incoming payment
 * @param amount the amount: {@code event.resource.amount},
 * {@code attributes.amount(.value)} or the incoming payment's
 * @param totalValue {@code attributes.amount.value} of a payment or settlement transfer
 * (Ruby)
 * @param currency the currency of {@link #amount()}, or {@code attributes.currency}
 * @param reference {@code event.resource.reference}, or the incoming payment's M-PESA
 * receipt
 * @param transactionReference the incoming payment's {@code reference}, or a reversal's
 * {@code transaction_reference}
 * @param originationTime {@code origination_time} of the webhook resource or the incoming
 * payment
 * @param initiationTime {@code attributes.initiation_time} of an incoming payment
 * @param system {@code system}, e.g. {@code Lipa Na M-PESA}
 * @param tillNumber {@code till_number} of the resource, incoming payment or payment link
 * @param tillName {@code attributes.till_name} of a payment link
 * @param senderPhoneNumber {@code sender_phone_number}
 * @param hashedPhoneNumber {@code hashed_sender_phone} (Python name)
 * @param hashedSenderPhone {@code hashed_sender_phone} (Ruby name)
 * @param firstName buy-goods {@code sender_first_name}, customer {@code first_name} or
 * Daraja {@code FirstName} (Python)
 * @param middleName customer {@code middle_name} or Daraja {@code MiddleName} (Python)
 * @param lastName buy-goods {@code sender_last_name}, customer {@code last_name} or
 * Daraja {@code LastName} (Python)
 * @param senderFirstName {@code sender_first_name} of a buy-goods event or incoming
 * payment
 * @param senderMiddleName {@code sender_middle_name} of a buy-goods event or incoming
 * payment
 * @param senderLastName {@code sender_last_name} of a buy-goods event or incoming payment
 * @param resourceFirstName customer-created {@code first_name} (Ruby)
 * @param resourceMiddleName customer-created {@code middle_name} (Ruby)
 * @param resourceLastName customer-created {@code last_name} (Ruby)
 * @param resourcePhoneNumber customer-created {@code phone_number} (Ruby)
 * @param reversalTime buy-goods reversal {@code reversal_time} (Python)
 * @param sendingTill B2B {@code sending_till}
 * @param sendingMerchant M2M {@code sending_merchant}
 * @param customerCcNumber card {@code customer_cc_number} (Ruby)
 * @param settled card-received {@code settled} (Ruby)
 * @param destinationType settlement {@code destination.type}
 * @param destinationReference settlement {@code destination.resource.reference} (Ruby)
 * @param bankId Python's settlement {@code bank_id}: K2 sends no such field, so always
 * {@code null}; kept for parity
 * @param bankBranchId Python's settlement {@code bank_branch_id}, filled from
 * {@code bank_branch_ref}, the field K2 sends
 * @param accountName bank destination {@code account_name} (Python)
 * @param accountNumber bank destination {@code account_number} (Python)
 * @param msisdn wallet destination {@code phone_number} (Python {@code msisdn}), or
 * Daraja {@code MSISDN}
 * @param network wallet destination {@code network} (Python)
 * @param destinationNetwork wallet destination {@code network} (Ruby)
 * @param destinationFirstName wallet destination {@code first_name} (Ruby)
 * @param destinationLastName wallet destination {@code last_name} (Ruby)
 * @param destinationPhoneNumber wallet destination {@code phone_number} (Ruby)
 * @param destinationAccountName bank destination {@code account_name} (Ruby)
 * @param destinationAccountNumber bank destination {@code account_number} (Ruby)
 * @param destinationBankBranchRef bank destination {@code bank_branch_ref} (Ruby)
 * @param destinationTransferMethod bank destination settlement method (Ruby 4.0
 * {@code transfer_method})
 * @param destinationSettlementMethod bank destination {@code settlement_method} (Ruby v3)
 * @param disbursements settlement webhook {@code disbursements}
 * @param transferBatches {@code transfer_batches} of a payment, settlement transfer or
 * send money
 * @param linksSelf {@code _links.self} (Python {@code links_self}, and {@code self} for
 * results)
 * @param linksResource webhook {@code _links.resource}
 * @param callbackUrl result {@code _links.callback_url}
 * @param errors incoming payment {@code event.errors} (Python), or a v2 result's
 * {@code errors}
 * @param k2Errors incoming payment {@code event.errors} (Ruby {@code k2_errors})
 * @param requestErrors {@code errors} of a send money, reversal or payment link (Ruby
 * {@code request_errors})
 * @param metadata result {@code attributes.metadata}
 * @param transactionType Daraja {@code TransactionType}
 * @param transactionId Daraja {@code TransID}
 * @param transactionTime Daraja {@code TransTime} ({@code yyyyMMddHHmmss})
 * @param transactionAmount Daraja {@code TransAmount}
 * @param businessShortCode Daraja {@code BusinessShortCode}
 * @param billRefNumber Daraja {@code BillRefNumber}
 * @param invoiceNumber Daraja {@code InvoiceNumber}
 * @param orgAccountBalance Daraja {@code OrgAccountBalance}
 * @param thirdPartyTransactionId Daraja
 * {@code ThirdPartyTransID}/{@code ThirdPartyTransId}
 * @param reason reversal {@code reason}
 * @param reversalBulkPayment reversal {@code reversal_bulk_payment}
 * @param paymentReference payment link {@code payment_reference}
 * @param note payment link {@code note}
 * @param paymentLink payment link {@code payment_link}
 * @param fromTime polling {@code from_time}
 * @param toTime polling {@code to_time}
 * @param scope polling {@code scope}
 * @param scopeReference polling {@code scope_reference}
 * @param transactions polling {@code transactions}
 * @param message SMS notification {@code message}
 * @param webhookEventReference SMS notification {@code webhook_event_reference}
 * @param sourceIdentifier send money {@code source_identifier}
 * @param destinations send money {@code destinations}
 */
public record DecomposedPayload(@Nullable String topic, @Nullable String type, @Nullable String id,
		@Nullable OffsetDateTime createdAt, @Nullable String resultType, @Nullable String eventType,
		@Nullable String resourceId, @Nullable String status, @Nullable String resourceStatus,
		@Nullable BigDecimal amount, @Nullable BigDecimal totalValue, @Nullable String currency,
		@Nullable String reference, @Nullable String transactionReference, @Nullable OffsetDateTime originationTime,
		@Nullable OffsetDateTime initiationTime, @Nullable String system, @Nullable String tillNumber,
		@Nullable String tillName, @Nullable String senderPhoneNumber, @Nullable String hashedPhoneNumber,
		@Nullable String hashedSenderPhone, @Nullable String firstName, @Nullable String middleName,
		@Nullable String lastName, @Nullable String senderFirstName, @Nullable String senderMiddleName,
		@Nullable String senderLastName, @Nullable String resourceFirstName, @Nullable String resourceMiddleName,
		@Nullable String resourceLastName, @Nullable String resourcePhoneNumber, @Nullable OffsetDateTime reversalTime,
		@Nullable String sendingTill, @Nullable String sendingMerchant, @Nullable String customerCcNumber,
		@Nullable Boolean settled, @Nullable String destinationType, @Nullable String destinationReference,
		@Nullable String bankId, @Nullable String bankBranchId, @Nullable String accountName,
		@Nullable String accountNumber, @Nullable String msisdn, @Nullable String network,
		@Nullable String destinationNetwork, @Nullable String destinationFirstName,
		@Nullable String destinationLastName, @Nullable String destinationPhoneNumber,
		@Nullable String destinationAccountName, @Nullable String destinationAccountNumber,
		@Nullable String destinationBankBranchRef, @Nullable String destinationTransferMethod,
		@Nullable String destinationSettlementMethod, @Nullable List<Disbursement> disbursements,
		@Nullable List<TransferBatch> transferBatches, @Nullable String linksSelf, @Nullable String linksResource,
		@Nullable String callbackUrl, @Nullable String errors, @Nullable String k2Errors,
		@Nullable String requestErrors, @Nullable Map<String, @Nullable Object> metadata,
		@Nullable String transactionType, @Nullable String transactionId, @Nullable String transactionTime,
		@Nullable BigDecimal transactionAmount, @Nullable String businessShortCode, @Nullable String billRefNumber,
		@Nullable String invoiceNumber, @Nullable BigDecimal orgAccountBalance,
		@Nullable String thirdPartyTransactionId, @Nullable String reason,
		@Nullable ReversalBulkPayment reversalBulkPayment, @Nullable String paymentReference, @Nullable String note,
		@Nullable PaymentLinkDetails paymentLink, @Nullable OffsetDateTime fromTime, @Nullable OffsetDateTime toTime,
		@Nullable String scope, @Nullable String scopeReference, @Nullable List<PollingTransaction> transactions,
		@Nullable String message, @Nullable String webhookEventReference, @Nullable String sourceIdentifier,
		@Nullable List<Map<String, @Nullable Object>> destinations) {

	/** Copies the collections so that the record stays a value. */
	public DecomposedPayload {
		disbursements = (disbursements != null) ? List.copyOf(disbursements) : null;
		transferBatches = (transferBatches != null) ? List.copyOf(transferBatches) : null;
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : null;
		transactions = (transactions != null) ? List.copyOf(transactions) : null;
		destinations = (destinations != null) ? List.copyOf(destinations) : null;
	}

}
