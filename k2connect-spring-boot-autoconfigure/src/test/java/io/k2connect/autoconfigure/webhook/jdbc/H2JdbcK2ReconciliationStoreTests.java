package io.k2connect.autoconfigure.webhook.jdbc;

import com.zaxxer.hikari.HikariDataSource;

class H2JdbcK2ReconciliationStoreTests extends JdbcK2ReconciliationStoreContractTests {

	@Override
	HikariDataSource createDataSource() {
		return TestDatabases.h2();
	}

}
