package io.k2connect.sendmoney;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import io.k2connect.model.Amounts;
import org.jspecify.annotations.Nullable;

/**
 * A v2 send-money request ({@code POST /api/v2/send_money}, docs/k2-api.md §9): money to
 * one or more {@linkplain SendMoneyDestination destinations}, or, as a
 * {@linkplain #sweep(URI) sweep}, all available funds to the transfer accounts linked to
 * the company and its tills. Build one with {@link #builder()}, or use
 * {@link #sweep(URI)} / {@link #sweepBuilder()}.
 *
 * <p>
 * A request without destinations is a sweep only when it says so: an empty list from
 * {@link #builder()} is a mistake, reported on {@code destinations}, never a transfer of
 * everything.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields: each amount on its own and their total are at most {@link Amounts#MAX};
 * the rules a destination breaks are named by its place, e.g.
 * {@code destinations[1].phone_number}.
 *
 * @param destinations where the money goes; empty for a sweep
 * @param sweep whether this is a sweep: no destinations, all available funds to your own
 * accounts
 * @param currency the currency, {@code KES} unless given
 * @param sourceIdentifier where the funds come from, e.g. a till number, or {@code null}
 * for the available balance
 * @param metadata up to five entries K2 echoes in the result
 * @param callbackUrl where K2 posts the signed {@code send_money} result
 */
