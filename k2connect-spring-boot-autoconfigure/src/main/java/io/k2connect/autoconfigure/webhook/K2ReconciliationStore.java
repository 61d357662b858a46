package io.k2connect.autoconfigure.webhook;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the reconciliation of missed till payments ({@code k2.reconciliation.*}) keeps
 * between runs: for each scope (a till, or the company), when its last run started and
 * how far it has been reconciled; and the window of each polling request created for it,
 * by an id that its callback URL carries, until its result has been delivered. The JDBC
 * store keeps them in the delivery table, so that the next start covers the time the
 * application was down and every instance sharing the database takes part in one
 * schedule.
 *
 * <p>
 * Implementations must be thread-safe.
 */
public interface K2ReconciliationStore {

	/**
	 * Starts a run of a scope unless one started at or after {@code notStartedSince}:
	 * atomically, so that of several instances asking at once one alone starts it. The
	 * first run of a scope also records {@code initiallyReconciledUntil} as how far it is
	 * reconciled: what came before reconciliation was switched on is not asked for.
	 * @param scope the scope, e.g. {@code till:K000000} or {@code company}
	 * @param now when this run starts
	 * @param notStartedSince the earliest start of another run that stops this one
	 * @param initiallyReconciledUntil how far a scope never run before counts as
	 * reconciled
	 * @return whether this run may go ahead
	 */
	boolean startRun(String scope, Instant now, Instant notStartedSince, Instant initiallyReconciledUntil);

	/**
	 * How far a scope has been reconciled: the end of the latest window whose every
	 * transaction was delivered (or where its first run started it).
	 * @param scope the scope
	 * @return the end, or {@code null} before the scope's first run
	 */
	@Nullable Instant reconciledUntil(String scope);

	/**
	 * Remembers the window of a polling request about to be created for a run, until its
	 * result has been delivered.
	 * @param window the window
	 */
	void windowCreated(Window window);

	/**
	 * The window of a polling request created for a run.
	 * @param id the window's id
	 * @return the window, or {@code null} when it is not known (its result was reconciled
	 * already, or it was forgotten)
	 */
	@Nullable Window window(String id);

	/**
	 * Records that every transaction of a window was delivered: its scope is reconciled
	 * until at least the window's end, and the window is forgotten.
	 * @param window the window
	 */
	void reconciled(Window window);

	/**
	 * The time window of one polling request.
	 *
	 * @param id its id (a UUID), which the request's callback URL carries
	 * @param scope its scope
	 * @param from the start of the window
	 * @param to its end
	 */
	record Window(String id, String scope, Instant from, Instant to) {

		public Window {
			Objects.requireNonNull(id, "id must not be null");
			Objects.requireNonNull(scope, "scope must not be null");
			Objects.requireNonNull(from, "from must not be null");
			Objects.requireNonNull(to, "to must not be null");
		}

	}

}
