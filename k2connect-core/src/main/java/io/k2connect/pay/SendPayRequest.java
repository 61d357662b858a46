package io.k2connect.pay;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * An outgoing PAY payment to a registered recipient ({@code POST /api/v1/payments},
 * docs/k2-api.md §5.2). Build one with {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param destinationType the kind of recipient paid
 * @param destinationReference the recipient's K2 reference ({@code recipient_reference},
 * a UUID)
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param currency the currency, {@code KES} unless given
 * @param description what the payment is for, free text
 * @param category the payment's category, or {@code null} for none
 * @param tags labels for the payment; empty for none
 * @param metadata up to five entries K2 echoes in the result
 * @param callbackUrl where K2 posts the signed result
 */
public record SendPayRequest(PayDestinationType destinationType, String destinationReference, BigDecimal amount,
		String currency, String description, @Nullable PayCategory category, List<String> tags,
		Map<String, Object> metadata, URI callbackUrl) {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public SendPayRequest {
		Validator v = new Validator();
		destinationType = v.required("destination_type", destinationType);
		destinationReference = v.requiredText("destination_reference", destinationReference);
		amount = v.amount("amount.value", amount);
		currency = v.currency("amount.currency", currency);
		description = v.requiredText("description", description);
		tags = tags(v, tags);
		metadata = v.metadata("metadata", metadata);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/** Starts building a payment. */
	public static Builder builder() {
		return new Builder();
	}

	// A blank tag says nothing and K2 documents none, so it is a mistake worth reporting.
	private static List<String> tags(Validator v, @Nullable List<String> tags) {
		if (tags == null || tags.isEmpty()) {
			return List.of();
		}
		List<String> kept = new ArrayList<>(tags.size());
		for (String tag : tags) {
			if (tag == null || tag.isBlank()) {
				v.check(false, "tags", "must not contain blank tags");
			}
			else {
				kept.add(tag.strip());
			}
		}
		return Collections.unmodifiableList(kept);
	}

	/** Builds a {@link SendPayRequest}; {@link #build()} checks every rule at once. */
	public static final class Builder {

		private @Nullable PayDestinationType destinationType;

		private @Nullable String destinationReference;

		private @Nullable BigDecimal amount;

		private @Nullable String currency;

		private @Nullable String description;

		private @Nullable PayCategory category;

		private @Nullable List<String> tags;

		private @Nullable Map<String, ?> metadata;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/** The kind of recipient paid. Required. */
		public Builder destinationType(PayDestinationType destinationType) {
			this.destinationType = destinationType;
			return this;
		}

		/** The recipient's K2 reference ({@code recipient_reference}). Required. */
		public Builder destinationReference(String destinationReference) {
			this.destinationReference = destinationReference;
			return this;
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

		/** What the payment is for. Required. */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/** The payment's category. */
		public Builder category(PayCategory category) {
			this.category = category;
			return this;
		}

		/** Labels for the payment, sent as a JSON array of strings. */
		public Builder tags(List<String> tags) {
			// A copy that tolerates null entries, so that build() reports them instead of
			// failing here.
			this.tags = (tags != null) ? new ArrayList<>(tags) : null;
			return this;
		}

		/** Labels for the payment; see {@link #tags(List)}. */
		public Builder tags(String... tags) {
			return tags(Arrays.asList(tags));
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
		 * Builds the payment.
		 * @return the payment
		 * @throws K2ValidationException naming every broken field
		 */
		public SendPayRequest build() {
			return new SendPayRequest(this.destinationType, this.destinationReference, this.amount, this.currency,
					this.description, this.category, this.tags, Validator.widen(this.metadata), this.callbackUrl);
		}

	}

}
