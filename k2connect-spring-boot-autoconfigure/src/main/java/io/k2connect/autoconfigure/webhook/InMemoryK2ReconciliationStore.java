package io.k2connect.autoconfigure.webhook;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * {@link K2ReconciliationStore} in memory: for this instance alone, forgotten when it
 * stops (so the first run after a start covers one interval and the overlap, not the time
 * the application was down). At most {@value #MAX_WINDOWS} windows waiting for their
 * result are kept; the oldest are dropped beyond (a later run covers them again).
 * Thread-safe.
 */
public final class InMemoryK2ReconciliationStore implements K2ReconciliationStore {

	/** How many windows waiting for their result are kept at most. */
	public static final int MAX_WINDOWS = 1_000;

	private final Map<String, Instant> lastStarts = new HashMap<>();

	private final Map<String, Instant> reconciledUntil = new HashMap<>();

	private final Map<String, Window> windows = new LinkedHashMap<>();

	@Override
	public synchronized boolean startRun(String scope, Instant now, Instant notStartedSince,
			Instant initiallyReconciledUntil) {
		Objects.requireNonNull(scope, "scope must not be null");
		Instant last = this.lastStarts.get(scope);
		if (last != null && !last.isBefore(notStartedSince)) {
			return false;
		}
		this.lastStarts.put(scope, now);
		this.reconciledUntil.putIfAbsent(scope, initiallyReconciledUntil);
		return true;
	}

	@Override
	public synchronized @Nullable Instant reconciledUntil(String scope) {
		return this.reconciledUntil.get(scope);
	}

	@Override
	public synchronized void windowCreated(Window window) {
		this.windows.put(window.id(), window);
		if (this.windows.size() > MAX_WINDOWS) {
			Iterator<String> oldest = this.windows.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
	}

	@Override
	public synchronized @Nullable Window window(String id) {
		return this.windows.get(id);
	}

	@Override
	public synchronized void reconciled(Window window) {
		this.reconciledUntil.merge(window.scope(), window.to(), (a, b) -> a.isAfter(b) ? a : b);
		this.windows.remove(window.id());
	}

	@Override
	public synchronized String toString() {
		return "InMemoryK2ReconciliationStore[reconciledUntil=" + this.reconciledUntil + ", windows="
				+ this.windows.size() + "]";
	}

}
