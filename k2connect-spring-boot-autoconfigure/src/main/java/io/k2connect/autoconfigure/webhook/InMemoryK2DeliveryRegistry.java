package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.LongSupplier;

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
 * Thread-safe. State is per application instance; use a shared implementation when
 * several instances receive webhooks.
 */
public final class InMemoryK2DeliveryRegistry implements K2DeliveryRegistry {

	/** Default number of keys kept. */
	public static final int DEFAULT_MAX_ENTRIES = 100_000;

	/** Default time a key is kept. */
	public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

	private final int maxEntries;

	private final Duration retention;

	private final long retentionNanos;

	private final LongSupplier nanoTime;

	// Completed entries are moved to the tail when they complete, so among them insertion
	// order is completion order and the oldest are always nearest the head.
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

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
		this(maxEntries, retention, System::nanoTime);
	}

	/** For tests: ages measured by the given monotonic nanosecond source. */
	InMemoryK2DeliveryRegistry(int maxEntries, Duration retention, LongSupplier nanoTime) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
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
		Entry existing = this.entries.get(deliveryKey);
		if (existing != null) {
			return existing.completed() ? Claim.PROCESSED : Claim.IN_PROGRESS;
		}
		this.entries.put(deliveryKey, new Entry(now, false));
		while (this.entries.size() > this.maxEntries && evictOldestCompleted()) {
			// Deliveries still being processed are never evicted: their repeat must not
			// be claimed.
		}
		return Claim.CLAIMED;
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
	 * Forgets every key, so that any delivery is processed again (for tests and manual
	 * replays).
	 */
	public synchronized void clear() {
		this.entries.clear();
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

	@Override
	public String toString() {
		return "InMemoryK2DeliveryRegistry[maxEntries=" + this.maxEntries + ", retention=" + this.retention + "]";
	}

	/** {@code since}: the nanoTime of the claim, or of the completion once completed. */
	private record Entry(long since, boolean completed) {
	}

}
