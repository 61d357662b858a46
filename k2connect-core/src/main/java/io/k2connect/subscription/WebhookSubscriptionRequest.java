package io.k2connect.subscription;

import java.net.URI;

import io.k2connect.K2ValidationException;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to one webhook topic ({@code POST /api/{v1|v2}/webhook_subscriptions},
 * docs/k2-api.md §3): K2 will post every matching event, signed, to {@link #url()}. Use
 * {@link #forTill(WebhookEventType, String, String)},
 * {@link #forCompany(WebhookEventType, String)} or {@link #builder()}.
 *
 * <p>
 * Construction checks every rule and throws one {@link K2ValidationException} naming all
 * broken fields: the topic must allow the scope (company-only topics such as
 * {@code customer_created} refuse {@code till}, card topics refuse {@code company}), a
 * till scope needs the till number in {@code scope_reference}, and a company scope must
 * not carry one.
 *
 * @param eventType the topic to listen to
 * @param url where K2 posts the events: absolute https (http only for loopback)
 * @param scope one till or the whole company
 * @param scopeReference the till number for {@link Scope#TILL}; {@code null} for
 * {@link Scope#COMPANY}
 * @param enableDarajaPayload whether K2 delivers the events in the flat Safaricom-Daraja
 * format ({@code enable_daraja_payload}, v2 only); allowed only for topics that
 * {@linkplain WebhookEventType#allowsDarajaPayload() allow it}
 */
public record WebhookSubscriptionRequest(WebhookEventType eventType, URI url, Scope scope,
		@Nullable String scopeReference, boolean enableDarajaPayload) {

	/**
	 * Checks every field.
	 * @throws K2ValidationException naming every broken field
	 */
	public WebhookSubscriptionRequest {
		Validator v = new Validator();
		v.required("event_type", eventType);
		url = v.callbackUrl("url", url);
		v.required("scope", scope);
		if (eventType != null && scope != null) {
			v.check(eventType.allows(scope), "scope",
					"must be one of " + eventType.scopes().stream().map(Scope::wireValue).toList() + " for event_type "
							+ eventType.wireValue());
		}
		if (scope == Scope.TILL) {
			scopeReference = v.requiredText("scope_reference", scopeReference);
		}
		else {
			// The Python v1 SDK refuses a reference with company scope: K2 would not use
			// it, and a till number here usually means the caller wanted till scope.
			scopeReference = v.optionalText(scopeReference);
			v.check(scope == null || scopeReference == null, "scope_reference", "must be empty when scope is company");
		}
		v.check(!enableDarajaPayload || eventType == null || eventType.allowsDarajaPayload(), "enable_daraja_payload",
				"is allowed only for event_type buygoods_transaction_received and b2b_transaction_received");
		v.throwIfInvalid();
	}

	/**
	 * A subscription in K2's own event format.
	 * @param eventType the topic to listen to
	 * @param url where K2 posts the events
	 * @param scope one till or the whole company
	 * @param scopeReference the till number for till scope, {@code null} for company
	 * @throws K2ValidationException naming every broken field
	 */
	public WebhookSubscriptionRequest(WebhookEventType eventType, URI url, Scope scope,
			@Nullable String scopeReference) {
		this(eventType, url, scope, scopeReference, false);
	}

	/**
	 * A subscription to the events of one till.
	 * @param eventType the topic; it must allow till scope
	 * @param url where K2 posts the events: absolute https (http only for loopback)
	 * @param tillNumber the till, e.g. {@code 555555}
	 * @return the request
	 * @throws K2ValidationException naming every broken field
	 */
	public static WebhookSubscriptionRequest forTill(WebhookEventType eventType, String url, String tillNumber) {
		return builder().eventType(eventType).url(url).scope(Scope.TILL).scopeReference(tillNumber).build();
	}

	/**
	 * A subscription to the events of every till of the company.
	 * @param eventType the topic; it must allow company scope
	 * @param url where K2 posts the events: absolute https (http only for loopback)
	 * @return the request
	 * @throws K2ValidationException naming every broken field
	 */
	public static WebhookSubscriptionRequest forCompany(WebhookEventType eventType, String url) {
		return builder().eventType(eventType).url(url).scope(Scope.COMPANY).build();
	}

	/** Starts building a subscription request. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link WebhookSubscriptionRequest}; {@link #build()} checks every rule at
	 * once.
	 */
	public static final class Builder {

		private @Nullable WebhookEventType eventType;

		private @Nullable URI url;

		private @Nullable Scope scope;

		private @Nullable String scopeReference;

		private boolean enableDarajaPayload;

		private Builder() {
		}

		/** The topic to listen to. Required. */
		public Builder eventType(WebhookEventType eventType) {
			this.eventType = eventType;
			return this;
		}

		/**
		 * Where K2 posts the events: absolute https (http only for loopback). Required.
		 */
		public Builder url(URI url) {
			this.url = url;
			return this;
		}

		/** Where K2 posts the events, as text; see {@link #url(URI)}. */
		public Builder url(String url) {
			this.url = Urls.parseForValidation(url);
			return this;
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

		/**
		 * Whether K2 delivers the events in the flat Safaricom-Daraja format
		 * ({@code enable_daraja_payload}); default {@code false}. v2 only, and only for
		 * {@code buygoods_transaction_received} and {@code b2b_transaction_received}.
		 */
		public Builder enableDarajaPayload(boolean enableDarajaPayload) {
			this.enableDarajaPayload = enableDarajaPayload;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws K2ValidationException naming every broken field
		 */
		public WebhookSubscriptionRequest build() {
			return new WebhookSubscriptionRequest(this.eventType, this.url, this.scope, this.scopeReference,
					this.enableDarajaPayload);
		}

	}

}
