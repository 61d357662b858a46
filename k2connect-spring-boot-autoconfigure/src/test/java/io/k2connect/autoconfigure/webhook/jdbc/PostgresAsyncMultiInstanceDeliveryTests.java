package io.k2connect.autoconfigure.webhook.jdbc;

/**
 * Both instances on the PostgreSQL database of {@code K2_TEST_POSTGRES_URL}, processing
 * asynchronously through the inbox (claims with {@code FOR UPDATE SKIP LOCKED}); skipped
 * without it.
 */
class PostgresAsyncMultiInstanceDeliveryTests extends PostgresMultiInstanceDeliveryTests {

	@Override
	boolean async() {
		return true;
	}

}
