package io.k2connect.reversal;

import java.net.URI;
import java.util.Map;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * A request to reverse a received transaction ({@code POST /api/v2/reversals},
 * docs/k2-api.md §12). Build one with {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields.
 *
 * @param transactionReference the M-PESA or K2 reference of the transaction to reverse
 * @param reason why it is reversed
 * @param metadata up to five entries K2 echoes in the result
 * @param callbackUrl where K2 posts the signed {@code reversal} result
 */
public record ReversalRequest(String transactionReference, String reason, Map<String, Object> metadata,
		URI callbackUrl) {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public ReversalRequest {
		Validator v = new Validator();
		transactionReference = v.requiredText("transaction_reference", transactionReference);
		reason = v.requiredText("reason", reason);
		metadata = v.metadata("metadata", metadata);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/** Starts building a reversal request. */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link ReversalRequest}; {@link #build()} checks every rule at once. */
	public static final class Builder {

		private @Nullable String transactionReference;

		private @Nullable String reason;

		private @Nullable Map<String, ?> metadata;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/** The M-PESA or K2 reference of the transaction to reverse. Required. */
		public Builder transactionReference(String transactionReference) {
			this.transactionReference = transactionReference;
			return this;
		}

		/** Why the transaction is reversed. Required. */
		public Builder reason(String reason) {
			this.reason = reason;
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
		public ReversalRequest build() {
			return new ReversalRequest(this.transactionReference, this.reason, Validator.widen(this.metadata),
					this.callbackUrl);
		}

	}

}
