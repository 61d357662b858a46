package io.k2connect.autoconfigure.webhook.jdbc;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * Both instances on the PostgreSQL database of {@code K2_TEST_POSTGRES_URL}; skipped
 * without it.
 */
class PostgresMultiInstanceDeliveryTests extends MultiInstanceDeliveryContractTests {

	// Per test, not per class: surefire reports each skipped test with the message.
	@BeforeEach
	void requirePostgres() {
		TestDatabases.postgresUrl();
	}

	@Override
	String url() {
		return TestDatabases.postgresUrl();
	}

	@Override
	List<String> databaseProperties() {
		List<String> properties = new ArrayList<>();
		String user = System.getenv("K2_TEST_POSTGRES_USER");
		String password = System.getenv("K2_TEST_POSTGRES_PASSWORD");
		if (user != null) {
			properties.add("spring.datasource.username=" + user);
		}
		if (password != null) {
			properties.add("spring.datasource.password=" + password);
		}
		return properties;
	}

	@Override
	HikariDataSource dataSource() {
		return TestDatabases.postgres();
	}

}
