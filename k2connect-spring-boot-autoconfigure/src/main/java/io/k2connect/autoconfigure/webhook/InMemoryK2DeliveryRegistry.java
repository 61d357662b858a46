package io.k2connect.autoconfigure.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * The default {@link K2DeliveryRegistry}: keys in memory, bounded in number and in age,
 * so that memory stays flat however long the application runs. A processed delivery's key
 * is forgotten {@code retention} after it was completed, or when {@code maxEntries} newer
 * ones have arrived, whichever comes first; K2 repeats deliveries within minutes, so the
 * defaults (100,000 keys, 24 hours) leave a wide margin.
 *
 * <p>
 * A delivery that is still being processed is never forgotten, however long its listeners
 * take: its claim ends only by {@link #complete} or {@link #abandon}, so a repeat can
 * never be published while the first attempt runs. Ages are measured with a monotonic
 * clock ({@link System#nanoTime()}), so a wall clock that jumps changes nothing.
 *
 * <p>
 * As a {@link K2InboxStore} (for {@code k2.webhook.processing=async}) it holds at most
 * {@code inboxCapacity} stored deliveries (waiting, retrying or dead); when it is full
 * the endpoint asks K2 to come back later. <strong>Stored deliveries live in memory:
 * those not yet processed when the application stops are lost</strong> (K2 was answered
 * 200 and does not deliver them again); use the JDBC store when that matters.
 *
 * <p>
 * Thread-safe. State is per application instance; use a shared implementation when
 * several instances receive webhooks.
 */
public final class InMemoryK2DeliveryRegistry implements K2DeliveryRegistry, K2InboxStore {

	/** Default number of keys kept. */
	public static final int DEFAULT_MAX_ENTRIES = 100_000;

	/** Default time a key is kept. */
	public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

	/** Default number of deliveries the inbox holds. */
	public static final int DEFAULT_INBOX_CAPACITY = 10_000;

	private final int maxEntries;

	private final Duration retention;

	private final long retentionNanos;

	private final LongSupplier nanoTime;

	// Completed entries are moved to the tail when they complete, so among them insertion
	// order is completion order and the oldest are always nearest the head.
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	private final int inboxCapacity;

	/** Wall-clock times shown for dead deliveries; ordering uses nanoTime only. */
	private final Clock clock = Clock.systemUTC();

	/** The inbox: stored deliveries not yet processed, by key. */
	private final Map<String, Held> held = new HashMap<>();

	/** Those of {@link #held} nobody holds a claim on, soonest due first. */
	// Differences of nanoTime values, never comparisons: the source may wrap around.
	private final PriorityQueue<Held> due = new PriorityQueue<>(InMemoryK2DeliveryRegistry::soonerDue);

	private long sequence;

	/** A registry with the default bounds. */
	public InMemoryK2DeliveryRegistry() {
		this(DEFAULT_MAX_ENTRIES, DEFAULT_RETENTION);
	}

	/**
	 * A registry with explicit bounds.
	 * @param maxEntries how many keys to keep at most
	 * @param retention how long to keep the key of a processed delivery
	 */
	public InMemoryK2DeliveryRegistry(int maxEntries, Duration retention) {
		this(maxEntries, retention, DEFAULT_INBOX_CAPACITY);
	}

	/**
	 * A registry with explicit bounds, also for the inbox.
	 * @param maxEntries how many keys to keep at most
	 * @param retention how long to keep the key of a processed delivery
	 * @param inboxCapacity how many stored deliveries (waiting, retrying or dead) the
	 * inbox holds at most
	 */
	public InMemoryK2DeliveryRegistry(int maxEntries, Duration retention, int inboxCapacity) {
		this(maxEntries, retention, inboxCapacity, System::nanoTime);
	}

	/** For tests: ages measured by the given monotonic nanosecond source. */
	InMemoryK2DeliveryRegistry(int maxEntries, Duration retention, LongSupplier nanoTime) {
		this(maxEntries, retention, DEFAULT_INBOX_CAPACITY, nanoTime);
	}

	InMemoryK2DeliveryRegistry(int maxEntries, Duration retention, int inboxCapacity, LongSupplier nanoTime) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		if (inboxCapacity < 1) {
			throw new IllegalArgumentException("inboxCapacity must be at least 1");
		}
		this.inboxCapacity = inboxCapacity;
		Objects.requireNonNull(retention, "retention must not be null");
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive");
		}
		this.maxEntries = maxEntries;
		this.retention = retention;
		this.retentionNanos = saturatedNanos(retention);
		this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime must not be null");
	}

	@Override
	public synchronized Claim begin(String deliveryKey) {
		long now = this.nanoTime.getAsLong();
		evictExpired(now);
		if (this.held.containsKey(deliveryKey)) {
			return Claim.PROCESSED; // stored by the inbox, which processes it
		}
		Entry existing = this.entries.get(deliveryKey);
		if (existing != null) {
			return existing.completed() ? Claim.PROCESSED : Claim.IN_PROGRESS;
		}
		this.entries.put(deliveryKey, new Entry(now, false));
		evictOverflow();
		return Claim.CLAIMED;
	}

	private void evictOverflow() {
		while (this.entries.size() > this.maxEntries && evictOldestCompleted()) {
			// Deliveries still being processed are never evicted: their repeat must not
			// be claimed.
		}
	}

	@Override
	public synchronized Stored store(String deliveryKey, String kind, byte[] body, boolean claim) {
		Objects.requireNonNull(deliveryKey, "deliveryKey must not be null");
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(body, "body must not be null");
		long now = this.nanoTime.getAsLong();
		evictExpired(now);
		if (this.held.containsKey(deliveryKey)) {
			return Stored.DUPLICATE;
		}
		Entry existing = this.entries.get(deliveryKey);
		if (existing != null) {
			return existing.completed() ? Stored.DUPLICATE : Stored.IN_PROGRESS;
		}
		if (this.held.size() >= this.inboxCapacity) {
			return Stored.FULL;
		}
		Held delivery = new Held(deliveryKey, kind, body, this.clock.instant(), this.sequence++);
		delivery.dueAt = now;
		this.held.put(deliveryKey, delivery);
		if (claim) {
			delivery.claimed = true;
			delivery.attempts = 1;
		}
		else {
			this.due.add(delivery);
		}
		return Stored.STORED;
	}

	@Override
	public synchronized List<ClaimedDelivery> claimDue(int max) {
		List<ClaimedDelivery> claimed = new ArrayList<>();
		long now = this.nanoTime.getAsLong();
		while (claimed.size() < max && !this.due.isEmpty() && this.due.peek().dueAt - now <= 0) {
			Held delivery = this.due.poll();
			delivery.claimed = true;
			delivery.attempts++;
			claimed.add(new ClaimedDelivery(delivery.deliveryKey, delivery.body, delivery.attempts));
		}
		return claimed;
	}

	@Override
	public synchronized void succeeded(String deliveryKey) {
		Held delivery = this.held.get(deliveryKey);
		if (delivery == null || !delivery.claimed) {
			throw new LostClaimException(deliveryKey);
		}
		// In the listeners' transaction: processed only once it commits, so that a
		// rollback leaves the claim for the failure to be recorded.
		if (!AfterCommit.register(() -> processed(deliveryKey, delivery))) {
			processed(deliveryKey, delivery);
		}
	}

	private synchronized void processed(String deliveryKey, Held delivery) {
		if (this.held.get(deliveryKey) != delivery) {
			return;
		}
		this.held.remove(deliveryKey);
		this.entries.remove(deliveryKey);
		this.entries.put(deliveryKey, new Entry(this.nanoTime.getAsLong(), true));
		evictOverflow();
	}

	@Override
	public synchronized void failed(String deliveryKey, String error, @Nullable Duration retryIn) {
		Held delivery = this.held.get(deliveryKey);
		if (delivery == null || !delivery.claimed) {
			return;
		}
		delivery.claimed = false;
		delivery.lastError = Objects.requireNonNull(error, "error must not be null");
		if (retryIn == null) {
			delivery.diedAt = this.clock.instant();
		}
		else {
			delivery.dueAt = this.nanoTime.getAsLong() + saturatedNanos(retryIn.isNegative() ? Duration.ZERO : retryIn);
			this.due.add(delivery);
		}
	}

	@Override
	public synchronized void release(String deliveryKey) {
		Held delivery = this.held.get(deliveryKey);
		if (delivery != null && delivery.claimed) {
			delivery.claimed = false;
			delivery.attempts--;
			delivery.dueAt = this.nanoTime.getAsLong();
			this.due.add(delivery);
		}
	}

	@Override
	public synchronized Counts counts() {
		long pending = 0;
		long retrying = 0;
		long dead = 0;
		for (Held delivery : this.held.values()) {
			if (delivery.diedAt != null) {
				dead++;
			}
			else if (delivery.lastError == null) {
				pending++;
			}
			else {
				retrying++;
			}
		}
		long processed = this.entries.values().stream().filter(Entry::completed).count();
		return new Counts(pending, retrying, dead, processed, this.entries.size() - processed);
	}

	@Override
	public synchronized List<DeadDelivery> deadDeliveries(int max) {
		return this.held.values()
			.stream()
			.filter((delivery) -> delivery.diedAt != null)
			.sorted(Comparator.comparing((Held delivery) -> delivery.diedAt)
				.thenComparing((delivery) -> delivery.sequence))
			.limit(Math.max(0, max))
			.map((delivery) -> new DeadDelivery(delivery.deliveryKey, delivery.kind, delivery.attempts,
					Objects.toString(delivery.lastError, ""), delivery.receivedAt, delivery.diedAt))
			.toList();
	}

	@Override
	public synchronized boolean replay(String deliveryKey) {
		Held delivery = this.held.get(deliveryKey);
		if (delivery == null || delivery.diedAt == null) {
			return false;
		}
		revive(delivery);
		return true;
	}

	@Override
	public synchronized int replayAll() {
		int replayed = 0;
		for (Held delivery : this.held.values()) {
			if (delivery.diedAt != null) {
				revive(delivery);
				replayed++;
			}
		}
		return replayed;
	}

	/** Soonest due first, then first stored. */
	private static int soonerDue(Held a, Held b) {
		int due = Long.signum(a.dueAt - b.dueAt);
		return (due != 0) ? due : Long.compare(a.sequence, b.sequence);
	}

	private void revive(Held delivery) {
		delivery.diedAt = null;
		delivery.lastError = null;
		delivery.attempts = 0;
		delivery.dueAt = this.nanoTime.getAsLong();
		this.due.add(delivery);
	}

	@Override
	public synchronized void complete(String deliveryKey) {
		Entry entry = this.entries.remove(deliveryKey);
		if (entry != null) {
			// Re-inserted at the tail: retention counts from completion.
			this.entries.put(deliveryKey, entry.completed() ? entry : new Entry(this.nanoTime.getAsLong(), true));
		}
	}

	@Override
	public synchronized void abandon(String deliveryKey) {
		Entry entry = this.entries.get(deliveryKey);
		if (entry != null && !entry.completed()) {
			this.entries.remove(deliveryKey);
		}
	}

	/**
	 * Forgets every key and every stored delivery, so that any delivery is processed
	 * again (for tests and manual replays).
	 */
	public synchronized void clear() {
		this.entries.clear();
		this.held.clear();
		this.due.clear();
	}

	/** How many keys are kept right now. */
	public synchronized int size() {
		return this.entries.size();
	}

	private boolean evictOldestCompleted() {
		Iterator<Entry> oldestFirst = this.entries.values().iterator();
		while (oldestFirst.hasNext()) {
			if (oldestFirst.next().completed()) {
				oldestFirst.remove();
				return true;
			}
		}
		return false;
	}

	private void evictExpired(long now) {
		Iterator<Entry> oldestFirst = this.entries.values().iterator();
		while (oldestFirst.hasNext()) {
			Entry entry = oldestFirst.next();
			if (!entry.completed()) {
				continue; // in progress: never evicted, whatever its age
			}
			// Differences of nanoTime values, never comparisons: the source may wrap
			// around.
			if (now - entry.since() < this.retentionNanos) {
				return;
			}
			oldestFirst.remove();
		}
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException tooLong) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * How long the key of a processed delivery is kept.
	 * @return the retention
	 */
	public Duration getRetention() {
		return this.retention;
	}

	@Override
	public String toString() {
		return "InMemoryK2DeliveryRegistry[maxEntries=" + this.maxEntries + ", retention=" + this.retention + "]";
	}

	/** {@code since}: the nanoTime of the claim, or of the completion once completed. */
	private record Entry(long since, boolean completed) {
	}

	/**
	 * Runs work after the current transaction commits, when spring-tx is on the class
	 * path and a transaction is synchronizing; its types are only touched then.
	 */
	private static final class AfterCommit {

		private static final boolean PRESENT = ClassUtils.isPresent(
				"org.springframework.transaction.support.TransactionSynchronizationManager",
				AfterCommit.class.getClassLoader());

		static boolean register(Runnable work) {
			return PRESENT && Synchronizations.register(work);
		}

	}

	private static final class Synchronizations {

		static boolean register(Runnable work) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				return false;
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					work.run();
				}

			});
			return true;
		}

	}

	/** A stored delivery; guarded by the registry's lock. */
	private static final class Held {

		final String deliveryKey;

		final String kind;

		final byte[] body;

		final Instant receivedAt;

		final long sequence;

		long dueAt;

		int attempts;

		boolean claimed;

		@Nullable String lastError;

		@Nullable Instant diedAt;

		Held(String deliveryKey, String kind, byte[] body, Instant receivedAt, long sequence) {
			this.deliveryKey = deliveryKey;
			this.kind = kind;
			this.body = body;
			this.receivedAt = receivedAt;
			this.sequence = sequence;
		}

	}

}
