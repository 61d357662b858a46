package io.k2connect.pay;

import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.PaymentResult;
import io.k2connect.internal.JsonBodies;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PAY: register recipients and send them money (docs/k2-api.md §5, v1 only, always on
 * {@code /api/v1}). In v2, {@link io.k2connect.sendmoney.SendMoneyService send money}
 * replaces payments and {@link io.k2connect.recipient.ExternalRecipientService external
 * recipients} replace pay recipients. Obtain it from {@link io.k2connect.K2Client#pay()}.
 */
public final class PayService {

	static final String RECIPIENTS_PATH = "/api/v1/pay_recipients";

	static final String PAYMENTS_PATH = "/api/v1/payments";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#pay()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public PayService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Registers someone to pay ({@code POST /api/v1/pay_recipients}). The recipient's
	 * {@code recipient_reference}, which {@link #sendPay(SendPayRequest)} needs, is
	 * assigned by K2; its docs say to copy it from the K2 web app, as reading it through
	 * the API is discontinued.
	 * @param recipient the recipient: a mobile wallet, bank account, till or Pay Bill
	 * @return where K2 keeps the recipient
	 */
	public ResourceLocation addPayRecipient(PayRecipient recipient) {
		return addPayRecipient(recipient, RequestOptions.defaults());
	}

	/**
	 * Registers someone to pay, with per-call options; see
	 * {@link #addPayRecipient(PayRecipient)}.
	 * @param recipient the recipient: a mobile wallet, bank account, till or Pay Bill
	 * @param options per-call options
	 * @return where K2 keeps the recipient
	 */
	public ResourceLocation addPayRecipient(PayRecipient recipient, RequestOptions options) {
		Objects.requireNonNull(recipient, "recipient must not be null");
		return this.transport.create(RECIPIENTS_PATH, body(recipient), options);
	}

	/**
	 * Sends money to a registered recipient ({@code POST /api/v1/payments}). K2 answers
	 * at once; the outcome arrives later as a signed {@code payment} result at the
	 * request's callback URL.
	 * @param request the payment
	 * @return where K2 keeps the payment
	 */
	public ResourceLocation sendPay(SendPayRequest request) {
		return sendPay(request, RequestOptions.defaults());
	}

	/**
	 * Sends money to a registered recipient, with per-call options; see
	 * {@link #sendPay(SendPayRequest)}.
	 * @param request the payment
	 * @param options per-call options
	 * @return where K2 keeps the payment
	 */
	public ResourceLocation sendPay(SendPayRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(PAYMENTS_PATH, body(request), options);
	}

	/**
	 * Reads the payment's status ({@code GET} its location): {@code Scheduled}, then
	 * {@code Processed} with its transfer batches. The same document K2 posts to the
	 * callback URL.
	 * @param location what {@link #sendPay(SendPayRequest)} returned
	 * @return the payment's current state
	 */
	public PaymentResult payTransactionStatus(ResourceLocation location) {
		return payTransactionStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the payment's status, with per-call options; see
	 * {@link #payTransactionStatus(ResourceLocation)}.
	 * @param location what {@link #sendPay(SendPayRequest)} returned
	 * @param options per-call options
	 * @return the payment's current state
	 */
	public PaymentResult payTransactionStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, PaymentResult.class, options);
	}

	static ObjectNode body(PayRecipient recipient) {
		ObjectNode body = JsonBodies.object().put("type", recipient.type().wireValue());
		ObjectNode fields = body.putObject("pay_recipient");
		if (recipient instanceof MobileWalletRecipient wallet) {
			fields.put("first_name", wallet.firstName())
				.put("last_name", wallet.lastName())
				.put("phone_number", wallet.phoneNumber())
				.put("network", wallet.network());
			JsonBodies.optional(fields, "email", wallet.email());
		}
		else if (recipient instanceof BankAccountRecipient bank) {
			fields.put("account_name", bank.accountName())
				.put("account_number", bank.accountNumber())
				.put("bank_branch_ref", bank.bankBranchRef())
				.put("settlement_method", bank.settlementMethod().wireValue());
		}
		else if (recipient instanceof TillRecipient till) {
			fields.put("till_name", till.tillName()).put("till_number", till.tillNumber());
		}
		else {
			// PayRecipient is sealed, so this is the last kind (Java 17 has no pattern
			// switch to say so).
			PaybillRecipient paybill = (PaybillRecipient) recipient;
			fields.put("paybill_name", paybill.paybillName())
				.put("paybill_number", paybill.paybillNumber())
				.put("paybill_account_number", paybill.paybillAccountNumber());
		}
		return body;
	}

	static ObjectNode body(SendPayRequest request) {
		ObjectNode body = JsonBodies.object()
			.put("destination_type", request.destinationType().wireValue())
			.put("destination_reference", request.destinationReference());
		JsonBodies.amount(body, request.currency(), request.amount());
		body.put("description", request.description());
		if (request.category() != null) {
			body.put("category", request.category().wireValue());
		}
		if (!request.tags().isEmpty()) {
			ArrayNode tags = body.putArray("tags");
			request.tags().forEach(tags::add);
		}
		JsonBodies.metadata(body, request.metadata());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	@Override
	public String toString() {
		return "PayService[" + this.transport.baseUrl() + "]";
	}

}
