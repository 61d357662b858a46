package io.k2connect.pay;

import io.k2connect.internal.K2Api;

/** Placeholder: filled in by the service work of issue 2. */
public final class PayService {

	private final K2Api api;

	public PayService(K2Api api) {
		this.api = api;
	}

	@Override
	public String toString() {
		return "PayService[" + this.api.baseUrl() + "]";
	}

}
