package io.k2connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.k2connect.token.AccessToken;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the client's access token: fetched on first use, reused until its lifetime minus
 * a skew has passed, then fetched again by exactly one thread while the others wait for
 * it.
 *
 * <p>
 * When a fetch fails, the threads that were waiting for it get the same exception instead
 * of each trying again in turn; the next call after that tries anew.
 *
 * <p>
 * The refresh time is computed from the local clock at receipt, not from K2's
 * {@code created_at}, so a server clock that runs ahead or behind cannot make a token
 * look fresh when it is not.
 */
final class TokenCache {

	private final Supplier<AccessToken> fetcher;

	private final Clock clock;

	private final Duration skew;

	private final ReentrantLock lock = new ReentrantLock();

	private volatile @Nullable Cached cached;

	private volatile @Nullable Failure lastFailure;

	TokenCache(Supplier<AccessToken> fetcher, Clock clock, Duration skew) {
		this.fetcher = fetcher;
		this.clock = clock;
		this.skew = skew;
	}

	/**
	 * The current token, fetching a new one when there is none or it is about to expire.
	 */
	AccessToken get() {
		Cached current = this.cached;
		if (current != null && current.isFresh(this.clock.instant())) {
			return current.token();
		}
		long waitingSince = System.nanoTime();
		this.lock.lock();
		try {
			current = this.cached;
			if (current != null && current.isFresh(this.clock.instant())) {
				return current.token();
			}
			// The fetch this thread waited for failed: share its outcome rather than have
			// every waiting caller repeat it, one after the other, against a K2 that is
			// down.
			Failure failure = this.lastFailure;
			if (failure != null && failure.atNanos() - waitingSince >= 0) {
				throw failure.exception();
			}
			try {
				AccessToken token = this.fetcher.get();
				this.cached = new Cached(token, refreshAt(this.clock.instant(), token.expiresIn()));
				this.lastFailure = null;
				return token;
			}
			catch (RuntimeException ex) {
				// An interrupted fetch says nothing about K2: the waiters try for
				// themselves.
				if (!Thread.currentThread().isInterrupted()) {
					this.lastFailure = new Failure(ex, System.nanoTime());
				}
				throw ex;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Forgets the token if it is still the cached one (K2 refused it), so the next call
	 * fetches anew.
	 */
	void invalidate(String accessToken) {
		this.lock.lock();
		try {
			Cached current = this.cached;
			if (current != null && current.token().accessToken().equals(accessToken)) {
				this.cached = null;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private Instant refreshAt(Instant receivedAt, Duration lifetime) {
		// A skew as long as the lifetime would refetch on every call; fall back to half
		// the lifetime.
		Duration useFor = (lifetime.compareTo(this.skew) > 0) ? lifetime.minus(this.skew) : lifetime.dividedBy(2);
		return receivedAt.plus(useFor);
	}

	private record Failure(RuntimeException exception, long atNanos) {
	}

	private record Cached(AccessToken token, Instant refreshAt) {

		boolean isFresh(Instant now) {
			return now.isBefore(this.refreshAt);
		}

	}

}
