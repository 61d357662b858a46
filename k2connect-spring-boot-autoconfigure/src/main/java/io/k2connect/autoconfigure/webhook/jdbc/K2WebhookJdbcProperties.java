package io.k2connect.autoconfigure.webhook.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * The JDBC delivery store, bound from {@code k2.webhook.jdbc.*}; used when
 * {@code k2.webhook.delivery-store} selects it. Besides the properties below:
 * {@code initialize-schema} ({@code embedded} by default, like Boot's own JDBC stores),
 * {@code schema} (the script, {@code @@platform@@} standing for the database) and
 * {@code platform}.
 */
@ConfigurationProperties("k2.webhook.jdbc")
public class K2WebhookJdbcProperties extends DatabaseInitializationProperties {

	/** Where the schema scripts are; {@code @@platform@@} stands for the database. */
	public static final String DEFAULT_SCHEMA_LOCATION = "classpath:io/k2connect/autoconfigure/webhook/jdbc/schema-@@platform@@.sql";

	/**
	 * Name of the table holding the deliveries: letters, digits and underscores.
	 */
	private String tableName = "K2_DELIVERY";

	/**
	 * How long a delivery being processed stays claimed without renewal; the claiming
	 * instance renews it every third of this while it runs, so it expires only when that
	 * instance stopped or crashed, and another instance then processes K2's next attempt.
	 */
	private Duration lease = Duration.ofMinutes(5);

	/**
	 * How long a processed delivery is remembered, so that K2's repeats of it are
	 * recognised.
	 */
	private Duration retention = Duration.ofHours(24);

	/**
	 * How often processed deliveries older than the retention are deleted.
	 */
	private Duration purgeInterval = Duration.ofMinutes(10);

	public K2WebhookJdbcProperties() {
		setInitializeSchema(DatabaseInitializationMode.EMBEDDED);
	}

	@Override
	public String getDefaultSchemaLocation() {
		return DEFAULT_SCHEMA_LOCATION;
	}

	public String getTableName() {
		return this.tableName;
	}

	public void setTableName(String tableName) {
		this.tableName = tableName;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Duration getPurgeInterval() {
		return this.purgeInterval;
	}

	public void setPurgeInterval(Duration purgeInterval) {
		this.purgeInterval = purgeInterval;
	}

}
