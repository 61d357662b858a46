package io.k2connect.autoconfigure.webhook.jdbc;

/**
 * Both instances on one in-memory H2 database, processing asynchronously through the
 * inbox.
 */
class H2AsyncMultiInstanceDeliveryTests extends H2MultiInstanceDeliveryTests {

	@Override
	boolean async() {
		return true;
	}

}
