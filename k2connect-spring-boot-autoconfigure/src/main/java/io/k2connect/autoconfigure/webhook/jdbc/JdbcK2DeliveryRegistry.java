package io.k2connect.autoconfigure.webhook.jdbc;

import java.net.URI;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.k2connect.autoconfigure.webhook.InMemoryK2DeliveryRegistry;
import io.k2connect.autoconfigure.webhook.K2DeliveryRegistry;
import io.k2connect.autoconfigure.webhook.K2InboxStore;
import io.k2connect.autoconfigure.webhook.K2OutstandingResults;
import io.k2connect.event.DeliveryKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * (NTP), well within the lease. Every statement runs on its own (in auto-commit, or in a
 * new transaction of the transaction manager when the caller is in one), so a claim is
 * visible to other instances before the endpoint answers, whatever transaction the caller
 * is in; only {@link #succeeded} joins the caller's transaction. Thread-safe.
 */
public final class JdbcK2DeliveryRegistry
		implements K2DeliveryRegistry, K2InboxStore, K2OutstandingResults, SmartLifecycle {

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

	private static final String PENDING = "PENDING";

	private static final String PENDING_COLUMNS = "DELIVERY_KEY, STATE, KIND, BODY, RECEIVED_AT, NEXT_ATTEMPT_AT,"
			+ " ATTEMPTS, CLAIM_TOKEN, LEASE_UNTIL";

	private static final String DEAD = "DEAD";

	/** A request created at K2 whose result has not arrived. */
	private static final String AWAITING = "AWAITING";

	private static final String AWAITING_PREFIX = "awaiting:";

	/**
	 * A stored delivery nobody holds: due for its first attempt or a retry, or claimed
	 * under a lease that ran out. Parameters: PENDING, now, now.
	 */
	private static final String DUE = "STATE = ? AND NEXT_ATTEMPT_AT <= ? AND (LEASE_UNTIL IS NULL OR LEASE_UNTIL < ?)";

	private static final String REPLAY_SET = " SET STATE = ?, ATTEMPTS = 0, LAST_ERROR = NULL, COMPLETED_AT = NULL,"
			+ " NEXT_ATTEMPT_AT = ? WHERE STATE = ?";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/** A new transaction per statement. */
	private final StatementTransactions transactions;

	/** The caller's transaction, or a new one when it has none. */
	private final @Nullable TransactionTemplate callersTransaction;

	private final String tableName;

	private final Duration lease;

	private final Duration retention;

	private final Duration purgeInterval;

	private final Clock clock;

	/** The owner token of every claim this instance holds, by delivery key. */
	private final Map<String, String> ownClaims = new ConcurrentHashMap<>();

	private volatile @Nullable String insertSql;

	private volatile @Nullable Boolean postgreSql;

	private final Gatherer<PendingRow> pendingInserts = new Gatherer<>(64, this::insertPendingRows);

	private @Nullable ScheduledExecutorService scheduler;

	private JdbcK2DeliveryRegistry(Builder builder) {
		this.dataSource = builder.dataSource;
		this.jdbc = JdbcClient.create(builder.dataSource);
		this.transactions = new StatementTransactions(builder.transactionManager);
		this.callersTransaction = (builder.transactionManager != null)
				? new TransactionTemplate(builder.transactionManager) : null;
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
			Optional<Row> row = row(deliveryKey);
			if (row.isEmpty()) {
				continue; // abandoned in between: try to insert again
			}
			if (!IN_PROGRESS.equals(row.get().state())) {
				// Processed, or stored by an instance in async mode (which answered K2
				// 200 and will process it): either way a repeat to acknowledge.
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

	@Override
	public Stored store(String deliveryKey, String kind, byte[] body, boolean claim) {
		Objects.requireNonNull(deliveryKey, "deliveryKey must not be null");
		Objects.requireNonNull(body, "body must not be null");
		String shortKind = truncated(Objects.requireNonNull(kind, "kind must not be null"), 100);
		for (int round = 0; round < 5; round++) {
			String token = claim ? UUID.randomUUID().toString() : null;
			long now = this.clock.millis();
			if (insertPending(deliveryKey, shortKind, body, token, now)) {
				if (token != null) {
					this.ownClaims.put(deliveryKey, token);
				}
				return Stored.STORED;
			}
			Optional<Row> row = row(deliveryKey);
			if (row.isEmpty()) {
				continue; // abandoned in between: try to insert again
			}
			if (!IN_PROGRESS.equals(row.get().state())) {
				return Stored.DUPLICATE;
			}
			if (row.get().leaseUntil() > now) {
				return Stored.IN_PROGRESS;
			}
			// A synchronous claim whose instance went away: keep the delivery instead.
			int taken = update(
					"UPDATE " + this.tableName + " SET STATE = ?, KIND = ?, BODY = ?, NEXT_ATTEMPT_AT = ?,"
							+ " CLAIM_TOKEN = ?, LEASE_UNTIL = ?, ATTEMPTS = ? WHERE DELIVERY_KEY = ? AND STATE = ?"
							+ " AND CLAIM_TOKEN = ? AND LEASE_UNTIL = ?",
					PENDING, shortKind, body, now, token, (token != null) ? leaseFrom(now) : null,
					(token != null) ? 1 : 0, deliveryKey, IN_PROGRESS, row.get().token(), row.get().leaseUntil());
			if (taken == 1) {
				if (token != null) {
					this.ownClaims.put(deliveryKey, token);
				}
				return Stored.STORED;
			}
		}
		return Stored.IN_PROGRESS;
	}

	@Override
	public List<ClaimedDelivery> claimDue(int max) {
		if (max < 1) {
			return List.of();
		}
		long now = this.clock.millis();
		String token = UUID.randomUUID().toString();
		List<ClaimedDelivery> claimed = isPostgreSql() ? claimDueSkippingLocked(max, now, token)
				: claimDueOneByOne(max, now, token);
		// A delivery this instance is still dispatching whose lease ran out (a long
		// stall)
		// was claimed again here: its dispatcher carries on under the new claim, and it
		// is
		// not handed out a second time.
		claimed.removeIf((delivery) -> this.ownClaims.put(delivery.deliveryKey(), token) != null);
		return claimed;
	}

	/**
	 * PostgreSQL: one statement; rows another instance is claiming right now are skipped
	 * rather than waited for.
	 */
	private List<ClaimedDelivery> claimDueSkippingLocked(int max, long now, String token) {
		String sql = "UPDATE " + this.tableName
				+ " SET CLAIM_TOKEN = ?, LEASE_UNTIL = ?, ATTEMPTS = ATTEMPTS + 1 WHERE DELIVERY_KEY IN"
				+ " (SELECT DELIVERY_KEY FROM " + this.tableName + " WHERE " + DUE
				+ " ORDER BY NEXT_ATTEMPT_AT LIMIT ? FOR UPDATE SKIP LOCKED)"
				+ " RETURNING DELIVERY_KEY, BODY, ATTEMPTS, NEXT_ATTEMPT_AT";
		List<DueClaim> claimed = inTransaction(() -> this.jdbc.sql(sql)
			.params(token, leaseFrom(now), PENDING, now, now, max)
			.query((rs, n) -> new DueClaim(new ClaimedDelivery(rs.getString(1), rs.getBytes(2), rs.getInt(3)),
					rs.getLong(4)))
			.list());
		// RETURNING gives the rows in no particular order.
		return claimed.stream()
			.sorted(Comparator.comparingLong(DueClaim::dueAt))
			.map(DueClaim::delivery)
			.collect(Collectors.toCollection(ArrayList::new));
	}

	/** Elsewhere: {@link #claimOneByOne}, then each claimed row's body. */
	private List<ClaimedDelivery> claimDueOneByOne(int max, long now, String token) {
		List<ClaimedDelivery> claimed = new ArrayList<>();
		for (Due row : claimOneByOne(PENDING, max, now, token)) {
			byte[] body = inTransaction(() -> this.jdbc
				.sql("SELECT BODY FROM " + this.tableName + " WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ?")
				.params(row.deliveryKey(), token)
				.query((rs, n) -> rs.getBytes(1))
				.optional()
				.orElse(null));
			if (body != null) {
				claimed.add(new ClaimedDelivery(row.deliveryKey(), body, row.attempts() + 1));
			}
		}
		return claimed;
	}

	/**
	 * Claims due rows of a state, oldest due first: reads them, then claims each with a
	 * conditional update on its attempt count, which every claim increments, so two
	 * instances never both win one.
	 * @return the rows this call claimed, as they were before the claim
	 */
	private List<Due> claimOneByOne(String state, int max, long now, String token) {
		List<Due> due = inTransaction(() -> this.jdbc
			.sql("SELECT DELIVERY_KEY, ATTEMPTS, RECEIVED_AT FROM " + this.tableName + " WHERE " + DUE
					+ " ORDER BY NEXT_ATTEMPT_AT LIMIT ?")
			.params(state, now, now, max)
			.query((rs, n) -> new Due(rs.getString(1), rs.getInt(2), rs.getLong(3)))
			.list());
		List<Due> claimed = new ArrayList<>();
		for (Due row : due) {
			int taken = update(
					"UPDATE " + this.tableName
							+ " SET CLAIM_TOKEN = ?, LEASE_UNTIL = ?, ATTEMPTS = ATTEMPTS + 1 WHERE DELIVERY_KEY = ?"
							+ " AND ATTEMPTS = ? AND " + DUE,
					token, leaseFrom(now), row.deliveryKey(), row.attempts(), state, now, now);
			if (taken == 1) {
				claimed.add(row);
			}
		}
		return claimed;
	}

	@Override
	public void succeeded(String deliveryKey) {
		String token = this.ownClaims.get(deliveryKey);
		if (token == null) {
			throw new LostClaimException(deliveryKey);
		}
		// In the caller's transaction, when it has one: the row and the listeners' work
		// commit together.
		int updated = inCallersTransaction(() -> this.jdbc
			.sql("UPDATE " + this.tableName + " SET STATE = ?, COMPLETED_AT = ?, LEASE_UNTIL = NULL,"
					+ " NEXT_ATTEMPT_AT = NULL, BODY = NULL WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ? AND STATE = ?")
			.params(PROCESSED, this.clock.millis(), deliveryKey, token, PENDING)
			.update());
		if (updated == 0) {
			this.ownClaims.remove(deliveryKey, token);
			throw new LostClaimException(deliveryKey);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Until the commit, a rollback still needs the claim (to record the failure).
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_COMMITTED) {
						JdbcK2DeliveryRegistry.this.ownClaims.remove(deliveryKey, token);
					}
				}

			});
		}
		else {
			this.ownClaims.remove(deliveryKey, token);
		}
	}

	@Override
	public void failed(String deliveryKey, String error, @Nullable Duration retryIn) {
		String token = this.ownClaims.remove(deliveryKey);
		if (token == null) {
			return;
		}
		long now = this.clock.millis();
		String lastError = truncated(error, 255);
		if (retryIn != null) {
			update("UPDATE " + this.tableName + " SET LAST_ERROR = ?, NEXT_ATTEMPT_AT = ?, CLAIM_TOKEN = NULL,"
					+ " LEASE_UNTIL = NULL WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ?", lastError,
					now + Math.max(0, retryIn.toMillis()), deliveryKey, token);
		}
		else {
			update("UPDATE " + this.tableName + " SET STATE = ?, LAST_ERROR = ?, COMPLETED_AT = ?,"
					+ " NEXT_ATTEMPT_AT = NULL, CLAIM_TOKEN = NULL, LEASE_UNTIL = NULL WHERE DELIVERY_KEY = ?"
					+ " AND CLAIM_TOKEN = ?", DEAD, lastError, now, deliveryKey, token);
		}
	}

	@Override
	public void release(String deliveryKey) {
		String token = this.ownClaims.remove(deliveryKey);
		if (token != null) {
			update("UPDATE " + this.tableName + " SET CLAIM_TOKEN = NULL, LEASE_UNTIL = NULL, ATTEMPTS = ATTEMPTS - 1"
					+ " WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ? AND STATE = ?", deliveryKey, token, PENDING);
		}
	}

	@Override
	public Counts counts() {
		long[] counts = new long[State.values().length];
		String retrying = "CASE WHEN LAST_ERROR IS NULL THEN 0 ELSE 1 END";
		inTransaction(() -> {
			this.jdbc
				// Deliveries only: AWAITING rows are requests (see outstanding()), and
				// the
				// reconciliation keeps rows of its own.
				.sql("SELECT STATE, " + retrying + ", COUNT(*) FROM " + this.tableName
						+ " WHERE STATE IN (?, ?, ?, ?) GROUP BY STATE, " + retrying)
				.params(IN_PROGRESS, PENDING, DEAD, PROCESSED)
				.query((rs) -> {
					State state = switch (rs.getString(1)) {
						case PENDING -> (rs.getInt(2) == 0) ? State.PENDING : State.RETRYING;
						case DEAD -> State.DEAD;
						case PROCESSED -> State.PROCESSED;
						default -> State.IN_PROGRESS;
					};
					counts[state.ordinal()] += rs.getLong(3);
				});
			return null;
		});
		return new Counts(counts[State.PENDING.ordinal()], counts[State.RETRYING.ordinal()],
				counts[State.DEAD.ordinal()], counts[State.PROCESSED.ordinal()], counts[State.IN_PROGRESS.ordinal()]);
	}

	@Override
	public List<DeadDelivery> deadDeliveries(int max) {
		if (max < 1) {
			return List.of();
		}
		return inTransaction(() -> this.jdbc
			.sql("SELECT DELIVERY_KEY, KIND, ATTEMPTS, LAST_ERROR, RECEIVED_AT, COMPLETED_AT FROM " + this.tableName
					+ " WHERE STATE = ? ORDER BY COMPLETED_AT, DELIVERY_KEY LIMIT ?")
			.params(DEAD, max)
			.query((rs, n) -> new DeadDelivery(rs.getString(1), Objects.toString(rs.getString(2), ""), rs.getInt(3),
					Objects.toString(rs.getString(4), ""), Instant.ofEpochMilli(rs.getLong(5)),
					Instant.ofEpochMilli(rs.getLong(6))))
			.list());
	}

	@Override
	public boolean replay(String deliveryKey) {
		return update("UPDATE " + this.tableName + REPLAY_SET + " AND DELIVERY_KEY = ?", PENDING, this.clock.millis(),
				DEAD, deliveryKey) == 1;
	}

	@Override
	public int replayAll() {
		return update("UPDATE " + this.tableName + REPLAY_SET, PENDING, this.clock.millis(), DEAD);
	}

	@Override
	public void remember(URI location, Instant createdAt, Instant checkAt) {
		String key = awaitingKey(location);
		if (key.length() > DeliveryKeys.MAX_LENGTH) {
			logger.warn("Not recovering " + location + ": its location is longer than the key column");
			return;
		}
		try {
			update("INSERT INTO " + this.tableName
					+ " (DELIVERY_KEY, STATE, RECEIVED_AT, NEXT_ATTEMPT_AT, ATTEMPTS) VALUES (?, ?, ?, ?, 0)"
					+ onConflictDoNothing(), key, AWAITING, createdAt.toEpochMilli(), checkAt.toEpochMilli());
		}
		catch (DuplicateKeyException ex) {
			// remembered already
		}
	}

	@Override
	public void resolved(URI location) {
		String key = awaitingKey(location);
		this.ownClaims.remove(key);
		update("DELETE FROM " + this.tableName + " WHERE DELIVERY_KEY = ? AND STATE = ?", key, AWAITING);
	}

	@Override
	public List<Outstanding> claimChecks(int max) {
		if (max < 1) {
			return List.of();
		}
		String token = UUID.randomUUID().toString();
		List<Outstanding> claimed = new ArrayList<>();
		for (Due row : claimOneByOne(AWAITING, max, this.clock.millis(), token)) {
			this.ownClaims.put(row.deliveryKey(), token);
			claimed.add(new Outstanding(URI.create(row.deliveryKey().substring(AWAITING_PREFIX.length())),
					Instant.ofEpochMilli(row.receivedAt()), row.attempts()));
		}
		return claimed;
	}

	@Override
	public void checkAgain(URI location, Instant at) {
		String key = awaitingKey(location);
		String token = this.ownClaims.remove(key);
		if (token != null) {
			update("UPDATE " + this.tableName
					+ " SET NEXT_ATTEMPT_AT = ?, CLAIM_TOKEN = NULL, LEASE_UNTIL = NULL WHERE DELIVERY_KEY = ?"
					+ " AND CLAIM_TOKEN = ?", at.toEpochMilli(), key, token);
		}
	}

	@Override
	public long outstanding() {
		Long count = inTransaction(() -> this.jdbc.sql("SELECT COUNT(*) FROM " + this.tableName + " WHERE STATE = ?")
			.param(AWAITING)
			.query(Long.class)
			.single());
		return (count != null) ? count : 0;
	}

	private static String awaitingKey(URI location) {
		return AWAITING_PREFIX + Objects.requireNonNull(location, "location must not be null");
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
					"UPDATE " + this.tableName + " SET LEASE_UNTIL = ? WHERE DELIVERY_KEY = ? AND CLAIM_TOKEN = ?",
					leaseFrom(this.clock.millis()), claim.getKey(), claim.getValue());
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

	/**
	 * How long a processed delivery is kept.
	 * @return the retention
	 */
	public Duration getRetention() {
		return this.retention;
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

	private Optional<Row> row(String deliveryKey) {
		return inTransaction(() -> this.jdbc
			.sql("SELECT STATE, CLAIM_TOKEN, LEASE_UNTIL FROM " + this.tableName + " WHERE DELIVERY_KEY = ?")
			.param(deliveryKey)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional());
	}

	private boolean insertPending(String deliveryKey, String kind, byte[] body, @Nullable String token, long now) {
		if (isPostgreSql()) {
			return this.pendingInserts.submit(new PendingRow(deliveryKey, kind, body, token, now));
		}
		String sql = "INSERT INTO " + this.tableName + " (" + PENDING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, "
				+ ((token != null) ? "1, ?, ?)" : "0, NULL, NULL)");
		Object[] params = (token != null)
				? new Object[] { deliveryKey, PENDING, kind, body, now, now, token, leaseFrom(now) }
				: new Object[] { deliveryKey, PENDING, kind, body, now, now };
		try {
			return update(sql, params) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * PostgreSQL: the stores of concurrent requests in one statement, which tells which
	 * keys were new.
	 */
	private List<Boolean> insertPendingRows(List<PendingRow> rows) {
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(this.tableName)
			.append(" (")
			.append(PENDING_COLUMNS)
			.append(") VALUES ");
		List<Object> params = new ArrayList<>(rows.size() * 9);
		for (int i = 0; i < rows.size(); i++) {
			PendingRow row = rows.get(i);
			sql.append((i > 0) ? ", " : "").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
			params.addAll(List.of(row.deliveryKey(), PENDING, row.kind(), row.body(), row.now(), row.now(),
					(row.token() != null) ? 1 : 0, new SqlParameterValue(Types.VARCHAR, row.token()),
					new SqlParameterValue(Types.BIGINT, (row.token() != null) ? leaseFrom(row.now()) : null)));
		}
		sql.append(" ON CONFLICT (DELIVERY_KEY) DO NOTHING RETURNING DELIVERY_KEY");
		Set<String> inserted = new HashSet<>(
				inTransaction(() -> this.jdbc.sql(sql.toString()).params(params).query(String.class).list()));
		List<Boolean> results = new ArrayList<>(rows.size());
		for (PendingRow row : rows) {
			// A key twice in one batch (K2 repeating itself at once) was inserted once.
			results.add(inserted.remove(row.deliveryKey()));
		}
		return results;
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
					+ " (DELIVERY_KEY, STATE, CLAIM_TOKEN, RECEIVED_AT, LEASE_UNTIL, ATTEMPTS) VALUES (?, ?, ?, ?, ?, 1)"
					+ onConflictDoNothing();
			this.insertSql = sql;
		}
		return sql;
	}

	/**
	 * On PostgreSQL: a duplicate key error would also be logged by the server for every
	 * repeat.
	 */
	private String onConflictDoNothing() {
		return isPostgreSql() ? " ON CONFLICT (DELIVERY_KEY) DO NOTHING" : "";
	}

	private boolean isPostgreSql() {
		Boolean postgreSql = this.postgreSql;
		if (postgreSql == null) {
			postgreSql = readIsPostgreSql();
			this.postgreSql = postgreSql;
		}
		return postgreSql;
	}

	private boolean readIsPostgreSql() {
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

	private <T> T inCallersTransaction(Supplier<T> work) {
		TransactionTemplate template = this.callersTransaction;
		return (template != null) ? template.execute((status) -> work.get()) : work.get();
	}

	private static String truncated(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	/** Runs one statement on its own (see {@link StatementTransactions}). */
	private <T> T inTransaction(Supplier<T> work) {
		return this.transactions.run(work);
	}

	private static void quietly(String what, Runnable task) {
		try {
			task.run();
		}
		catch (DataAccessException | IllegalStateException ex) {
			logger.warn("The K2 delivery store could not " + what + "; will try again", ex);
		}
	}

	@Override
	public String toString() {
		return "JdbcK2DeliveryRegistry[tableName=" + this.tableName + ", lease=" + this.lease + ", retention="
				+ this.retention + "]";
	}

	private record Row(String state, String token, long leaseUntil) {
	}

	private record Due(String deliveryKey, int attempts, long receivedAt) {
	}

	private record PendingRow(String deliveryKey, String kind, byte[] body, @Nullable String token, long now) {
	}

	private record DueClaim(ClaimedDelivery delivery, long dueAt) {
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
