package io.k2connect.webhook;

import io.k2connect.internal.K2Api;

/** Placeholder: filled in by the service work of issue 2. */
public final class WebhookService {

	private final K2Api api;

	public WebhookService(K2Api api) {
		this.api = api;
	}

	@Override
	public String toString() {
		return "WebhookService[" + this.api.baseUrl() + "]";
	}

}
