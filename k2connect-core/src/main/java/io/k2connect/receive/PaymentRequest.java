package io.k2connect.receive;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import org.jspecify.annotations.Nullable;

/**
 * An M-PESA STK push: asks the customer's phone to pay into an Online Payments till
 * ({@code POST /api/{v1|v2}/incoming_payments}, docs/k2-api.md §4). Build one with
 * {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields; the phone number is kept in the {@code +254…} form K2 wants.
 *
 * @param paymentChannel the channel, {@code M-PESA STK Push} unless given
 * @param tillNumber the Online Payments till to pay into, e.g. {@code K000000}
 * @param firstName the customer's first name
 * @param middleName the customer's middle name
 * @param lastName the customer's last name
 * @param phoneNumber the customer's phone, any Kenyan form; kept as {@code +254…}
 * @param email the customer's e-mail
 * @param amount the amount, positive with at most two decimals and within
 * {@link io.k2connect.model.Amounts}
 * @param currency the currency, {@code KES} unless given
 * @param metadata up to five entries K2 echoes in the result
 * @param callbackUrl where K2 posts the signed result
 */
public record PaymentRequest(String paymentChannel, String tillNumber, @Nullable String firstName,
		@Nullable String middleName, @Nullable String lastName, String phoneNumber, @Nullable String email,
		BigDecimal amount, String currency, Map<String, Object> metadata, URI callbackUrl) {

	/** The payment channel K2 documents for STK push. */
	public static final String MPESA_STK_PUSH = "M-PESA STK Push";

	public PaymentRequest {
		Validator v = new Validator();
		paymentChannel = (paymentChannel == null || paymentChannel.isBlank()) ? MPESA_STK_PUSH : paymentChannel.strip();
		tillNumber = v.requiredText("till_number", tillNumber);
		firstName = v.optionalText(firstName);
		middleName = v.optionalText(middleName);
		lastName = v.optionalText(lastName);
		phoneNumber = v.phone("subscriber.phone_number", phoneNumber);
		email = v.optionalText(email);
		v.check(email == null || email.matches("[^@\\s]+@[^@\\s]+"), "subscriber.email", "must be an e-mail address");
		amount = v.amount("amount.value", amount);
		currency = v.currency("amount.currency", currency);
		metadata = v.metadata("metadata", metadata);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/** Starts building a payment request. */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link PaymentRequest}; {@link #build()} checks every rule at once. */
	public static final class Builder {

		private @Nullable String paymentChannel;

		private @Nullable String tillNumber;

		private @Nullable String firstName;

		private @Nullable String middleName;

		private @Nullable String lastName;

		private @Nullable String phoneNumber;

		private @Nullable String email;

		private @Nullable BigDecimal amount;

		private @Nullable String currency;

		private @Nullable Map<String, ?> metadata;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/** The channel; default {@value PaymentRequest#MPESA_STK_PUSH}. */
		public Builder paymentChannel(String paymentChannel) {
			this.paymentChannel = paymentChannel;
			return this;
		}

		/** The Online Payments till to pay into, e.g. {@code K000000}. Required. */
		public Builder tillNumber(String tillNumber) {
			this.tillNumber = tillNumber;
			return this;
		}

		/** The customer's first name. */
		public Builder firstName(String firstName) {
			this.firstName = firstName;
			return this;
		}

		/** The customer's middle name. */
		public Builder middleName(String middleName) {
			this.middleName = middleName;
			return this;
		}

		/** The customer's last name. */
		public Builder lastName(String lastName) {
			this.lastName = lastName;
			return this;
		}

		/**
		 * The phone to push the payment prompt to: 07…, 01…, 7…, 2547… or +2547….
		 * Required.
		 */
		public Builder phoneNumber(String phoneNumber) {
			this.phoneNumber = phoneNumber;
			return this;
		}

		/** The customer's e-mail. */
		public Builder email(String email) {
			this.email = email;
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
		public PaymentRequest build() {
			return new PaymentRequest(this.paymentChannel, this.tillNumber, this.firstName, this.middleName,
					this.lastName, this.phoneNumber, this.email, this.amount, this.currency,
					Validator.widen(this.metadata), this.callbackUrl);
		}

	}

}
