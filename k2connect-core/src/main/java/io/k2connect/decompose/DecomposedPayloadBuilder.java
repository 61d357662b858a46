package io.k2connect.decompose;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.k2connect.event.Disbursement;
import io.k2connect.event.PaymentLinkDetails;
import io.k2connect.event.PollingTransaction;
import io.k2connect.event.ReversalBulkPayment;
import io.k2connect.event.TransferBatch;
import org.jspecify.annotations.Nullable;

/**
 * Collects the components of a {@link DecomposedPayload} by name; mutable, used by one
 * thread.
 */
final class DecomposedPayloadBuilder {

	@Nullable String topic;

	@Nullable String type;

	@Nullable String id;

	@Nullable OffsetDateTime createdAt;

	@Nullable String resultType;

	@Nullable String eventType;

	@Nullable String resourceId;

	@Nullable String status;

	@Nullable String resourceStatus;

	@Nullable BigDecimal amount;

	@Nullable BigDecimal totalValue;

	@Nullable String currency;

	@Nullable String reference;

	@Nullable String transactionReference;

	@Nullable OffsetDateTime originationTime;

	@Nullable OffsetDateTime initiationTime;

	@Nullable String system;

	@Nullable String tillNumber;

	@Nullable String tillName;

	@Nullable String senderPhoneNumber;

	@Nullable String hashedPhoneNumber;

	@Nullable String hashedSenderPhone;

	@Nullable String firstName;

	@Nullable String middleName;

	@Nullable String lastName;

	@Nullable String senderFirstName;

	@Nullable String senderMiddleName;

	@Nullable String senderLastName;

	@Nullable String resourceFirstName;

	@Nullable String resourceMiddleName;

	@Nullable String resourceLastName;

	@Nullable String resourcePhoneNumber;

	@Nullable OffsetDateTime reversalTime;

	@Nullable String sendingTill;

	@Nullable String sendingMerchant;

	@Nullable String customerCcNumber;

	@Nullable Boolean settled;

	@Nullable String destinationType;

	@Nullable String destinationReference;

	@Nullable String bankId;

	@Nullable String bankBranchId;

	@Nullable String accountName;

	@Nullable String accountNumber;

	@Nullable String msisdn;

	@Nullable String network;

	@Nullable String destinationNetwork;

	@Nullable String destinationFirstName;

	@Nullable String destinationLastName;

	@Nullable String destinationPhoneNumber;

	@Nullable String destinationAccountName;

	@Nullable String destinationAccountNumber;

	@Nullable String destinationBankBranchRef;

	@Nullable String destinationTransferMethod;

	@Nullable String destinationSettlementMethod;

	@Nullable List<Disbursement> disbursements;

	@Nullable List<TransferBatch> transferBatches;

	@Nullable String linksSelf;

	@Nullable String linksResource;

	@Nullable String callbackUrl;

	@Nullable String errors;

	@Nullable String k2Errors;

	@Nullable String requestErrors;

	@Nullable Map<String, @Nullable Object> metadata;

	@Nullable String transactionType;

	@Nullable String transactionId;

	@Nullable String transactionTime;

	@Nullable BigDecimal transactionAmount;

	@Nullable String businessShortCode;

	@Nullable String billRefNumber;

	@Nullable String invoiceNumber;

	@Nullable BigDecimal orgAccountBalance;

	@Nullable String thirdPartyTransactionId;

	@Nullable String reason;

	@Nullable ReversalBulkPayment reversalBulkPayment;

	@Nullable String paymentReference;

	@Nullable String note;

	@Nullable PaymentLinkDetails paymentLink;

	@Nullable OffsetDateTime fromTime;

	@Nullable OffsetDateTime toTime;

	@Nullable String scope;

	@Nullable String scopeReference;

	@Nullable List<PollingTransaction> transactions;

	@Nullable String message;

	@Nullable String webhookEventReference;

	@Nullable String sourceIdentifier;

	@Nullable List<Map<String, @Nullable Object>> destinations;

	DecomposedPayload build() {
		return new DecomposedPayload(this.topic, this.type, this.id, this.createdAt, this.resultType, this.eventType,
				this.resourceId, this.status, this.resourceStatus, this.amount, this.totalValue, this.currency,
				this.reference, this.transactionReference, this.originationTime, this.initiationTime, this.system,
				this.tillNumber, this.tillName, this.senderPhoneNumber, this.hashedPhoneNumber, this.hashedSenderPhone,
				this.firstName, this.middleName, this.lastName, this.senderFirstName, this.senderMiddleName,
				this.senderLastName, this.resourceFirstName, this.resourceMiddleName, this.resourceLastName,
				this.resourcePhoneNumber, this.reversalTime, this.sendingTill, this.sendingMerchant,
				this.customerCcNumber, this.settled, this.destinationType, this.destinationReference, this.bankId,
				this.bankBranchId, this.accountName, this.accountNumber, this.msisdn, this.network,
				this.destinationNetwork, this.destinationFirstName, this.destinationLastName,
				this.destinationPhoneNumber, this.destinationAccountName, this.destinationAccountNumber,
				this.destinationBankBranchRef, this.destinationTransferMethod, this.destinationSettlementMethod,
				this.disbursements, this.transferBatches, this.linksSelf, this.linksResource, this.callbackUrl,
				this.errors, this.k2Errors, this.requestErrors, this.metadata, this.transactionType, this.transactionId,
				this.transactionTime, this.transactionAmount, this.businessShortCode, this.billRefNumber,
				this.invoiceNumber, this.orgAccountBalance, this.thirdPartyTransactionId, this.reason,
				this.reversalBulkPayment, this.paymentReference, this.note, this.paymentLink, this.fromTime,
				this.toTime, this.scope, this.scopeReference, this.transactions, this.message,
				this.webhookEventReference, this.sourceIdentifier, this.destinations);
	}

}
