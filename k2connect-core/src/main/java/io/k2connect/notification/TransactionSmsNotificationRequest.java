package io.k2connect.notification;

import java.net.URI;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A custom SMS to the customer who paid a Buy Goods transaction
 * ({@code POST /api/v1/transaction_sms_notifications}, docs/k2-api.md §8). Build one with
 * {@link #builder()}; every field is required.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields. K2 documents no length limit for the message, so none is imposed here.
 *
 * @param webhookEventReference the top-level {@code id} of the received
 * {@code buygoods_transaction_received} webhook whose payer gets the SMS
 * @param message the text to send
 * @param callbackUrl where K2 posts the signed result
 */
public record TransactionSmsNotificationRequest(String webhookEventReference, String message, URI callbackUrl) {

	public TransactionSmsNotificationRequest {
		Validator v = new Validator();
		webhookEventReference = v.requiredText("webhook_event_reference", webhookEventReference);
		message = v.requiredText("message", message);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/** Starts building a transaction SMS notification. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link TransactionSmsNotificationRequest}; {@link #build()} checks every
	 * rule at once. A builder rather than a constructor call because two of the three
	 * texts would otherwise be easy to swap.
	 */
	public static final class Builder {

		private @Nullable String webhookEventReference;

		private @Nullable String message;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/**
		 * The {@code id} of the received {@code buygoods_transaction_received} webhook.
		 * Required.
		 */
		public Builder webhookEventReference(String webhookEventReference) {
			this.webhookEventReference = webhookEventReference;
			return this;
		}

		/** The text to send. Required, not blank. */
		public Builder message(String message) {
			this.message = message;
			return this;
		}

		/**
		 * Where K2 posts the signed result: absolute https (http only for loopback).
		 * Required.
		 */
		public Builder callbackUrl(URI callbackUrl) {
			this.callbackUrl = callbackUrl;
			return this;
		}

		/** Where K2 posts the signed result, as text; see {@link #callbackUrl(URI)}. */
		public Builder callbackUrl(String callbackUrl) {
			this.callbackUrl = Urls.parseForValidation(callbackUrl);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws K2ValidationException naming every broken field
		 */
		public TransactionSmsNotificationRequest build() {
			return new TransactionSmsNotificationRequest(this.webhookEventReference, this.message, this.callbackUrl);
		}

	}

}
