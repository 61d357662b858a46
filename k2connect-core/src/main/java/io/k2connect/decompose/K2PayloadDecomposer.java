package io.k2connect.decompose;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.k2connect.K2PayloadException;
import io.k2connect.event.B2bTransactionReceived;
import io.k2connect.event.B2bTransactionReversed;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.BuygoodsTransactionReversed;
import io.k2connect.event.CardTransactionReceived;
import io.k2connect.event.CardTransactionReversed;
import io.k2connect.event.CardTransactionVoided;
import io.k2connect.event.CustomerCreated;
import io.k2connect.event.DarajaEvent;
import io.k2connect.event.EventLinks;
import io.k2connect.event.IncomingPaymentResource;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2Event;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.event.K2Result;
import io.k2connect.event.M2mTransactionReceived;
import io.k2connect.event.PaymentLinkResult;
import io.k2connect.event.PaymentResult;
import io.k2connect.event.PollingResult;
import io.k2connect.event.ResultLinks;
import io.k2connect.event.ReversalResult;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.event.SettlementDestination;
import io.k2connect.event.SettlementTransferCompleted;
import io.k2connect.event.SettlementTransferResult;
import io.k2connect.event.TransactionSmsNotificationResult;
import io.k2connect.event.UnknownPayload;
import org.jspecify.annotations.Nullable;

/**
 * Turns any K2 payload into a flat {@link DecomposedPayload}: the Java counterpart of the
 * Python SDK's {@code payload_decomposer.decompose}, with its attribute names camel-cased
 * and the Ruby SDK's v2 fields added (docs/k2-webhooks.md §6).
 *
 * <p>
 * Unlike the Python decomposer it never fails on a missing key (a customer without id, a
 * settlement without reference, a pending or failed payment without resource, a result
 * without metadata: docs/k2-webhooks.md §6.4); such values are simply {@code null}. It
 * reads the typed records, so it sees exactly what {@link K2PayloadParser} saw. Stateless
 * and thread-safe.
 */
public final class K2PayloadDecomposer {

	private final K2PayloadParser parser;

	/** A decomposer with its own {@link K2PayloadParser}. */
	public K2PayloadDecomposer() {
		this(new K2PayloadParser());
	}

	/**
	 * A decomposer parsing bodies with {@code parser}.
	 * @param parser the parser used by {@link #decompose(byte[])}
	 */
	public K2PayloadDecomposer(K2PayloadParser parser) {
		this.parser = Objects.requireNonNull(parser, "parser must not be null");
	}

	/**
	 * Parses and decomposes a body. This does not verify the signature: decompose the
	 * payload returned by {@link K2ResultProcessor#process} instead for received bodies.
	 * @param body a webhook event or result body
	 * @return the flat view
	 * @throws K2PayloadException if the body is not a JSON object
	 */
	public DecomposedPayload decompose(byte[] body) {
		return decompose(this.parser.parse(body));
	}

	/**
	 * Decomposes a parsed payload; never throws for any payload the parser produced.
	 * @param payload a webhook event, result, Daraja event or unknown payload
	 * @return the flat view; for an {@link UnknownPayload} only its id, topic and type
	 */
	public DecomposedPayload decompose(K2Payload payload) {
		Objects.requireNonNull(payload, "payload must not be null");
		DecomposedPayloadBuilder out = new DecomposedPayloadBuilder();
		if (payload instanceof K2Event event) {
			event(event, out);
		}
		else if (payload instanceof K2Result result) {
			result(result, out);
		}
		else if (payload instanceof DarajaEvent daraja) {
			daraja(daraja, out);
		}
		else if (payload instanceof UnknownPayload unknown) {
			out.id = unknown.id();
			out.topic = unknown.topic();
			out.type = unknown.type();
		}
		return out.build();
	}

	@Override
	public String toString() {
		return "K2PayloadDecomposer";
	}

