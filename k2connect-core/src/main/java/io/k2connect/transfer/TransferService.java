package io.k2connect.transfer;

import io.k2connect.internal.K2Api;

/** Placeholder: filled in by the service work of issue 2. */
public final class TransferService {

	private final K2Api api;

	public TransferService(K2Api api) {
		this.api = api;
	}

	@Override
	public String toString() {
		return "TransferService[" + this.api.baseUrl() + "]";
	}

}
