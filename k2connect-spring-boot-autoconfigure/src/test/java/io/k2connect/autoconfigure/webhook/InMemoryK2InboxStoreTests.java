package io.k2connect.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.k2connect.autoconfigure.webhook.K2InboxStore.Stored;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox contract on {@link InMemoryK2DeliveryRegistry}, plus its bound. */
class InMemoryK2InboxStoreTests extends K2InboxStoreContractTests {

	private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - Duration.ofHours(1).toNanos());

	private final InMemoryK2DeliveryRegistry store = new InMemoryK2DeliveryRegistry(1000, Duration.ofHours(1), 10,
			this.nanos::get);

	@Override
	protected K2InboxStore inbox() {
		return this.store;
	}

	@Override
	protected void elapse(Duration duration) {
		// Starts near Long.MAX_VALUE: due times must survive nanoTime wrapping around.
		this.nanos.addAndGet(duration.toNanos());
	}

	@Test
	void aFullInboxRefusesNewDeliveriesUntilOneIsProcessed() {
		InMemoryK2DeliveryRegistry small = new InMemoryK2DeliveryRegistry(1000, Duration.ofHours(1), 3,
				this.nanos::get);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		for (String key : new String[] { "a", "b", "c" }) {
			assertThat(small.store(key, "kind", body, true)).isEqualTo(Stored.STORED);
		}
		small.failed("c", "E", null);

		assertThat(small.store("d", "kind", body, false)).isEqualTo(Stored.FULL);
		assertThat(small.store("a", "kind", body, false)).isEqualTo(Stored.DUPLICATE);
		small.succeeded("a");
		assertThat(small.store("d", "kind", body, false)).isEqualTo(Stored.STORED);
	}

	@Test
	void aSuccessInATransactionCountsOnlyOnceItCommits() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		this.store.store("rolled-back", "kind", body, true);
		this.store.store("committed", "kind", body, true);

		TransactionSynchronizationManager.initSynchronization();
		try {
			this.store.succeeded("rolled-back");
			assertThat(this.store.counts().processed()).isZero();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization(); // rolled back
		}
		this.store.failed("rolled-back", "E", Duration.ZERO);
		assertThat(this.store.counts().retrying()).isOne();

		TransactionSynchronizationManager.initSynchronization();
		try {
			this.store.succeeded("committed");
			TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(this.store.counts().processed()).isOne();
	}

	@Test
	void clearForgetsStoredDeliveriesToo() {
		this.store.store("a", "kind", "{}".getBytes(StandardCharsets.UTF_8), false);
		this.store.clear();

		assertThat(this.store.counts()).isEqualTo(K2InboxStore.Counts.NONE);
		assertThat(this.store.claimDue(10)).isEmpty();
	}

}
