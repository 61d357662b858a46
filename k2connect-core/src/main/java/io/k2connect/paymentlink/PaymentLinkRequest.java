package io.k2connect.paymentlink;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A payment link to create ({@code POST /api/v2/payment_links}, docs/k2-api.md §13.1).
 * Build one with {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param amount the amount to pay, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param currency the currency, {@code KES} unless given
 * @param tillNumber the till (M-PESA or Online Payments) that receives the money
 * @param paymentReference your own reference, or {@code null}
 * @param note what the payer is shown, or {@code null}
 * @param metadata up to five entries K2 echoes in the result
 * @param callbackUrl where K2 posts the signed {@code payment_link} result
 */
public record PaymentLinkRequest(BigDecimal amount, String currency, String tillNumber,
		@Nullable String paymentReference, @Nullable String note, Map<String, Object> metadata, URI callbackUrl) {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public PaymentLinkRequest {
		Validator v = new Validator();
		amount = v.amount("amount", amount);
		currency = v.currency("currency", currency);
		tillNumber = v.requiredText("till_number", tillNumber);
		paymentReference = v.optionalText(paymentReference);
		note = v.optionalText(note);
		metadata = v.metadata("metadata", metadata);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/** Starts building a payment link. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link PaymentLinkRequest}; {@link #build()} checks every rule at once.
	 */
	public static final class Builder {

		private @Nullable BigDecimal amount;

		private @Nullable String currency;

		private @Nullable String tillNumber;

		private @Nullable String paymentReference;

		private @Nullable String note;

		private @Nullable Map<String, ?> metadata;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/**
		 * The amount, positive with at most two decimals and at most
		 * {@link io.k2connect.model.Amounts#MAX}. Required.
		 */
		public Builder amount(BigDecimal amount) {
			this.amount = amount;
			return this;
		}

		/** The currency; default {@code KES}, the only one K2 supports. */
		public Builder currency(String currency) {
			this.currency = currency;
			return this;
		}

		/** The till that receives the money. Required. */
		public Builder tillNumber(String tillNumber) {
			this.tillNumber = tillNumber;
			return this;
		}

		/** Your own reference for the payment, e.g. an invoice number. */
		public Builder paymentReference(String paymentReference) {
			this.paymentReference = paymentReference;
			return this;
		}

		/** A note shown to the payer. */
		public Builder note(String note) {
			this.note = note;
			return this;
		}

		/** Up to five entries that K2 echoes back in the result. */
		public Builder metadata(Map<String, ?> metadata) {
			this.metadata = metadata;
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
		public PaymentLinkRequest build() {
			return new PaymentLinkRequest(this.amount, this.currency, this.tillNumber, this.paymentReference, this.note,
					Validator.widen(this.metadata), this.callbackUrl);
		}

	}

}
