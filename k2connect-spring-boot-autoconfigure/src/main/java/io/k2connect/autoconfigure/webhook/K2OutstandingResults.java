package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The requests created at K2 whose result has not arrived yet, kept so that a result
 * whose callback never came is fetched from the request's location
 * ({@code k2.recovery.*}). Each is known by its location (the {@code Location} of its
 * create call, the {@code _links.self} of its result). The JDBC store keeps them in the
 * delivery table, so that every instance sharing the database, and the next start, know
 * them; at most one instance checks a location at a time.
 *
 * <p>
 * Implementations must be thread-safe.
 */
public interface K2OutstandingResults {

	/**
	 * Remembers a request until its result arrives.
	 * @param location the request's location
	 * @param createdAt when it was created
	 * @param checkAt when to ask K2 for it if no result came
	 */
	void remember(URI location, Instant createdAt, Instant checkAt);

	/**
	 * Forgets a request: its result arrived (or was recovered, or given up on).
	 * @param location the request's location
	 */
	void resolved(URI location);

	/**
	 * Claims the requests whose check is due, for this instance alone, until
	 * {@link #checkAgain} or {@link #resolved} (named apart from the inbox's claims: one
	 * store is often both).
	 * @param max how many at most
	 * @return the claimed requests, soonest due first
	 */
	List<Outstanding> claimChecks(int max);

	/**
	 * Gives a claimed request back, to be checked again later.
	 * @param location the request's location
	 * @param at when
	 */
	void checkAgain(URI location, Instant at);

	/**
	 * How many requests are waiting for their result.
	 * @return the count
	 */
	long outstanding();

	/**
	 * A request waiting for its result.
	 *
	 * @param location its location
	 * @param createdAt when it was created
	 * @param checks how many times its status was asked for before
	 */
	record Outstanding(URI location, Instant createdAt, int checks) {

		public Outstanding {
			Objects.requireNonNull(location, "location must not be null");
			Objects.requireNonNull(createdAt, "createdAt must not be null");
		}

	}

}
