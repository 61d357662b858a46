package io.k2connect.sendmoney;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What the builders of the four external destinations share: amount, description,
 * nickname and favourite.
 *
 * @param <B> the concrete builder
 */
abstract class ExternalDestinationBuilder<B extends ExternalDestinationBuilder<B>>
		implements SendMoneyDestination.Builder {

	@Nullable BigDecimal amount;

	@Nullable String description;

	@Nullable String nickname;

	boolean favourite;

	/**
	 * The amount, positive with at most two decimals and at most
	 * {@link io.k2connect.model.Amounts#MAX}. Required.
	 * @param amount the amount
	 * @return this builder
	 */
	public B amount(BigDecimal amount) {
		this.amount = amount;
		return self();
	}

	/**
	 * What the money is for. Required.
	 * @param description the description
	 * @return this builder
	 */
	public B description(String description) {
		this.description = description;
		return self();
	}

	/**
	 * The name K2 shows for the recipient, e.g. {@code Jane Doe}.
	 * @param nickname the nickname
	 * @return this builder
	 */
	public B nickname(String nickname) {
		this.nickname = nickname;
		return self();
	}

	/**
	 * Whether K2 keeps the recipient as a saved (favourite) one; default {@code false}.
	 * @param favourite whether to keep the recipient
	 * @return this builder
	 */
	public B favourite(boolean favourite) {
		this.favourite = favourite;
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}

}