	private static void event(K2Event event, DecomposedPayloadBuilder out) {
		out.id = event.id();
		out.topic = event.topic();
		out.createdAt = event.createdAt();
		out.resultType = event.eventType();
		out.eventType = event.eventType();
		EventLinks links = event.links();
		if (links != null) {
			out.linksSelf = links.self();
			out.linksResource = links.resource();
		}
		if (event instanceof BuygoodsTransactionReceived e) {
			buygoods(out, e.resourceId(), e.reference(), e.originationTime(), e.senderPhoneNumber(),
					e.hashedSenderPhone(), e.amount(), e.currency(), e.tillNumber(), e.system(), e.status(),
					e.senderFirstName(), e.senderMiddleName(), e.senderLastName());
		}
		else if (event instanceof BuygoodsTransactionReversed e) {
			buygoods(out, e.resourceId(), e.reference(), e.originationTime(), e.senderPhoneNumber(),
					e.hashedSenderPhone(), e.amount(), e.currency(), e.tillNumber(), e.system(), e.status(),
					e.senderFirstName(), e.senderMiddleName(), e.senderLastName());
			out.reversalTime = e.reversalTime();
		}
		else if (event instanceof B2bTransactionReceived e) {
			transaction(out, e.resourceId(), e.reference(), e.originationTime(), e.amount(), e.currency(), e.status());
			out.system = e.system();
			out.tillNumber = e.tillNumber();
			out.sendingTill = e.sendingTill();
		}
		else if (event instanceof B2bTransactionReversed e) {
			transaction(out, e.resourceId(), e.reference(), e.originationTime(), e.amount(), e.currency(), e.status());
			out.system = e.system();
			out.tillNumber = e.tillNumber();
			out.sendingTill = e.sendingTill();
		}
		else if (event instanceof M2mTransactionReceived e) {
			transaction(out, e.resourceId(), null, e.originationTime(), e.amount(), e.currency(), e.status());
			out.sendingMerchant = e.sendingMerchant();
		}
		else if (event instanceof SettlementTransferCompleted e) {
			transaction(out, e.resourceId(), null, e.originationTime(), e.amount(), e.currency(), e.status());
			out.disbursements = e.disbursements();
			destination(e.destination(), out);
		}
		else if (event instanceof CustomerCreated e) {
			out.firstName = e.firstName();
			out.middleName = e.middleName();
			out.lastName = e.lastName();
			out.resourceFirstName = e.firstName();
			out.resourceMiddleName = e.middleName();
			out.resourceLastName = e.lastName();
			out.resourcePhoneNumber = e.phoneNumber();
		}
		else if (event instanceof CardTransactionReceived e) {
			transaction(out, e.resourceId(), e.reference(), e.originationTime(), e.amount(), e.currency(), e.status());
			out.tillNumber = e.tillNumber();
			out.customerCcNumber = e.customerCcNumber();
			out.settled = e.settled();
		}
		else if (event instanceof CardTransactionVoided e) {
			transaction(out, e.resourceId(), e.reference(), e.originationTime(), e.amount(), e.currency(), e.status());
			out.tillNumber = e.tillNumber();
			out.customerCcNumber = e.customerCcNumber();
		}
		else if (event instanceof CardTransactionReversed e) {
			transaction(out, e.resourceId(), e.reference(), e.originationTime(), e.amount(), e.currency(), e.status());
			out.tillNumber = e.tillNumber();
			out.customerCcNumber = e.customerCcNumber();
		}
	}

	private static void transaction(DecomposedPayloadBuilder out, @Nullable String resourceId,
			@Nullable String reference, @Nullable OffsetDateTime originationTime, @Nullable BigDecimal amount,
			@Nullable String currency, @Nullable String status) {
		out.resourceId = resourceId;
		out.reference = reference;
		out.originationTime = originationTime;
		out.amount = amount;
		out.currency = currency;
		out.status = status;
	}

	private static void buygoods(DecomposedPayloadBuilder out, @Nullable String resourceId, @Nullable String reference,
			@Nullable OffsetDateTime originationTime, @Nullable String senderPhoneNumber,
			@Nullable String hashedSenderPhone, @Nullable BigDecimal amount, @Nullable String currency,
			@Nullable String tillNumber, @Nullable String system, @Nullable String status,
			@Nullable String senderFirstName, @Nullable String senderMiddleName, @Nullable String senderLastName) {
		transaction(out, resourceId, reference, originationTime, amount, currency, status);
		out.system = system;
		out.tillNumber = tillNumber;
		out.senderPhoneNumber = senderPhoneNumber;
		out.hashedPhoneNumber = hashedSenderPhone;
		out.hashedSenderPhone = hashedSenderPhone;
		out.firstName = senderFirstName;
		out.lastName = senderLastName;
		out.senderFirstName = senderFirstName;
		out.senderMiddleName = senderMiddleName;
		out.senderLastName = senderLastName;
	}

	private static void destination(@Nullable SettlementDestination destination, DecomposedPayloadBuilder out) {
		if (destination == null) {
			return;
		}
		out.destinationType = destination.type();
		out.destinationReference = destination.reference();
		// The Python SDK keys these branches on
		// "merchant_bank_account"/"merchant_wallet", which K2 never sends
		// (docs/k2-webhooks.md §6.4); branch on the real type instead, and fill both the
		// Python and the Ruby names.
		if (destination.isBankAccount() || "merchant_bank_account".equalsIgnoreCase(destination.type())) {
			out.accountName = destination.accountName();
			out.accountNumber = destination.accountNumber();
			out.bankBranchId = destination.bankBranchRef();
			out.destinationAccountName = destination.accountName();
			out.destinationAccountNumber = destination.accountNumber();
			out.destinationBankBranchRef = destination.bankBranchRef();
			out.destinationTransferMethod = destination.settlementMethod();
			out.destinationSettlementMethod = destination.settlementMethod();
		}
		else if (destination.isMobileWallet() || "merchant_wallet".equalsIgnoreCase(destination.type())) {
			out.msisdn = destination.phoneNumber();
			out.network = destination.network();
			out.destinationNetwork = destination.network();
			out.destinationFirstName = destination.firstName();
			out.destinationLastName = destination.lastName();
			out.destinationPhoneNumber = destination.phoneNumber();
		}
	}

