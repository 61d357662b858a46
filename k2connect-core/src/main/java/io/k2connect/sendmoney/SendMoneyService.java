package io.k2connect.sendmoney;

import java.math.BigDecimal;
import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.event.SendMoneyResult;
import io.k2connect.internal.JsonBodies;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Send money (v2): pay external recipients and move funds to your own accounts
 * (docs/k2-api.md §9). It replaces v1's PAY ({@link io.k2connect.pay.PayService}) and
 * settlement transfers ({@link io.k2connect.transfer.TransferService#settleFunds}).
 * Obtain it from {@link io.k2connect.K2Client#sendMoney()}.
 */
public final class SendMoneyService {

	static final String PATH = "/api/v2/send_money";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#sendMoney()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public SendMoneyService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Sends money ({@code POST /api/v2/send_money}) to the request's destinations, or for
	 * a {@linkplain SendMoneyRequest#sweep(java.net.URI) sweep} all available funds to
	 * your own accounts. K2 answers at once; the outcome arrives later as a signed
	 * {@code send_money} result at the request's callback URL. The request is never sent
	 * twice.
	 * @param request the request
	 * @return where K2 keeps the request
	 */
	public ResourceLocation sendMoney(SendMoneyRequest request) {
		return sendMoney(request, RequestOptions.defaults());
	}

	/**
	 * Sends money, with per-call options; see {@link #sendMoney(SendMoneyRequest)}.
	 * @param request the request
	 * @param options per-call options
	 * @return where K2 keeps the request
	 */
	public ResourceLocation sendMoney(SendMoneyRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request must not be null");
		return this.transport.create(PATH, body(request), options);
	}

	/**
	 * Reads the send-money request's status ({@code GET} its location, i.e.
	 * {@code /api/v2/send_money/<id>}): {@code Scheduled}, then {@code Processed} with
	 * its transfer batches. The same document K2 posts to the callback URL.
	 * @param location what {@link #sendMoney(SendMoneyRequest)} returned
	 * @return the request's current state
	 */
	public SendMoneyResult sendMoneyStatus(ResourceLocation location) {
		return sendMoneyStatus(location, RequestOptions.defaults());
	}

	/**
	 * Reads the send-money request's status, with per-call options; see
	 * {@link #sendMoneyStatus(ResourceLocation)}.
	 * @param location what {@link #sendMoney(SendMoneyRequest)} returned
	 * @param options per-call options
	 * @return the request's current state
	 */
	public SendMoneyResult sendMoneyStatus(ResourceLocation location, RequestOptions options) {
		return this.transport.status(location, SendMoneyResult.class, options);
	}

	static ObjectNode body(SendMoneyRequest request) {
		ObjectNode body = JsonBodies.object();
		// A sweep leaves the list out, as K2's docs show it.
		if (!request.sweep()) {
			ArrayNode destinations = body.putArray("destinations");
			request.destinations().forEach((destination) -> destinations.add(body(destination)));
		}
		JsonBodies.optional(body, "source_identifier", request.sourceIdentifier());
		body.put("currency", request.currency());
		JsonBodies.metadata(body, request.metadata());
		return JsonBodies.callback(body, request.callbackUrl());
	}

	static ObjectNode body(SendMoneyDestination destination) {
		ObjectNode body = JsonBodies.object().put("type", destination.type().wireValue());
		if (destination instanceof MobileWalletDestination wallet) {
			body.put("phone_number", wallet.phoneNumber()).put("network", wallet.network());
			return external(body, wallet.amount(), wallet.description(), wallet.nickname(), wallet.favourite());
		}
		if (destination instanceof BankAccountDestination bank) {
			body.put("bank_branch_ref", bank.bankBranchRef())
				.put("account_name", bank.accountName())
				.put("account_number", bank.accountNumber());
			return external(body, bank.amount(), bank.description(), bank.nickname(), bank.favourite());
		}
		if (destination instanceof TillDestination till) {
			body.put("till_number", till.tillNumber());
			return external(body, till.amount(), till.description(), till.nickname(), till.favourite());
		}
		if (destination instanceof PaybillDestination paybill) {
			body.put("paybill_number", paybill.paybillNumber())
				.put("paybill_account_number", paybill.paybillAccountNumber());
			return external(body, paybill.amount(), paybill.description(), paybill.nickname(), paybill.favourite());
		}
		// The two own-account kinds are all that is left of the sealed type (Java 17 has
		// no pattern switch to say so); they share their shape.
		String reference = (destination instanceof MerchantWalletDestination wallet) ? wallet.reference()
				: ((MerchantBankAccountDestination) destination).reference();
		body.put("reference", reference);
		JsonBodies.number(body, "amount", destination.amount());
		return JsonBodies.optional(body, "description", destination.description());
	}

	private static ObjectNode external(ObjectNode body, BigDecimal amount, String description,
			@Nullable String nickname, boolean favourite) {
		JsonBodies.number(body, "amount", amount).put("description", description);
		JsonBodies.optional(body, "nickname", nickname);
		return body.put("favourite", favourite);
	}

	@Override
	public String toString() {
		return "SendMoneyService[" + this.transport.baseUrl() + "]";
	}

}
