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
import io.k2connect.autoconfigure.webhook.K2InboxStore;
import io.k2connect.autoconfigure.webhook.K2InboxStore.ClaimedDelivery;
import io.k2connect.autoconfigure.webhook.K2InboxStore.LostClaimException;
import io.k2connect.autoconfigure.webhook.K2InboxStoreContractTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract of {@link JdbcK2DeliveryRegistry} (the in-memory registry's, plus what a
 * shared database adds; as an inbox store, the contract of every store and what a shared
 * database adds), run on each database by a subclass. Two registries on one database
 * stand for two instances of the application.
 */
abstract class JdbcK2DeliveryRegistryContractTests extends K2InboxStoreContractTests {

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
		this.instance = newRegistry().build();
		// The other instance runs its statements in transactions, this one in
		// auto-commit.
		this.other = newRegistry().transactionManager(new DataSourceTransactionManager(this.dataSource)).build();
	}

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@Override
	protected K2InboxStore inbox() {
		return this.instance;
	}

	@Override
	protected void elapse(Duration duration) {
		this.clock.advance(duration);
	}

	@Test
	void aStoredDeliveryIsADuplicateForAnotherInstanceAndAfterARestart() {
		this.instance.store("a", "kind", body("a"), true);

		assertThat(this.other.store("a", "kind", body("a"), false)).isEqualTo(K2InboxStore.Stored.DUPLICATE);
		assertThat(newRegistry().build().store("a", "kind", body("a"), false)).isEqualTo(K2InboxStore.Stored.DUPLICATE);
		assertThat(this.other.begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void aDeliveryClaimedByAnInstanceThatStoppedIsClaimedByAnotherAfterTheLease() {
		this.instance.store("a", "kind", body("a"), true);

		assertThat(this.other.claimDue(10)).isEmpty();
		this.clock.advance(LEASE.plusMillis(1));
		List<ClaimedDelivery> claimed = this.other.claimDue(10);
		assertThat(claimed).singleElement().satisfies((delivery) -> {
			assertThat(delivery.body()).isEqualTo(body("a"));
			assertThat(delivery.attempt()).isEqualTo(2);
		});
		// The first instance comes back: it cannot record anything over the new claim.
		assertThatExceptionOfType(LostClaimException.class).isThrownBy(() -> this.instance.succeeded("a"));
		this.instance.failed("a", "E", null);
		this.other.succeeded("a");
		assertThat(this.other.counts().processed()).isOne();
		assertThat(this.other.counts().dead()).isZero();
	}

	@Test
	void aDeliveryStillBeingDispatchedHereIsNotHandedOutAgainWhenItsLeaseRanOut() {
		this.instance.store("a", "kind", body("a"), true);
		this.clock.advance(LEASE.plusSeconds(1)); // the dispatcher stalled past its lease

		assertThat(this.instance.claimDue(10)).isEmpty();
		this.instance.succeeded("a"); // under the new claim: once, and recorded
		assertThat(this.instance.counts().processed()).isOne();
		assertThat(this.other.claimDue(10)).isEmpty();
	}

	@Test
	void aRenewedInboxClaimIsNotTakenOver() {
		this.instance.store("a", "kind", body("a"), true);
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(this.instance.renewLeases()).isOne();
		this.clock.advance(Duration.ofSeconds(2));

		assertThat(this.other.claimDue(10)).isEmpty();
		this.instance.succeeded("a");
	}

	@Test
	void aSuccessRolledBackWithTheListenersTransactionKeepsTheClaim() {
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(this.dataSource);
		JdbcK2DeliveryRegistry transactional = newRegistry().transactionManager(transactionManager).build();
		transactional.store("a", "kind", body("a"), true);
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);

		transaction.executeWithoutResult((status) -> {
			transactional.succeeded("a");
			status.setRollbackOnly(); // a listener's work failed to commit
		});

		assertThat(transactional.counts().processed()).isZero();
		transactional.failed("a", "E", Duration.ZERO);
		assertThat(transactional.counts().retrying()).isOne();
		transactional.claimDue(1);
		transaction.executeWithoutResult((status) -> transactional.succeeded("a"));
		assertThat(transactional.counts().processed()).isOne();
		assertThat(transactional.claimDue(1)).isEmpty();
	}

	@Test
	void instancesClaimingTogetherClaimEachDeliveryOnce() throws Exception {
		int count = 400;
		for (int i = 0; i < count; i++) {
			this.instance.store("d" + i, "kind", body("d" + i), false);
		}
		List<JdbcK2DeliveryRegistry> instances = List.of(this.instance, this.other, newRegistry().build(),
				newRegistry().transactionManager(new DataSourceTransactionManager(this.dataSource)).build());
		Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> claimers = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				JdbcK2DeliveryRegistry claimer = instances.get(t % instances.size());
				claimers.add(threads.submit(() -> {
					List<ClaimedDelivery> claimed;
					while (!(claimed = claimer.claimDue(7)).isEmpty()) {
						for (ClaimedDelivery delivery : claimed) {
							claims.computeIfAbsent(delivery.deliveryKey(), (k) -> new AtomicInteger())
								.incrementAndGet();
							claimer.succeeded(delivery.deliveryKey());
						}
					}
					return null;
				}));
			}
			for (Future<?> claimer : claimers) {
				claimer.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(claims).hasSize(count);
		assertThat(claims.values()).allSatisfy((n) -> assertThat(n).hasValue(1));
		assertThat(this.instance.counts().processed()).isEqualTo(count);
	}

	@Test
	void purgeKeepsDeadAndStoredDeliveries() {
		this.instance.store("pending", "kind", body("p"), false);
		this.instance.store("dead", "kind", body("d"), true);
		this.instance.failed("dead", "E", null);
		this.instance.store("processed", "kind", body("x"), true);
		this.instance.succeeded("processed");
		this.clock.advance(Duration.ofDays(30));

		assertThat(this.instance.purge()).isOne();
		assertThat(this.instance.counts()).isEqualTo(new K2InboxStore.Counts(1, 0, 1, 0, 0));
	}

	@Test
	void anOutstandingRequestIsCheckedByOneInstanceAtATimeAndTakenOverAfterTheLease() {
		java.net.URI location = java.net.URI.create("https://sandbox.kopokopo.com/api/v2/incoming_payments/r1");
		java.time.Instant now = this.clock.instant();
		this.instance.remember(location, now, now.plusSeconds(60));
		this.other.remember(location, now, now.plusSeconds(60));

		assertThat(this.instance.outstanding()).isOne();
		assertThat(this.instance.claimChecks(10)).isEmpty();
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.instance.claimChecks(10)).singleElement()
			.satisfies((request) -> assertThat(request.checks()).isZero());
		assertThat(this.other.claimChecks(10)).isEmpty();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(this.other.claimChecks(10)).singleElement()
			.satisfies((request) -> assertThat(request.checks()).isOne());
		// The first instance's claim is gone: it cannot reschedule over the new one.
		this.instance.checkAgain(location, now.plusSeconds(9999));
		this.other.checkAgain(location, this.clock.instant());
		assertThat(this.instance.claimChecks(10)).singleElement()
			.satisfies((request) -> assertThat(request.checks()).isEqualTo(2));
	}

	@Test
	void aResolvedRequestIsForgottenEverywhereAndCountsNoDelivery() {
		java.net.URI location = java.net.URI.create("https://sandbox.kopokopo.com/api/v2/incoming_payments/r2");
		java.time.Instant now = this.clock.instant();
		this.instance.remember(location, now, now);

		assertThat(this.instance.counts()).isEqualTo(K2InboxStore.Counts.NONE);
		this.other.resolved(location);
		assertThat(this.instance.outstanding()).isZero();
		assertThat(this.instance.claimChecks(10)).isEmpty();
	}

	private static byte[] body(String id) {
		return ("{\"id\":\"" + id + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
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

		assertThat(newRegistry().build().begin("a")).isEqualTo(Claim.PROCESSED);
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

		assertThat(newRegistry().build().begin("a")).isEqualTo(Claim.IN_PROGRESS);
		this.other.complete("a");
		assertThat(newRegistry().build().begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void theOldOwnerCannotCompleteATakenOverClaim() {
		this.instance.begin("a");
		this.clock.advance(LEASE.plusSeconds(1));
		this.other.begin("a");

		this.instance.complete("a");
		this.other.abandon("a");

		assertThat(newRegistry().build().begin("a")).isEqualTo(Claim.CLAIMED);
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
		List<JdbcK2DeliveryRegistry> instances = List.of(this.instance, this.other, newRegistry().build(),
				newRegistry().build());
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
		JdbcK2DeliveryRegistry registry = newRegistry().tableName("MY_DELIVERIES").build();

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

	private JdbcK2DeliveryRegistry.Builder newRegistry() {
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
