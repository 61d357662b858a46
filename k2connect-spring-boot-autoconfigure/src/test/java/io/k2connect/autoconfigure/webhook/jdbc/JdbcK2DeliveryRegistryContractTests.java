package io.k2connect.autoconfigure.webhook.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.k2connect.MutableClock;
import io.k2connect.autoconfigure.webhook.K2DeliveryRegistry.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link JdbcK2DeliveryRegistry} (the in-memory registry's, plus what a
 * shared database adds), run on each database by a subclass. Two registries on one
 * database stand for two instances of the application.
 */
abstract class JdbcK2DeliveryRegistryContractTests {

	private static final String TABLE = "K2_DELIVERY_TEST";

	private static final Duration LEASE = Duration.ofMinutes(1);

	private final MutableClock clock = MutableClock.now();

	private HikariDataSource dataSource;

	private JdbcK2DeliveryRegistry instance;

	private JdbcK2DeliveryRegistry other;

	/** A new connection pool on the database under test. */
	abstract HikariDataSource createDataSource();

	/** Whether Boot counts the database as embedded. */
	abstract boolean embedded();

	@BeforeEach
	void createTable() {
		this.dataSource = createDataSource();
		TestDatabases.createTable(this.dataSource, TABLE);
		this.instance = registry().build();
		// The other instance runs its statements in transactions, this one in
		// auto-commit.
		this.other = registry().transactionManager(new DataSourceTransactionManager(this.dataSource)).build();
	}

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@Test
	void firstDeliveryIsClaimedAndARepeatIsNot() {
		assertThat(this.instance.begin("a")).isEqualTo(Claim.CLAIMED);
		this.instance.complete("a");

		assertThat(this.instance.begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void aProcessedDeliveryIsRecognisedByAnotherInstance() {
		this.instance.begin("a");
		this.instance.complete("a");

		assertThat(this.other.begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void aProcessedDeliveryIsRecognisedAfterARestart() {
		this.instance.begin("a");
		this.instance.complete("a");

		assertThat(registry().build().begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void aDeliveryInProgressCannotBeClaimedTwice() {
		assertThat(this.instance.begin("a")).isEqualTo(Claim.CLAIMED);

		assertThat(this.instance.begin("a")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void aDeliveryInProgressCannotBeClaimedByAnotherInstance() {
		this.instance.begin("a");

		assertThat(this.other.begin("a")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void anAbandonedDeliveryCanBeClaimedAgainByAnyInstance() {
		this.instance.begin("a");
		this.instance.abandon("a");

		assertThat(this.other.begin("a")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void abandonNeverForgetsACompletedDelivery() {
		this.instance.begin("a");
		this.instance.complete("a");
		this.instance.abandon("a");

		assertThat(this.other.begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void anotherInstanceCannotCompleteOrAbandonAClaimItDoesNotHold() {
		this.instance.begin("a");
		this.other.abandon("a");
		this.other.complete("a");

		assertThat(this.other.begin("a")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void aClaimWithinItsLeaseIsNotTakenOver() {
		this.instance.begin("a");

		this.clock.advance(LEASE.minusSeconds(1));

		assertThat(this.other.begin("a")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void anExpiredClaimIsTakenOverByAnotherInstance() {
		this.instance.begin("a");

		this.clock.advance(LEASE.plusSeconds(1));

		assertThat(this.other.begin("a")).isEqualTo(Claim.CLAIMED);
		assertThat(attempts("a")).isEqualTo(2);
	}

	@Test
	void aRenewedLeaseIsNotTakenOver() {
		this.instance.begin("a");
		this.clock.advance(LEASE.minusSeconds(10));

		assertThat(this.instance.renewLeases()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(20));

		assertThat(this.other.begin("a")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void theOldOwnerCannotAbandonATakenOverClaim() {
		this.instance.begin("a");
		this.clock.advance(LEASE.plusSeconds(1));
		this.other.begin("a");

		this.instance.abandon("a");

		assertThat(registry().build().begin("a")).isEqualTo(Claim.IN_PROGRESS);
		this.other.complete("a");
		assertThat(registry().build().begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void theOldOwnerCannotCompleteATakenOverClaim() {
		this.instance.begin("a");
		this.clock.advance(LEASE.plusSeconds(1));
		this.other.begin("a");

		this.instance.complete("a");
		this.other.abandon("a");

		assertThat(registry().build().begin("a")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void theOldOwnerCannotRenewATakenOverClaim() {
		this.instance.begin("a");
		this.clock.advance(LEASE.plusSeconds(1));
		this.other.begin("a");

		assertThat(this.instance.renewLeases()).isZero();
	}

	@Test
	void purgeDeletesOnlyProcessedDeliveriesOlderThanTheRetention() {
		this.instance.begin("old");
		this.instance.complete("old");
		this.instance.begin("slow");
		this.clock.advance(Duration.ofMinutes(50));
		this.instance.begin("recent");
		this.instance.complete("recent");
		this.clock.advance(Duration.ofMinutes(20));

		assertThat(this.instance.purge()).isEqualTo(1);

		assertThat(this.other.begin("old")).isEqualTo(Claim.CLAIMED);
		assertThat(this.other.begin("recent")).isEqualTo(Claim.PROCESSED);
		this.instance.renewLeases();
		assertThat(this.other.begin("slow")).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void keysOfTheLongestLengthAreStored() {
		String key = "sha256:" + "é".repeat(248);
		assertThat(key).hasSize(255);

		this.instance.begin(key);
		this.instance.complete(key);

		assertThat(this.other.begin(key)).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void concurrentClaimsOfTheSameKeysGiveExactlyOneClaimPerKey() throws Exception {
		int threads = 16;
		int keys = 100;
		List<JdbcK2DeliveryRegistry> instances = List.of(this.instance, this.other, registry().build(),
				registry().build());
		Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				JdbcK2DeliveryRegistry registry = instances.get(t % instances.size());
				done.add(pool.submit(() -> {
					start.await();
					for (int k = 0; k < keys; k++) {
						if (registry.begin("key-" + k) == Claim.CLAIMED) {
							claims.computeIfAbsent("key-" + k, (key) -> new AtomicInteger()).incrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(claims).hasSize(keys);
		assertThat(claims.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
	}

	@Test
	void theTableNameIsConfigurable() {
		TestDatabases.createTable(this.dataSource, "MY_DELIVERIES");
		JdbcK2DeliveryRegistry registry = registry().tableName("MY_DELIVERIES").build();

		registry.begin("a");
		registry.complete("a");

		assertThat(JdbcClient.create(this.dataSource)
			.sql("SELECT STATE FROM MY_DELIVERIES WHERE DELIVERY_KEY = 'a'")
			.query(String.class)
			.single()).isEqualTo("PROCESSED");
		assertThat(this.instance.begin("a")).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void theSchemaScriptCanRunAgain() {
		this.instance.begin("a");
		this.instance.complete("a");

		assertThat(initializer(DatabaseInitializationMode.ALWAYS, TABLE).initializeDatabase()).isTrue();

		assertThat(this.other.begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void initializeSchemaEmbeddedCreatesTheTableOnlyInAnEmbeddedDatabase() {
		dropTable("K2_DELIVERY_EMBEDDED");

		initializer(DatabaseInitializationMode.EMBEDDED, "K2_DELIVERY_EMBEDDED").initializeDatabase();

		assertThat(TestDatabases.tableExists(this.dataSource, "K2_DELIVERY_EMBEDDED")).isEqualTo(embedded());
	}

	@Test
	void initializeSchemaNeverCreatesNothing() {
		dropTable("K2_DELIVERY_NEVER");

		initializer(DatabaseInitializationMode.NEVER, "K2_DELIVERY_NEVER").initializeDatabase();

		assertThat(TestDatabases.tableExists(this.dataSource, "K2_DELIVERY_NEVER")).isFalse();
	}

	private JdbcK2DeliveryRegistry.Builder registry() {
		return JdbcK2DeliveryRegistry.builder(this.dataSource)
			.tableName(TABLE)
			.lease(LEASE)
			.retention(Duration.ofHours(1))
			.clock(this.clock);
	}

	private K2DeliverySchemaInitializer initializer(DatabaseInitializationMode mode, String tableName) {
		K2WebhookJdbcProperties properties = new K2WebhookJdbcProperties();
		properties.setInitializeSchema(mode);
		properties.setTableName(tableName);
		properties.setContinueOnError(false);
		return new K2DeliverySchemaInitializer(this.dataSource, properties);
	}

	private void dropTable(String tableName) {
		JdbcClient.create(this.dataSource).sql("DROP TABLE IF EXISTS " + tableName).update();
	}

	private int attempts(String key) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT ATTEMPTS FROM " + TABLE + " WHERE DELIVERY_KEY = ?")
			.param(key)
			.query(Integer.class)
			.single();
	}

}
