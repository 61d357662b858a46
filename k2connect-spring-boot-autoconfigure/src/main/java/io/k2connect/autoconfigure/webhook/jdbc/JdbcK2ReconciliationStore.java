package io.k2connect.autoconfigure.webhook.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import javax.sql.DataSource;

import io.k2connect.autoconfigure.webhook.K2ReconciliationStore;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A {@link K2ReconciliationStore} in the delivery table of a
 * {@link JdbcK2DeliveryRegistry} (the same schema scripts), so that the next start knows
 * how far each scope was reconciled and the instances sharing the database run one
 * schedule:
 *
 * <ul>
 * <li>one row per scope, {@code STATE = 'RECONCILIATION'}, key
 * {@code reconciliation:<scope>}: {@code RECEIVED_AT} is when its last run started,
 * {@code COMPLETED_AT} how far it is reconciled. A run starts with one conditional
 * {@code UPDATE} of {@code RECEIVED_AT} (or the first {@code INSERT}), which one instance
 * alone wins.</li>
 * <li>one row per window waiting for its result, {@code STATE = 'WINDOW'}, key
 * {@code reconciling:<window id>}: {@code KIND} is its scope, {@code RECEIVED_AT} and
 * {@code NEXT_ATTEMPT_AT} its start and end, {@code COMPLETED_AT} when it was created.
 * Windows whose result never came are deleted {@value #WINDOW_RETENTION_HOURS} hours
 * after they were created (later runs cover their time again).</li>
 * </ul>
 * Each statement runs on its own, in auto-commit or, when the caller is in a transaction,
 * in a new one of the transaction manager. Thread-safe.
 */
public final class JdbcK2ReconciliationStore implements K2ReconciliationStore {

	static final int WINDOW_RETENTION_HOURS = 48;

	private static final String SCOPE = "RECONCILIATION";

	private static final String WINDOW = "WINDOW";

	private final JdbcClient jdbc;

	private final String tableName;

	private final StatementTransactions transactions;

	/**
	 * A store in a delivery table.
	 * @param dataSource the database
	 * @param tableName the delivery table, e.g.
	 * {@link JdbcK2DeliveryRegistry#DEFAULT_TABLE_NAME}
	 * @param transactionManager the transaction manager of the data source, or
	 * {@code null}: with one, a caller's transaction is never joined
	 */
	public JdbcK2ReconciliationStore(DataSource dataSource, String tableName,
			@Nullable PlatformTransactionManager transactionManager) {
		this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource must not be null"));
		this.tableName = JdbcK2DeliveryRegistry.checkedTableName(tableName);
		this.transactions = new StatementTransactions(transactionManager);
	}

	@Override
	public boolean startRun(String scope, Instant now, Instant notStartedSince, Instant initiallyReconciledUntil) {
		String key = "reconciliation:" + scope;
		int updated = update("UPDATE " + this.tableName + " SET RECEIVED_AT = ? WHERE DELIVERY_KEY = ? AND STATE = ?"
				+ " AND RECEIVED_AT < ?", now.toEpochMilli(), key, SCOPE, notStartedSince.toEpochMilli());
		if (updated == 1) {
			return true;
		}
		Long exists = this.transactions
			.run(() -> this.jdbc.sql("SELECT COUNT(*) FROM " + this.tableName + " WHERE DELIVERY_KEY = ?")
				.param(key)
				.query(Long.class)
				.single());
		if (exists != null && exists > 0) {
			return false; // another run started since
		}
		try {
			return update(
					"INSERT INTO " + this.tableName
							+ " (DELIVERY_KEY, STATE, RECEIVED_AT, COMPLETED_AT, ATTEMPTS) VALUES (?, ?, ?, ?, 0)",
					key, SCOPE, now.toEpochMilli(), initiallyReconciledUntil.toEpochMilli()) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false; // another instance started the first run at the same time
		}
	}

	private int update(String sql, Object... params) {
		Integer count = this.transactions.run(() -> this.jdbc.sql(sql).params(params).update());
		return (count != null) ? count : 0;
	}

	@Override
	public @Nullable Instant reconciledUntil(String scope) {
		return this.transactions.run(() -> this.jdbc
			.sql("SELECT COMPLETED_AT FROM " + this.tableName + " WHERE DELIVERY_KEY = ? AND STATE = ?"
					+ " AND COMPLETED_AT IS NOT NULL")
			.params("reconciliation:" + scope, SCOPE)
			.query((rs, n) -> Instant.ofEpochMilli(rs.getLong(1)))
			.optional()
			.orElse(null));
	}

	@Override
	public void windowCreated(Window window) {
		String key = windowKey(window.id());
		long now = System.currentTimeMillis();
		update("DELETE FROM " + this.tableName + " WHERE STATE = ? AND COMPLETED_AT < ?", WINDOW,
				now - Duration.ofHours(WINDOW_RETENTION_HOURS).toMillis());
		try {
			update("INSERT INTO " + this.tableName + " (DELIVERY_KEY, STATE, KIND, RECEIVED_AT, NEXT_ATTEMPT_AT,"
					+ " COMPLETED_AT, ATTEMPTS) VALUES (?, ?, ?, ?, ?, ?, 0)", key, WINDOW, window.scope(),
					window.from().toEpochMilli(), window.to().toEpochMilli(), now);
		}
		catch (DuplicateKeyException ex) {
			// remembered already
		}
	}

	@Override
	public @Nullable Window window(String id) {
		return this.transactions.run(() -> this.jdbc
			.sql("SELECT KIND, RECEIVED_AT, NEXT_ATTEMPT_AT FROM " + this.tableName
					+ " WHERE DELIVERY_KEY = ? AND STATE = ?")
			.params(windowKey(id), WINDOW)
			.query((rs, n) -> new Window(id, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
					Instant.ofEpochMilli(rs.getLong(3))))
			.optional()
			.orElse(null));
	}

	@Override
	public void reconciled(Window window) {
		long to = window.to().toEpochMilli();
		update("UPDATE " + this.tableName + " SET COMPLETED_AT = ? WHERE DELIVERY_KEY = ? AND STATE = ?"
				+ " AND (COMPLETED_AT IS NULL OR COMPLETED_AT < ?)", to, "reconciliation:" + window.scope(), SCOPE, to);
		update("DELETE FROM " + this.tableName + " WHERE DELIVERY_KEY = ? AND STATE = ?", windowKey(window.id()),
				WINDOW);
	}

	private static String windowKey(String id) {
		return "reconciling:" + Objects.requireNonNull(id, "id must not be null");
	}

	@Override
	public String toString() {
		return "JdbcK2ReconciliationStore[tableName=" + this.tableName + "]";
	}

}
