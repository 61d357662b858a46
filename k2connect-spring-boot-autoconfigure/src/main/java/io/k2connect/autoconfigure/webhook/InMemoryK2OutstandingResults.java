package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@link K2OutstandingResults} in memory: this instance's requests only, forgotten when
 * it stops, at most {@code maxEntries} (the oldest are dropped beyond, with a warning).
 * Thread-safe.
 */
public final class InMemoryK2OutstandingResults implements K2OutstandingResults {

	/** Default number of requests kept. */
	public static final int DEFAULT_MAX_ENTRIES = 100_000;

	private static final Log logger = LogFactory.getLog(InMemoryK2OutstandingResults.class);

	private final int maxEntries;

	private final Clock clock;

	private final Map<URI, Entry> entries = new LinkedHashMap<>();

	/** With the default bound and the system clock. */
	public InMemoryK2OutstandingResults() {
		this(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
	}

	/**
	 * With a bound and a clock.
	 * @param maxEntries how many requests to keep at most
	 * @param clock when checks are due
	 */
	public InMemoryK2OutstandingResults(int maxEntries, Clock clock) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be at least 1");
		}
		this.maxEntries = maxEntries;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public synchronized void remember(URI location, Instant createdAt, Instant checkAt) {
		Objects.requireNonNull(location, "location must not be null");
		if (this.entries.putIfAbsent(location, new Entry(createdAt, checkAt)) == null
				&& this.entries.size() > this.maxEntries) {
			Iterator<URI> oldest = this.entries.keySet().iterator();
			URI dropped = oldest.next();
			oldest.remove();
			logger.warn("More than " + this.maxEntries + " K2 requests are waiting for their result; no longer"
					+ " recovering " + dropped);
		}
	}

	@Override
	public synchronized void resolved(URI location) {
		this.entries.remove(location);
	}

	@Override
	public synchronized List<Outstanding> claimChecks(int max) {
		Instant now = this.clock.instant();
		List<Map.Entry<URI, Entry>> due = new ArrayList<>();
		for (Map.Entry<URI, Entry> entry : this.entries.entrySet()) {
			if (!entry.getValue().claimed && !entry.getValue().checkAt.isAfter(now)) {
				due.add(entry);
			}
		}
		due.sort(Comparator.comparing((Map.Entry<URI, Entry> entry) -> entry.getValue().checkAt));
		List<Outstanding> claimed = new ArrayList<>();
		for (Map.Entry<URI, Entry> entry : due.subList(0, Math.min(Math.max(0, max), due.size()))) {
			Entry value = entry.getValue();
			value.claimed = true;
			claimed.add(new Outstanding(entry.getKey(), value.createdAt, value.checks++));
		}
		return claimed;
	}

	@Override
	public synchronized void checkAgain(URI location, Instant at) {
		Entry entry = this.entries.get(location);
		if (entry != null) {
			entry.checkAt = at;
			entry.claimed = false;
		}
	}

	@Override
	public synchronized long outstanding() {
		return this.entries.size();
	}

	@Override
	public String toString() {
		return "InMemoryK2OutstandingResults[maxEntries=" + this.maxEntries + "]";
	}

	private static final class Entry {

		final Instant createdAt;

		Instant checkAt;

		int checks;

		boolean claimed;

		Entry(Instant createdAt, Instant checkAt) {
			this.createdAt = createdAt;
			this.checkAt = checkAt;
		}

	}

}
