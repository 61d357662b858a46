package io.k2connect.autoconfigure.webhook.jdbc;

import com.zaxxer.hikari.HikariDataSource;

class H2JdbcK2DeliveryRegistryTests extends JdbcK2DeliveryRegistryContractTests {

	@Override
	HikariDataSource createDataSource() {
		return TestDatabases.h2();
	}

	@Override
	boolean embedded() {
		return true;
	}

}
