package io.k2connect.polling;

import io.k2connect.internal.K2Api;

/** Placeholder: filled in by the service work of issue 2. */
public final class PollingService {

	private final K2Api api;

	public PollingService(K2Api api) {
		this.api = api;
	}

	@Override
	public String toString() {
		return "PollingService[" + this.api.baseUrl() + "]";
	}

}