public record SendMoneyRequest(List<SendMoneyDestination> destinations, boolean sweep, String currency,
		@Nullable String sourceIdentifier, Map<String, Object> metadata, URI callbackUrl) {

	/**
	 * Checks every field; texts are kept without surrounding whitespace.
	 * @throws K2ValidationException naming every broken field
	 */
	public SendMoneyRequest {
		Validator v = new Validator();
		destinations = destinations(v, destinations, sweep);
		currency = v.currency("currency", currency);
		sourceIdentifier = v.optionalText(sourceIdentifier);
		metadata = v.metadata("metadata", metadata);
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/**
	 * A sweep: all available funds to the transfer accounts linked to the company and its
	 * tills.
	 * @param callbackUrl where K2 posts the signed result: absolute https (http only for
	 * loopback)
	 * @return the request
	 * @throws K2ValidationException when the callback URL breaks its rule
	 */
	public static SendMoneyRequest sweep(URI callbackUrl) {
		return sweepBuilder().callbackUrl(callbackUrl).build();
	}

	/**
	 * A sweep, with the callback URL as text; see {@link #sweep(URI)}.
	 * @param callbackUrl where K2 posts the signed result
	 * @return the request
	 * @throws K2ValidationException when the callback URL breaks its rule
	 */
	public static SendMoneyRequest sweep(String callbackUrl) {
		return sweepBuilder().callbackUrl(callbackUrl).build();
	}

	/**
	 * Starts building a request to one or more destinations; at least one is required.
	 */
	public static Builder builder() {
		return new Builder(false);
	}

	/**
	 * Starts building a sweep (source, metadata, callback); it takes no destinations.
	 * @return the builder
	 */
	public static Builder sweepBuilder() {
		return new Builder(true);
	}

	/**
	 * The sum of the destinations' amounts.
	 * @return the total, zero for a sweep
	 */
	public BigDecimal total() {
		return this.destinations.stream().map(SendMoneyDestination::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static List<SendMoneyDestination> destinations(Validator v,
			@Nullable List<SendMoneyDestination> destinations, boolean sweep) {
		List<SendMoneyDestination> kept = (destinations != null) ? new ArrayList<>(destinations) : new ArrayList<>();
		if (sweep) {
			v.check(kept.isEmpty(), "destinations", "must be empty for a sweep");
			return List.of();
		}
		v.check(!kept.isEmpty(), "destinations",
				"must not be empty (SendMoneyRequest.sweep sends all available funds to your own accounts)");
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < kept.size(); i++) {
			SendMoneyDestination destination = kept.get(i);
			v.check(destination != null, "destinations[" + i + "]", "must not be null");
			if (destination != null) {
				// Each amount is at most Amounts.MAX, so adding them up is cheap.
				total = total.add(destination.amount());
			}
		}
		v.check(total.compareTo(Amounts.MAX) <= 0, "destinations",
				"amounts must add up to at most " + Amounts.MAX.toPlainString());
		return Collections.unmodifiableList(kept);
	}

	/**
	 * Builds a {@link SendMoneyRequest}; {@link #build()} checks every rule at once,
	 * those of the destinations given as builders included.
	 */
	public static final class Builder {

		private final boolean sweep;

		private final List<SendMoneyDestination.Builder> destinations = new ArrayList<>();

		private @Nullable String currency;

		private @Nullable String sourceIdentifier;

		private @Nullable Map<String, ?> metadata;

		private @Nullable URI callbackUrl;

		private Builder(boolean sweep) {
			this.sweep = sweep;
		}

		/**
		 * Adds a destination built already.
		 * @param destination the destination
		 * @return this builder
		 */
		public Builder destination(SendMoneyDestination destination) {
			Objects.requireNonNull(destination, "destination must not be null");
			this.destinations.add(() -> destination);
			return this;
		}

		/**
		 * Adds a destination that {@link #build()} builds, naming its broken rules by its
		 * place, e.g. {@code destinations[1].phone_number}.
		 * @param destination the destination's builder, e.g.
		 * {@link MobileWalletDestination#builder()}
		 * @return this builder
		 */
		public Builder destination(SendMoneyDestination.Builder destination) {
			Objects.requireNonNull(destination, "destination must not be null");
			this.destinations.add(destination);
			return this;
		}

		/**
		 * Adds one of your own M-PESA wallets as a destination.
		 * @param reference the transfer account's K2 reference
		 * @param amount the amount
		 * @return this builder
		 */
		public Builder merchantWallet(String reference, BigDecimal amount) {
			return destination(() -> MerchantWalletDestination.of(reference, amount));
		}

		/**
		 * Adds one of your own bank accounts as a destination.
		 * @param reference the transfer account's K2 reference
		 * @param amount the amount
		 * @return this builder
		 */
		public Builder merchantBankAccount(String reference, BigDecimal amount) {
			return destination(() -> MerchantBankAccountDestination.of(reference, amount));
		}

		/**
		 * The currency; default {@code KES}, the only one K2 supports.
		 * @param currency the currency
		 * @return this builder
		 */
		public Builder currency(String currency) {
			this.currency = currency;
			return this;
		}

		/**
		 * Where the funds come from, e.g. a till number; default the available balance.
		 * @param sourceIdentifier the source
		 * @return this builder
		 */
		public Builder sourceIdentifier(String sourceIdentifier) {
			this.sourceIdentifier = sourceIdentifier;
			return this;
		}

		/**
		 * Up to five entries that K2 echoes back in the result.
		 * @param metadata the entries
		 * @return this builder
		 */
		public Builder metadata(Map<String, ?> metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Where K2 posts the signed result: absolute https (http only for loopback).
		 * Required.
		 * @param callbackUrl the callback URL
		 * @return this builder
		 */
		public Builder callbackUrl(URI callbackUrl) {
			this.callbackUrl = callbackUrl;
			return this;
		}

		/**
		 * Where K2 posts the signed result, as text; see {@link #callbackUrl(URI)}.
		 * @param callbackUrl the callback URL
		 * @return this builder
		 */
		public Builder callbackUrl(String callbackUrl) {
			this.callbackUrl = Urls.parseForValidation(callbackUrl);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws K2ValidationException naming every broken field
		 */
		public SendMoneyRequest build() {
			Validator v = new Validator();
			List<SendMoneyDestination> built = new ArrayList<>();
			for (int i = 0; i < this.destinations.size(); i++) {
				SendMoneyDestination destination = v.nested("destinations[" + i + "]", this.destinations.get(i)::build);
				if (destination != null) {
					built.add(destination);
				}
			}
			// With a broken destination the request fails anyway; the rest is checked as
			// if the broken ones were absent, which must not add "must not be empty".
			boolean sweep = this.sweep || (v.hasErrors() && built.isEmpty());
			SendMoneyRequest request = v.nested(null, () -> new SendMoneyRequest(built, sweep, this.currency,
					this.sourceIdentifier, Validator.widen(this.metadata), this.callbackUrl));
			v.throwIfInvalid();
			return Objects.requireNonNull(request);
		}

	}

}
