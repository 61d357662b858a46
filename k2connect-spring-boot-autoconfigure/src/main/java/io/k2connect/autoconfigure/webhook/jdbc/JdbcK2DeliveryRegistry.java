package io.k2connect.autoconfigure.webhook.jdbc;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.k2connect.autoconfigure.webhook.InMemoryK2DeliveryRegistry;
import io.k2connect.autoconfigure.webhook.K2DeliveryRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link K2DeliveryRegistry} in a table of the application's database, so that a
 * repeated delivery is recognised across restarts and by every instance that shares the
 * database (architecture: docs/architecture.md §3a). One row per delivery key, created by
 * the schema scripts next to this class ({@code schema-<platform>.sql}).
 *
 * <ul>
 * <li>{@link #begin} inserts the row; the primary key makes the claim atomic across
 * instances ({@code ON CONFLICT DO NOTHING} on PostgreSQL, a caught
 * {@link DuplicateKeyException} elsewhere), so there is no read-then-write race.</li>
 * <li>A claim in progress holds a <em>lease</em>: this instance renews it every third of
 * the lease while the delivery is being processed, so a slow listener keeps its claim. A
 * claim whose lease ran out belongs to an instance that stopped or crashed; the next
 * {@link #begin} of that delivery takes it over with one conditional {@code UPDATE}, and
 * K2's next attempt is processed.</li>
 * <li>Each claim carries an owner token: {@link #complete} and {@link #abandon} act only
 * on a claim this instance still owns, so an instance whose claim was taken over cannot
 * release the new owner's.</li>
 * <li>Processed rows are deleted {@code retention} after they were completed, by a purge
 * that runs every {@code purgeInterval} while this bean is running
 * ({@link SmartLifecycle}).</li>
 * </ul>
 * Times are the instances' wall clocks, in epoch milliseconds: keep them synchronised
 * (NTP), well within the lease. Every statement runs in its own transaction (a new one
 * when a transaction manager is given), so a claim is visible to other instances before
 * the endpoint answers, whatever transaction the caller is in. Thread-safe.
 */
public final class JdbcK2DeliveryRegistry implements K2DeliveryRegistry, SmartLifecycle {

	/** Default table name. */
	public static final String DEFAULT_TABLE_NAME = "K2_DELIVERY";

	/** Default lease of a claim in progress. */
	public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

	/** Default time a processed delivery is kept. */
	public static final Duration DEFAULT_RETENTION = InMemoryK2DeliveryRegistry.DEFAULT_RETENTION;

	/** Default time between two purges. */
	public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(10);

	private static final Log logger = LogFactory.getLog(JdbcK2DeliveryRegistry.class);

	// Interpolated into SQL, so restricted to a plain identifier.
	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,59}");

	private static final String IN_PROGRESS = "IN_PROGRESS";

	private static final String PROCESSED = "PROCESSED";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final @Nullable TransactionTemplate transactions;

	private final String tableName;

	private final Duration lease;

	private final Duration retention;

	private final Duration purgeInterval;

	private final Clock clock;

	/** The owner token of every claim this instance holds, by delivery key. */
	private final Map<String, String> ownClaims = new ConcurrentHashMap<>();

	private volatile @Nullable String insertSql;

	private @Nullable ScheduledExecutorService scheduler;

	private JdbcK2DeliveryRegistry(Builder builder) {
		this.dataSource = builder.dataSource;
		this.jdbc = JdbcClient.create(builder.dataSource);
		this.transactions = (builder.transactionManager != null) ? newTransaction(builder.transactionManager) : null;
		this.tableName = builder.tableName;
		this.lease = builder.lease;
		this.retention = builder.retention;
		this.purgeInterval = builder.purgeInterval;
		this.clock = builder.clock;
	}

	/**
	 * Starts a builder.
	 * @param dataSource the database holding the table
	 * @return a builder with the defaults
	 */
	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	@Override
	public Claim begin(String deliveryKey) {
		Objects.requireNonNull(deliveryKey, "deliveryKey must not be null");
		if (this.ownClaims.containsKey(deliveryKey)) {
			// This instance is processing it right now (and renewing its lease).
			return Claim.IN_PROGRESS;
		}
		// Bounded: each round ends unless the row changed between two statements.
		for (int round = 0; round < 5; round++) {
			String token = UUID.randomUUID().toString();
			long now = this.clock.millis();
			if (insert(deliveryKey, token, now)) {
				return claimed(deliveryKey, token);
			}
			Optional<Row> row = inTransaction(() -> this.jdbc
				.sql("SELECT STATE, CLAIM_TOKEN, LEASE_UNTIL FROM " + this.tableName + " WHERE DELIVERY_KEY = ?")
				.param(deliveryKey)
				.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3)))
				.optional());
			if (row.isEmpty()) {
				continue; // abandoned in between: try to insert again
			}
			if (PROCESSED.equals(row.get().state())) {
				return Claim.PROCESSED;
			}
			if (row.get().leaseUntil() > now) {
				return Claim.IN_PROGRESS;
			}
			// The owner stopped renewing: it stopped or crashed. Take over, unless
			// another
			// instance does first.
			int taken = update(
					"UPDATE " + this.tableName
							+ " SET CLAIM_TOKEN = ?, LEASE_UNTIL = ?, ATTEMPTS = ATTEMPTS + 1 WHERE DELIVERY_KEY = ?"
							+ " AND STATE = ? AND CLAIM_TOKEN = ? AND LEASE_UNTIL = ?",
					token, leaseFrom(now), deliveryKey, IN_PROGRESS, row.get().token(), row.get().leaseUntil());
			if (taken == 1) {
				logger.info("Took over K2 delivery " + deliveryKey + ", whose claim expired");
				return claimed(deliveryKey, token);
			}
		}
		return Claim.IN_PROGRESS;
	}

	@Override
	public void complete(String deliveryKey) {
		String token = this.ownClaims.remove(deliveryKey);
		if (token == null) {
			return;
		}
		int updated = update("UPDATE " + this.tableName
				+ " SET STATE = ?, COMPLETED_AT = ?, LEASE_UNTIL = NULL WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ?"
				+ " AND STATE = ?", PROCESSED, this.clock.millis(), deliveryKey, token, IN_PROGRESS);
		if (updated == 0) {
			logger.warn("K2 delivery " + deliveryKey + " was processed here after its claim expired and was taken"
					+ " over; it may be published twice (consider a longer k2.webhook.jdbc.lease)");
		}
	}

	@Override
	public void abandon(String deliveryKey) {
		String token = this.ownClaims.remove(deliveryKey);
		if (token != null) {
			update("DELETE FROM " + this.tableName + " WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ? AND STATE = ?",
					deliveryKey, token, IN_PROGRESS);
		}
	}

	/**
	 * Extends the lease of every claim this instance holds; runs every third of the lease
	 * while this bean is running.
	 * @return how many leases were renewed
	 */
	public int renewLeases() {
		int renewed = 0;
		for (Map.Entry<String, String> claim : this.ownClaims.entrySet()) {
			renewed += update(
					"UPDATE " + this.tableName
							+ " SET LEASE_UNTIL = ? WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ? AND STATE = ?",
					leaseFrom(this.clock.millis()), claim.getKey(), claim.getValue(), IN_PROGRESS);
		}
		return renewed;
	}

	/**
	 * Deletes the rows of deliveries processed longer than the retention ago; runs every
	 * purge interval while this bean is running. Claims in progress are never deleted.
	 * @return how many rows were deleted
	 */
	public int purge() {
		long before = this.clock.millis() - this.retention.toMillis();
		return update("DELETE FROM " + this.tableName + " WHERE STATE = ? AND COMPLETED_AT < ?", PROCESSED, before);
	}

	/** The table's name. */
	public String getTableName() {
		return this.tableName;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "k2-delivery-store");
			thread.setDaemon(true);
			return thread;
		});
		long renewEvery = Math.max(1, this.lease.toMillis() / 3);
		executor.scheduleWithFixedDelay(() -> quietly("renew leases", this::renewLeases), renewEvery, renewEvery,
				TimeUnit.MILLISECONDS);
		long purgeEvery = this.purgeInterval.toMillis();
		executor.scheduleWithFixedDelay(() -> quietly("purge", this::purge), purgeEvery, purgeEvery,
				TimeUnit.MILLISECONDS);
		this.scheduler = executor;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * After the web server has stopped (lower phase, so stopped later): requests still in
	 * flight keep renewing their leases until they answered.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private boolean insert(String deliveryKey, String token, long now) {
		try {
			return update(insertSql(), deliveryKey, IN_PROGRESS, token, now, leaseFrom(now)) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private String insertSql() {
		String sql = this.insertSql;
		if (sql == null) {
			sql = "INSERT INTO " + this.tableName
					+ " (DELIVERY_KEY, STATE, CLAIM_TOKEN, RECEIVED_AT, LEASE_UNTIL, ATTEMPTS) VALUES (?, ?, ?, ?, ?, 1)";
			if (isPostgreSql()) {
				// A duplicate key error would also be logged by the server for every
				// repeat.
				sql += " ON CONFLICT (DELIVERY_KEY) DO NOTHING";
			}
			this.insertSql = sql;
		}
		return sql;
	}

	private boolean isPostgreSql() {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(this.dataSource,
					DatabaseMetaData::getDatabaseProductName);
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (Exception ex) {
			return false;
		}
	}

	static String checkedTableName(String tableName) {
		Objects.requireNonNull(tableName, "tableName must not be null");
		if (!TABLE_NAME.matcher(tableName).matches()) {
			throw new IllegalArgumentException(
					"tableName must be a plain SQL identifier (letters, digits and underscores): " + tableName);
		}
		return tableName;
	}

	private Claim claimed(String deliveryKey, String token) {
		this.ownClaims.put(deliveryKey, token);
		return Claim.CLAIMED;
	}

	private long leaseFrom(long now) {
		return now + this.lease.toMillis();
	}

	private int update(String sql, Object... params) {
		Integer count = inTransaction(() -> this.jdbc.sql(sql).params(params).update());
		return (count != null) ? count : 0;
	}

	private <T> T inTransaction(Supplier<T> work) {
		TransactionTemplate template = this.transactions;
		return (template != null) ? template.execute((status) -> work.get()) : work.get();
	}

	private static void quietly(String what, Runnable task) {
		try {
			task.run();
		}
		catch (DataAccessException | IllegalStateException ex) {
			logger.warn("The K2 delivery store could not " + what + "; will try again", ex);
		}
	}

	private static TransactionTemplate newTransaction(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return template;
	}

	@Override
	public String toString() {
		return "JdbcK2DeliveryRegistry[tableName=" + this.tableName + ", lease=" + this.lease + ", retention="
				+ this.retention + "]";
	}

	private record Row(String state, String token, long leaseUntil) {
	}

	/** Builds a {@link JdbcK2DeliveryRegistry}. */
	public static final class Builder {

		private final DataSource dataSource;

		private @Nullable PlatformTransactionManager transactionManager;

		private String tableName = DEFAULT_TABLE_NAME;

		private Duration lease = DEFAULT_LEASE;

		private Duration retention = DEFAULT_RETENTION;

		private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;

		private Clock clock = Clock.systemUTC();

		private Builder(DataSource dataSource) {
			this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		}

		/**
		 * Runs each statement in a new transaction of this manager (for the same
		 * DataSource), rather than in auto-commit.
		 * @param transactionManager the DataSource's transaction manager, or {@code null}
		 * @return this builder
		 */
		public Builder transactionManager(@Nullable PlatformTransactionManager transactionManager) {
			this.transactionManager = transactionManager;
			return this;
		}

		/**
		 * The table's name: a plain SQL identifier (letters, digits, underscores).
		 * @param tableName the table name
		 * @return this builder
		 */
		public Builder tableName(String tableName) {
			this.tableName = checkedTableName(tableName);
			return this;
		}

		/**
		 * How long a claim in progress is kept without renewal before another instance
		 * may take it over.
		 * @param lease the lease
		 * @return this builder
		 */
		public Builder lease(Duration lease) {
			this.lease = positive(lease, "lease");
			return this;
		}

		/**
		 * How long a processed delivery is remembered.
		 * @param retention the retention
		 * @return this builder
		 */
		public Builder retention(Duration retention) {
			this.retention = positive(retention, "retention");
			return this;
		}

		/**
		 * How often processed deliveries older than the retention are deleted.
		 * @param purgeInterval the interval
		 * @return this builder
		 */
		public Builder purgeInterval(Duration purgeInterval) {
			this.purgeInterval = positive(purgeInterval, "purgeInterval");
			return this;
		}

		/**
		 * The clock of claims, leases and completions.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Builds the registry.
		 * @return the registry
		 */
		public JdbcK2DeliveryRegistry build() {
			return new JdbcK2DeliveryRegistry(this);
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name + " must not be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return duration;
		}

	}

}
