package io.k2connect.autoconfigure.webhook.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Skipped unless {@code K2_TEST_POSTGRES_URL} is set ({@code .ci/run} sets it). */
class PostgresJdbcK2ReconciliationStoreTests extends JdbcK2ReconciliationStoreContractTests {

	@Override
	HikariDataSource createDataSource() {
		return TestDatabases.postgres();
	}

}
