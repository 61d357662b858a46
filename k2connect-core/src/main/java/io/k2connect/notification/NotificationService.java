package io.k2connect.notification;

import io.k2connect.internal.K2Api;

/** Placeholder: filled in by the service work of issue 2. */
public final class NotificationService {

	private final K2Api api;

	public NotificationService(K2Api api) {
		this.api = api;
	}

	@Override
	public String toString() {
		return "NotificationService[" + this.api.baseUrl() + "]";
	}

}