	private static void result(K2Result result, DecomposedPayloadBuilder out) {
		out.id = result.id();
		out.type = result.type();
		out.status = result.status();
		out.metadata = result.metadata();
		ResultLinks links = result.links();
		if (links != null) {
			out.linksSelf = links.self();
			out.callbackUrl = links.callbackUrl();
		}
		if (result instanceof IncomingPaymentResult r) {
			out.initiationTime = r.initiationTime();
			out.eventType = r.eventType();
			out.errors = r.errors();
			out.k2Errors = r.errors();
			IncomingPaymentResource resource = r.resource();
			if (resource != null) {
				out.resourceId = resource.id();
				out.reference = resource.reference();
				out.transactionReference = resource.reference();
				out.originationTime = resource.originationTime();
				out.senderPhoneNumber = resource.senderPhoneNumber();
				out.hashedPhoneNumber = resource.hashedSenderPhone();
				out.hashedSenderPhone = resource.hashedSenderPhone();
				out.amount = resource.amount();
				out.currency = resource.currency();
				out.tillNumber = resource.tillNumber();
				out.system = resource.system();
				out.resourceStatus = resource.status();
				out.senderFirstName = resource.senderFirstName();
				out.senderMiddleName = resource.senderMiddleName();
				out.senderLastName = resource.senderLastName();
			}
		}
		else if (result instanceof PaymentResult r) {
			out.createdAt = r.createdAt();
			out.amount = r.amount();
			out.totalValue = r.amount();
			out.currency = r.currency();
			out.transferBatches = r.transferBatches();
		}
		else if (result instanceof SettlementTransferResult r) {
			out.createdAt = r.createdAt();
			out.amount = r.amount();
			out.totalValue = r.amount();
			out.currency = r.currency();
			out.transferBatches = r.transferBatches();
		}
		else if (result instanceof PollingResult r) {
			out.createdAt = r.createdAt();
			out.fromTime = r.fromTime();
			out.toTime = r.toTime();
			out.scope = r.scope();
			out.scopeReference = r.scopeReference();
			out.transactions = r.transactions();
		}
		else if (result instanceof TransactionSmsNotificationResult r) {
			out.message = r.message();
			out.webhookEventReference = r.webhookEventReference();
		}
		else if (result instanceof SendMoneyResult r) {
			out.createdAt = r.createdAt();
			out.sourceIdentifier = r.sourceIdentifier();
			out.destinations = r.destinations();
			out.currency = r.currency();
			out.transferBatches = r.transferBatches();
			out.errors = r.errors();
			out.requestErrors = r.errors();
		}
		else if (result instanceof ReversalResult r) {
			out.createdAt = r.createdAt();
			out.transactionReference = r.transactionReference();
			out.reason = r.reason();
			out.reversalBulkPayment = r.reversalBulkPayment();
			out.errors = r.errors();
			out.requestErrors = r.errors();
		}
		else if (result instanceof PaymentLinkResult r) {
			out.createdAt = r.createdAt();
			out.tillName = r.tillName();
			out.tillNumber = r.tillNumber();
			out.paymentReference = r.paymentReference();
			out.currency = r.currency();
			out.amount = r.amount();
			out.note = r.note();
			out.paymentLink = r.paymentLink();
			out.errors = r.errors();
			out.requestErrors = r.errors();
		}
	}

	private static void daraja(DarajaEvent event, DecomposedPayloadBuilder out) {
		// The name the Python and Ruby decomposers give this format (docs/k2-webhooks.md
		// §6.1).
		out.topic = "daraja_payload";
		out.transactionType = event.transactionType();
		out.transactionId = event.transactionId();
		out.transactionTime = event.transactionTime();
		out.transactionAmount = event.transactionAmount();
		out.businessShortCode = event.businessShortCode();
		out.billRefNumber = event.billRefNumber();
		out.invoiceNumber = event.invoiceNumber();
		out.orgAccountBalance = event.orgAccountBalance();
		out.thirdPartyTransactionId = event.thirdPartyTransactionId();
		out.msisdn = event.msisdn();
		out.firstName = event.firstName();
		out.middleName = event.middleName();
		out.lastName = event.lastName();
	}

}
