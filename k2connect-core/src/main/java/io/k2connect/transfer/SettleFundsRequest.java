package io.k2connect.transfer;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A transfer of the merchant's funds to its own settlement account
 * ({@code POST /api/v1/settlement_transfers}, docs/k2-api.md §6.3). Build one with
 * {@link #builder()}, or use {@link #blind(URI)}.
 *
 * <p>
 * A <b>targeted</b> transfer names its destination: {@code destination_type},
 * {@code destination_reference} and {@code amount} are all required.
 *
 * <p>
 * A <b>blind</b> transfer names no destination: K2 sends the funds to the preferred
 * settlement account(s) configured for the company or its tills, and only
 * {@code _links.callback_url} is required. The body then carries the callback, plus
 * {@code amount} when one is given (to settle part of the balance, as the .NET SDK
 * allows) and {@code metadata} when given. Other SDKs send the absent keys as JSON
 * {@code null} ({@code "destination_type": null}, {@code "amount": {"currency": null,
 * "value": null}}); K2 requires none of them, so they are left out rather than sent as
 * nulls that carry no meaning.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param destinationType where a targeted transfer goes, or {@code null} for a blind one
 * @param destinationReference the settlement account's K2 reference
 * ({@code account_reference}), or {@code null} for a blind transfer
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}; required when targeted, and {@code null} in a blind
 * transfer to settle the whole balance
 * @param currency the currency, {@code KES} unless given
 * @param metadata up to five entries K2 echoes in the result
 * @param callbackUrl where K2 posts the signed result
 */
public record SettleFundsRequest(@Nullable SettlementDestinationType destinationType,
		@Nullable String destinationReference, @Nullable BigDecimal amount, String currency,
		Map<String, Object> metadata, URI callbackUrl) {

	private static final String TARGETED_RULE = "is required for a targeted transfer";

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public SettleFundsRequest {
		Validator v = new Validator();
		destinationReference = v.optionalText(destinationReference);
		// Either half of a destination makes the transfer targeted; a lone half is a
		// mistake, not a blind transfer.
		boolean targeted = destinationType != null || destinationReference != null;
		if (targeted) {
			v.check(destinationType != null, "destination_type", TARGETED_RULE);
			v.check(destinationReference != null, "destination_reference", TARGETED_RULE);
			v.check(amount != null, "amount.value", TARGETED_RULE);
		}
		if (amount != null) {
			amount = v.amount("amount.value", amount);
		}
		currency = v.currency("amount.currency", currency);
		metadata = v.metadata("metadata", metadata);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/**
	 * A blind transfer of the whole balance to the preferred settlement account(s).
	 * @param callbackUrl where K2 posts the signed result: absolute https (http only for
	 * loopback)
	 * @return the request
	 * @throws K2ValidationException when the callback URL breaks its rule
	 */
	public static SettleFundsRequest blind(URI callbackUrl) {
		return builder().callbackUrl(callbackUrl).build();
	}

	/**
	 * A blind transfer of the whole balance, with the callback URL as text; see
	 * {@link #blind(URI)}.
	 * @param callbackUrl where K2 posts the signed result
	 * @return the request
	 * @throws K2ValidationException when the callback URL breaks its rule
	 */
	public static SettleFundsRequest blind(String callbackUrl) {
		return builder().callbackUrl(callbackUrl).build();
	}

	/** Starts building a settlement transfer; without a destination it is blind. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether the transfer names no destination, leaving K2 to pick the preferred
	 * settlement account(s).
	 * @return {@code true} for a blind transfer, {@code false} for a targeted one
	 */
	public boolean isBlind() {
		return this.destinationType == null;
	}

	/**
	 * Builds a {@link SettleFundsRequest}; {@link #build()} checks every rule at once.
	 */
	public static final class Builder {

		private @Nullable SettlementDestinationType destinationType;

		private @Nullable String destinationReference;

		private @Nullable BigDecimal amount;

		private @Nullable String currency;

		private @Nullable Map<String, ?> metadata;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/**
		 * Where a targeted transfer goes; leave out, with the reference, for a blind
		 * transfer.
		 */
		public Builder destinationType(SettlementDestinationType destinationType) {
			this.destinationType = destinationType;
			return this;
		}

		/**
		 * The settlement account's K2 reference ({@code account_reference}); required
		 * when targeted.
		 */
		public Builder destinationReference(String destinationReference) {
			this.destinationReference = destinationReference;
			return this;
		}

		/**
		 * The amount, positive with at most two decimals and at most
		 * {@link io.k2connect.model.Amounts#MAX}; required when targeted.
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
		 * Builds the transfer request.
		 * @return the request
		 * @throws K2ValidationException naming every broken field
		 */
		public SettleFundsRequest build() {
			return new SettleFundsRequest(this.destinationType, this.destinationReference, this.amount, this.currency,
					Validator.widen(this.metadata), this.callbackUrl);
		}

	}

}
