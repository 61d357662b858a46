package io.k2connect.event;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One element of {@code attributes.transactions} in a {@code polling} result
 * (docs/k2-webhooks.md §4.4).
 *
 * @param type {@code type}, e.g. {@code Buygoods Transaction}
 * @param resource {@code resource}: the transaction
 */
public record PollingTransaction(@Nullable String type, @Nullable IncomingPaymentResource resource) {

	/** The {@code type} of a till payment. */
	public static final String BUYGOODS_TRANSACTION = "Buygoods Transaction";

	/**
	 * Whether this is a till payment ({@value #BUYGOODS_TRANSACTION}, in any case) with a
	 * resource id: what {@link #toBuygoodsTransactionReceived()} can turn into the event
	 * its webhook carries.
	 * @return whether it is one
	 */
	public boolean isBuygoodsTransaction() {
		return this.type != null && this.type.trim().toLowerCase(Locale.ROOT).equals("buygoods transaction")
				&& this.resource != null && this.resource.id() != null && !this.resource.id().isBlank();
	}

	/**
	 * The {@code buygoods_transaction_received} event that the webhook of this till
	 * payment carries, as far as a polling result tells it: the transaction's fields are
	 * the same; the webhook event's own {@code id}, {@code created_at} and {@code _links}
	 * are not known ({@code null}). Its {@linkplain DeliveryKeys delivery key} is the
	 * webhook's, so a receiver recognises one as a repeat of the other.
	 * @return the event
	 * @throws IllegalStateException when this is not a
	 * {@linkplain #isBuygoodsTransaction() till payment}
	 */
	public BuygoodsTransactionReceived toBuygoodsTransactionReceived() {
		if (!isBuygoodsTransaction()) {
			throw new IllegalStateException("Not a till payment with a resource id: type " + this.type);
		}
		IncomingPaymentResource r = this.resource;
		return new BuygoodsTransactionReceived(null, BuygoodsTransactionReceived.TOPIC, null, this.type, r.id(),
				r.reference(), r.originationTime(), r.senderPhoneNumber(), r.hashedSenderPhone(), r.amount(),
				r.currency(), r.tillNumber(), r.system(), r.status(), r.senderFirstName(), r.senderMiddleName(),
				r.senderLastName(), null);
	}

}
