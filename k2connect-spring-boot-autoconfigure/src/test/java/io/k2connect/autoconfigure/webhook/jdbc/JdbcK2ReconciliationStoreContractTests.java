package io.k2connect.autoconfigure.webhook.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.k2connect.autoconfigure.webhook.K2InboxStore.Counts;
import io.k2connect.autoconfigure.webhook.K2ReconciliationStore;
import io.k2connect.autoconfigure.webhook.K2ReconciliationStoreContractTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation store in the delivery table, on each database: the shared contract,
 * and that its rows are not counted as deliveries.
 */
abstract class JdbcK2ReconciliationStoreContractTests extends K2ReconciliationStoreContractTests {

	private static final String TABLE = "K2_RECONCILIATION_TEST";

	private final List<HikariDataSource> dataSources = new ArrayList<>();

	abstract HikariDataSource createDataSource();

	@Override
	protected K2ReconciliationStore store() {
		HikariDataSource dataSource = createDataSource();
		this.dataSources.add(dataSource);
		TestDatabases.createTable(dataSource, TABLE);
		return new JdbcK2ReconciliationStore(dataSource, TABLE, null);
	}

	@AfterEach
	void close() {
		this.dataSources.forEach(HikariDataSource::close);
	}

	@Test
	void itsRowsAreNoDeliveries() {
		K2ReconciliationStore store = store();
		Instant now = Instant.now();
		store.startRun("company", now, now, now);
		store.windowCreated(new K2ReconciliationStore.Window("w-1", "company", now.minusSeconds(60), now));
		JdbcK2DeliveryRegistry registry = JdbcK2DeliveryRegistry.builder(this.dataSources.get(0))
			.tableName(TABLE)
			.build();

		assertThat(registry.counts()).isEqualTo(new Counts(0, 0, 0, 0, 0));
		assertThat(registry.outstanding()).isZero();
		assertThat(registry.purge()).isZero();
		assertThat(store.window("w-1")).isNotNull();
	}

}
