package io.k2connect.autoconfigure.webhook.jdbc;

import com.zaxxer.hikari.HikariDataSource;

class HsqldbJdbcK2DeliveryRegistryTests extends JdbcK2DeliveryRegistryContractTests {

	@Override
	HikariDataSource createDataSource() {
		return TestDatabases.hsqldb();
	}

	@Override
	boolean embedded() {
		return true;
	}

}
