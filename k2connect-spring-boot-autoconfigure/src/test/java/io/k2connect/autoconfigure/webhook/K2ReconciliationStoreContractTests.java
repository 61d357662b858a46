package io.k2connect.autoconfigure.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.k2connect.autoconfigure.webhook.K2ReconciliationStore.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link K2ReconciliationStore} guarantees: one run at a time per scope, how
 * far each scope is reconciled (only ever forward), and windows kept until reconciled.
 */
public abstract class K2ReconciliationStoreContractTests {

	private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

	/** A store of its own for each test (a fresh table for the JDBC one). */
	protected abstract K2ReconciliationStore store();

	@Test
	void aRunStartsUnlessAnotherStartedSince() {
		K2ReconciliationStore store = store();

		assertThat(store.startRun("company", T0, T0.minusSeconds(450), T0.minusSeconds(900))).isTrue();
		assertThat(store.startRun("company", T0.plusSeconds(60), T0, T0)).isFalse();
		assertThat(store.startRun("till:K000000", T0.plusSeconds(60), T0, T0)).as("another scope").isTrue();
		assertThat(store.startRun("company", T0.plusSeconds(900), T0.plusSeconds(900), T0)).isTrue();
	}

	@Test
	void ofRunsStartedAtOnceOneGoesAhead() throws Exception {
		K2ReconciliationStore store = store();
		int instances = 8;
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Boolean>> started = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				started.add(pool.submit(() -> {
					go.await();
					return store.startRun("company", T0, T0.minusSeconds(450), T0.minusSeconds(900));
				}));
			}
			go.countDown();
			int winners = 0;
			for (Future<Boolean> run : started) {
				winners += run.get(10, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theFirstRunOfAScopeRecordsWhereItsReconciliationStarts() {
		K2ReconciliationStore store = store();
		assertThat(store.reconciledUntil("company")).isNull();

		store.startRun("company", T0, T0, T0.minusSeconds(900));
		assertThat(store.reconciledUntil("company")).isEqualTo(T0.minusSeconds(900));
		// Later runs leave it alone: only a reconciled window moves it.
		store.startRun("company", T0.plusSeconds(900), T0.plusSeconds(900), T0);
		assertThat(store.reconciledUntil("company")).isEqualTo(T0.minusSeconds(900));
	}

	@Test
	void aScopeIsReconciledUntilTheEndOfItsLatestReconciledWindow() {
		K2ReconciliationStore store = store();
		store.startRun("company", T0, T0, T0.minusSeconds(1800));
		Window first = new Window("w-1", "company", T0.minusSeconds(1200), T0);
		Window second = new Window("w-2", "company", T0.minusSeconds(300), T0.plusSeconds(900));
		store.windowCreated(first);
		store.windowCreated(second);
		assertThat(store.window("w-1")).isEqualTo(first);
		assertThat(store.window("w-2")).isEqualTo(second);

		store.reconciled(second);
		assertThat(store.reconciledUntil("company")).isEqualTo(T0.plusSeconds(900));
		assertThat(store.window("w-2")).isNull();
		// An older window reconciled later does not move it back.
		store.reconciled(first);
		assertThat(store.reconciledUntil("company")).isEqualTo(T0.plusSeconds(900));
		assertThat(store.window("w-1")).isNull();
		assertThat(store.reconciledUntil("till:K000000")).isNull();
	}

	@Test
	void aWindowItDoesNotKnowIsNone() {
		assertThat(store().window("unknown")).isNull();
	}

}
