package io.k2connect.autoconfigure.webhook.jdbc;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The databases the JDBC store's tests run on: H2 and HSQLDB in memory, always, and
 * PostgreSQL when {@value #POSTGRES_URL_VARIABLE} gives its JDBC URL (user and password
 * in the URL, or in {@code K2_TEST_POSTGRES_USER} and {@code K2_TEST_POSTGRES_PASSWORD});
 * without it the PostgreSQL tests are skipped, saying so. {@code .ci/run} sets it.
 */
final class TestDatabases {

	static final String POSTGRES_URL_VARIABLE = "K2_TEST_POSTGRES_URL";

	private TestDatabases() {
	}

	/** A new in-memory H2 database, kept until its last connection closes. */
	static HikariDataSource h2() {
		return pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
	}

	/** A new in-memory HSQLDB database. */
	static HikariDataSource hsqldb() {
		return pool("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "");
	}

	/**
	 * The PostgreSQL database of {@value #POSTGRES_URL_VARIABLE}; skips the test without
	 * it.
	 */
	static HikariDataSource postgres() {
		return pool(postgresUrl(), System.getenv("K2_TEST_POSTGRES_USER"), System.getenv("K2_TEST_POSTGRES_PASSWORD"));
	}

	/** The URL in {@value #POSTGRES_URL_VARIABLE}; skips the test without it. */
	static String postgresUrl() {
		String url = System.getenv(POSTGRES_URL_VARIABLE);
		assumeTrue(url != null && !url.isBlank(), POSTGRES_URL_VARIABLE
				+ " is not set: the PostgreSQL tests are skipped (.ci/run sets it to a local PostgreSQL)");
		return url;
	}

	/** Drops the table and creates it with the library's script, failing on any error. */
	static void createTable(HikariDataSource dataSource, String tableName) {
		JdbcClient.create(dataSource).sql("DROP TABLE IF EXISTS " + tableName).update();
		K2WebhookJdbcProperties properties = new K2WebhookJdbcProperties();
		properties.setTableName(tableName);
		properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
		properties.setContinueOnError(false);
		new K2DeliverySchemaInitializer(dataSource, properties).initializeDatabase();
	}

	static boolean tableExists(HikariDataSource dataSource, String tableName) {
		try {
			JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM " + tableName).query(Long.class).single();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static HikariDataSource pool(String url, @Nullable String user, @Nullable String password) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(url)
			.username(user)
			.password(password)
			.build();
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
