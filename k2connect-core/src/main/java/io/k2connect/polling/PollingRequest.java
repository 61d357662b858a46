package io.k2connect.polling;

import java.net.URI;
import java.time.OffsetDateTime;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Asks K2 to replay the transactions of a time window ({@code POST /api/{v1|v2}/polling},
 * docs/k2-api.md §7), for a till or the whole company. Use
 * {@link #forTill(String, OffsetDateTime, OffsetDateTime, String)},
 * {@link #forCompany(OffsetDateTime, OffsetDateTime, String)} or {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields: a till scope needs the till number in {@code scope_reference}, a company
 * scope must not carry one, and {@code from_time} must be before {@code to_time}. The
 * times keep their offsets and are sent as ISO-8601, e.g.
 * {@code 2021-04-12T08:50:22+03:00}.
 *
 * @param scope one till or the whole company
 * @param scopeReference the till number for {@link Scope#TILL}; {@code null} for
 * {@link Scope#COMPANY}
 * @param fromTime the start of the window
 * @param toTime the end of the window, after {@code fromTime}
 * @param callbackUrl where K2 posts the signed result with the transactions
 */
public record PollingRequest(Scope scope, @Nullable String scopeReference, OffsetDateTime fromTime,
		OffsetDateTime toTime, URI callbackUrl) {

	public PollingRequest {
		Validator v = new Validator();
		v.required("scope", scope);
		if (scope == Scope.TILL) {
			scopeReference = v.requiredText("scope_reference", scopeReference);
		}
		else {
			// A till number with company scope most likely means the caller wanted till
			// scope; saying so beats polling the whole company.
			scopeReference = v.optionalText(scopeReference);
			v.check(scope == null || scopeReference == null, "scope_reference", "must be empty when scope is company");
		}
		v.required("from_time", fromTime);
		v.required("to_time", toTime);
		if (fromTime != null && toTime != null) {
			v.check(fromTime.isBefore(toTime), "from_time", "must be before to_time");
		}
		callbackUrl = v.callbackUrl("_links.callback_url", callbackUrl);
		v.throwIfInvalid();
	}

	/**
	 * Replays the transactions one till received in a time window.
	 * @param tillNumber the till, e.g. {@code 112233}
	 * @param fromTime the start of the window
	 * @param toTime the end of the window, after {@code fromTime}
	 * @param callbackUrl where K2 posts the result: absolute https (http only for
	 * loopback)
	 * @return the request
	 * @throws K2ValidationException naming every broken field
	 */
	public static PollingRequest forTill(String tillNumber, OffsetDateTime fromTime, OffsetDateTime toTime,
			String callbackUrl) {
		return builder().scope(Scope.TILL)
			.scopeReference(tillNumber)
			.fromTime(fromTime)
			.toTime(toTime)
			.callbackUrl(callbackUrl)
			.build();
	}

	/**
	 * Replays the transactions every till of the company received in a time window.
	 * @param fromTime the start of the window
	 * @param toTime the end of the window, after {@code fromTime}
	 * @param callbackUrl where K2 posts the result: absolute https (http only for
	 * loopback)
	 * @return the request
	 * @throws K2ValidationException naming every broken field
	 */
	public static PollingRequest forCompany(OffsetDateTime fromTime, OffsetDateTime toTime, String callbackUrl) {
		return builder().scope(Scope.COMPANY).fromTime(fromTime).toTime(toTime).callbackUrl(callbackUrl).build();
	}

	/** Starts building a polling request. */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds a {@link PollingRequest}; {@link #build()} checks every rule at once. */
	public static final class Builder {

		private @Nullable Scope scope;

		private @Nullable String scopeReference;

		private @Nullable OffsetDateTime fromTime;

		private @Nullable OffsetDateTime toTime;

		private @Nullable URI callbackUrl;

		private Builder() {
		}

		/** One till or the whole company. Required. */
		public Builder scope(Scope scope) {
			this.scope = scope;
			return this;
		}

		/** The till number; required for till scope, must be absent for company scope. */
		public Builder scopeReference(String scopeReference) {
			this.scopeReference = scopeReference;
			return this;
		}

		/** The start of the window. Required. */
		public Builder fromTime(OffsetDateTime fromTime) {
			this.fromTime = fromTime;
			return this;
		}

		/** The end of the window, after the start. Required. */
		public Builder toTime(OffsetDateTime toTime) {
			this.toTime = toTime;
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
		public PollingRequest build() {
			return new PollingRequest(this.scope, this.scopeReference, this.fromTime, this.toTime, this.callbackUrl);
		}

	}

}
