package io.k2connect.autoconfigure.webhook.jdbc;

import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

/** Both instances on one in-memory H2 database of this JVM. */
class H2MultiInstanceDeliveryTests extends MultiInstanceDeliveryContractTests {

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Override
	String url() {
		return this.url;
	}

	@Override
	List<String> databaseProperties() {
		return List.of("spring.datasource.username=sa");
	}

	@Override
	HikariDataSource dataSource() {
		return TestDatabases.pool(this.url, "sa", "");
	}

}
