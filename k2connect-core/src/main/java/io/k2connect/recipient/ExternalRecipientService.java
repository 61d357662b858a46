package io.k2connect.recipient;

import java.util.Objects;

import io.k2connect.K2Transport;
import io.k2connect.RequestOptions;
import io.k2connect.ResourceLocation;
import io.k2connect.internal.JsonBodies;
import tools.jackson.databind.node.ObjectNode;

/**
 * External recipients (v2, docs/k2-api.md §10): save someone you send money to. It
 * replaces v1's {@link io.k2connect.pay.PayService#addPayRecipient pay recipients}.
 * Obtain it from {@link io.k2connect.K2Client#externalRecipients()}.
 */
public final class ExternalRecipientService {

	static final String PATH = "/api/v2/external_recipients";

	private final K2Transport transport;

	/**
	 * Creates the service; applications get theirs from
	 * {@link io.k2connect.K2Client#externalRecipients()}.
	 * @param transport how the service reaches K2: the client's own, or a stand-in
	 */
	public ExternalRecipientService(K2Transport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	/**
	 * Saves an external recipient ({@code POST /api/v2/external_recipients}).
	 * @param recipient the recipient: a mobile wallet, bank account, till or Pay Bill
	 * @return where K2 keeps the recipient
	 */
	public ResourceLocation addExternalRecipient(ExternalRecipient recipient) {
		return addExternalRecipient(recipient, RequestOptions.defaults());
	}

	/**
	 * Saves an external recipient, with per-call options; see
	 * {@link #addExternalRecipient(ExternalRecipient)}.
	 * @param recipient the recipient: a mobile wallet, bank account, till or Pay Bill
	 * @param options per-call options
	 * @return where K2 keeps the recipient
	 */
	public ResourceLocation addExternalRecipient(ExternalRecipient recipient, RequestOptions options) {
		Objects.requireNonNull(recipient, "recipient must not be null");
		return this.transport.create(PATH, body(recipient), options);
	}

	static ObjectNode body(ExternalRecipient recipient) {
		ObjectNode body = JsonBodies.object().put("type", recipient.type().wireValue());
		ObjectNode fields = body.putObject("external_recipient");
		if (recipient instanceof ExternalMobileWallet wallet) {
			fields.put("first_name", wallet.firstName())
				.put("last_name", wallet.lastName())
				.put("phone_number", wallet.phoneNumber())
				.put("network", wallet.network());
			JsonBodies.optional(fields, "email", wallet.email());
		}
		else if (recipient instanceof ExternalBankAccount bank) {
			fields.put("account_name", bank.accountName())
				.put("account_number", bank.accountNumber())
				.put("bank_branch_ref", bank.bankBranchRef());
			if (bank.settlementMethod() != null) {
				fields.put("settlement_method", bank.settlementMethod().wireValue());
			}
		}
		else if (recipient instanceof ExternalTill till) {
			fields.put("till_name", till.tillName()).put("till_number", till.tillNumber());
		}
		else {
			// ExternalRecipient is sealed, so this is the last kind (Java 17 has no
			// pattern switch to say so).
			ExternalPaybill paybill = (ExternalPaybill) recipient;
			fields.put("paybill_name", paybill.paybillName())
				.put("paybill_number", paybill.paybillNumber())
				.put("paybill_account_number", paybill.paybillAccountNumber());
		}
		JsonBodies.optional(fields, "nickname", recipient.nickname());
		return body;
	}

	@Override
	public String toString() {
		return "ExternalRecipientService[" + this.transport.baseUrl() + "]";
	}

}
