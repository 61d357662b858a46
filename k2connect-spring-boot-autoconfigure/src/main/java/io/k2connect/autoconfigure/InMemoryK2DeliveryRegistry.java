package io.k2connect.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The default {@link K2DeliveryRegistry}: keys in memory, bounded in number and in age, so
 * that memory stays flat however long the application runs. A key is forgotten after
 * {@code retention} or when {@code maxEntries} newer ones have arrived, whichever comes first;
 * K2 repeats deliveries within minutes, so the defaults (100,000 keys, 24 hours) leave a wide
 * margin.
 *
 * <p>Thread-safe. State is per application instance; use a shared implementation when
 * several instances receive webhooks.
 */
public final class InMemoryK2DeliveryRegistry implements K2DeliveryRegistry {

	/** Default number of keys kept. */
	public static final int DEFAULT_MAX_ENTRIES = 100_000;

	/** Default time a key is kept. */
	public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

	private final int maxEntries;

	private final Duration retention;

	private final Clock clock;

	// Insertion order is age order, so the oldest entries are always at the head.
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	/** A registry with the default bounds. */
	public InMemoryK2DeliveryRegistry() {
		this(DEFAULT_MAX_ENTRIES, DEFAULT_RETENTION, Clock.systemUTC());
	}

	/**
	 * A registry with explicit bounds.
	 * @param maxEntries how many keys to keep at most
	 * @param retention how long to keep a key
	 * @param clock the clock that ages keys
	 */
	public InMemoryK2DeliveryRegistry(int maxEntries, Duration retention, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		this.maxEntries = maxEntries;
		this.retention = Objects.requireNonNull(retention, "retention must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public synchronized Claim begin(String deliveryKey) {
		Instant now = this.clock.instant();
		evictExpired(now);
		Entry existing = this.entries.get(deliveryKey);
		if (existing != null) {
			return existing.completed() ? Claim.PROCESSED : Claim.IN_PROGRESS;
		}
		this.entries.put(deliveryKey, new Entry(now, false));
		while (this.entries.size() > this.maxEntries && evictOldestCompleted()) {
			// Deliveries still being processed are never evicted: their repeat must not be claimed.
		}
		return Claim.CLAIMED;
	}

	@Override
	public synchronized void complete(String deliveryKey) {
		Entry entry = this.entries.get(deliveryKey);
		if (entry != null) {
			this.entries.put(deliveryKey, new Entry(entry.since(), true));
		}
	}

	@Override
	public synchronized void abandon(String deliveryKey) {
		Entry entry = this.entries.get(deliveryKey);
		if (entry != null && !entry.completed()) {
			this.entries.remove(deliveryKey);
		}
	}

	/** Forgets every key, so that any delivery is processed again (for tests and manual replays). */
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

	private void evictExpired(Instant now) {
		Instant cutoff = now.minus(this.retention);
		Iterator<Entry> oldestFirst = this.entries.values().iterator();
		while (oldestFirst.hasNext()) {
			if (!oldestFirst.next().since().isBefore(cutoff)) {
				return;
			}
			oldestFirst.remove();
		}
	}

	@Override
	public String toString() {
		return "InMemoryK2DeliveryRegistry[maxEntries=" + this.maxEntries + ", retention=" + this.retention + "]";
	}

	private record Entry(Instant since, boolean completed) {
	}

}
