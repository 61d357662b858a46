package io.k2connect.autoconfigure.webhook.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.init.PropertiesBasedDataSourceScriptDatabaseInitializer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.StreamUtils;

/**
 * Creates the delivery table with the script for the DataSource's database
 * ({@code schema-postgresql.sql}, {@code -mysql}, {@code -h2}, {@code -hsqldb}; MariaDB
 * uses MySQL's), as {@code k2.webhook.jdbc.initialize-schema} says: {@code embedded} (the
 * default) only for embedded databases, {@code always}, or {@code never} (when Flyway or
 * Liquibase own the schema). The scripts create nothing that exists already, and write
 * {@code ${table_name}} where the table's name goes.
 */
public class K2DeliverySchemaInitializer
		extends PropertiesBasedDataSourceScriptDatabaseInitializer<K2WebhookJdbcProperties> {

	/** The placeholder the scripts use for the table's name. */
	public static final String TABLE_NAME_PLACEHOLDER = "${table_name}";

	private final String tableName;

	/**
	 * Creates the initializer.
	 * @param dataSource the database
	 * @param properties the store's properties
	 */
	public K2DeliverySchemaInitializer(DataSource dataSource, K2WebhookJdbcProperties properties) {
		super(dataSource, properties, Map.of(DatabaseDriver.MARIADB, "mysql"));
		// Validated before it goes into a script.
		this.tableName = JdbcK2DeliveryRegistry.checkedTableName(properties.getTableName());
	}

	@Override
	protected void runScripts(Scripts scripts) {
		Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
		List<Resource> named = new ArrayList<>();
		for (Resource script : scripts) {
			named.add(withTableName(script, encoding));
		}
		super.runScripts(new Scripts(named).continueOnError(scripts.isContinueOnError())
			.separator(scripts.getSeparator())
			.encoding(encoding));
	}

	private Resource withTableName(Resource script, Charset encoding) {
		try (InputStream in = script.getInputStream()) {
			String sql = StreamUtils.copyToString(in, encoding).replace(TABLE_NAME_PLACEHOLDER, this.tableName);
			return new ByteArrayResource(sql.getBytes(encoding), script.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + script, ex);
		}
	}

}
