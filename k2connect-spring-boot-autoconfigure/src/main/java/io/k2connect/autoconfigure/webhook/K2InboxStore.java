package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where the inbox keeps deliveries between the webhook answer and their listeners, for
 * {@code k2.webhook.processing=async}: the endpoint {@linkplain #store stores} each new
 * delivery (its key and raw body, claimed and stored in one step) and answers 200; the
 * {@link K2Inbox} dispatcher {@linkplain #claimDue claims} stored deliveries, publishes
 * them and records the outcome ({@link #succeeded}, {@link #failed}, {@link #release}).
 *
 * <p>
 * A delivery is in one of the states of {@link State}. At most one dispatcher holds the
 * claim of a delivery at a time; a claim whose holder stops or crashes is taken over once
 * its lease runs out (stores shared by several instances) or never outlives the process
 * (memory). Both stores of k2connect implement this interface next to
 * {@link K2DeliveryRegistry} ({@link InMemoryK2DeliveryRegistry},
 * {@code JdbcK2DeliveryRegistry}), so that a repeat is recognised whichever way the first
 * delivery was processed. Implementations must be thread-safe.
 */
public interface K2InboxStore {

	/**
	 * Stores a new delivery, unless it was received before.
	 * @param deliveryKey the delivery's key
	 * @param kind what it is, for listings: the event topic or result type
	 * @param body the raw, verified body
	 * @param claim whether the caller dispatches it at once itself (the store records the
	 * claim with the delivery, as its first attempt); otherwise it waits for
	 * {@link #claimDue}
	 * @return what happened
	 */
	Stored store(String deliveryKey, String kind, byte[] body, boolean claim);

	/**
	 * Claims stored deliveries that are due: waiting for their first attempt, or for a
	 * retry whose time has come, or claimed by a holder whose lease ran out. Each claim
	 * counts as an attempt.
	 * @param max how many at most
	 * @return the claimed deliveries, oldest due first
	 */
	List<ClaimedDelivery> claimDue(int max);

	/**
	 * Records a claimed delivery as processed. Called inside the transaction its
	 * listeners ran in, when there is one, so that a store in the same database commits
	 * or rolls back together with the listeners' work.
	 * @param deliveryKey the delivery's key
	 * @throws LostClaimException if this caller's claim was taken over in the meantime
	 */
	void succeeded(String deliveryKey);

	/**
	 * Records a failed attempt of a claimed delivery.
	 * @param deliveryKey the delivery's key
	 * @param error the failure's class name (never its message, which may quote payload
	 * data)
	 * @param retryIn when to try again, or {@code null} to mark it {@link State#DEAD}
	 */
	void failed(String deliveryKey, String error, @Nullable Duration retryIn);

	/**
	 * Gives back a claimed delivery that was not attempted (the dispatcher is stopping),
	 * so that it is due again at once, here or in another instance.
	 * @param deliveryKey the delivery's key
	 */
	void release(String deliveryKey);

	/**
	 * Counts the deliveries in each state.
	 * @return the counts
	 */
	Counts counts();

	/**
	 * Lists dead deliveries, oldest first, without their bodies.
	 * @param max how many at most
	 * @return the dead deliveries
	 */
	List<DeadDelivery> deadDeliveries(int max);

	/**
	 * Makes a dead delivery due again, with a fresh count of attempts.
	 * @param deliveryKey the delivery's key
	 * @return whether it was dead (and is now waiting)
	 */
	boolean replay(String deliveryKey);

	/**
	 * Makes every dead delivery due again, with a fresh count of attempts.
	 * @return how many there were
	 */
	int replayAll();

	/** The outcome of {@link #store}. */
	enum Stored {

		/** New: stored (and claimed, when asked). */
		STORED,

		/** Received before, and stored or processed: acknowledge it. */
		DUPLICATE,

		/**
		 * Being processed right now by a synchronous endpoint (an instance in
		 * {@code sync} mode sharing the store): ask K2 to come back.
		 */
		IN_PROGRESS,

		/** The store holds as many deliveries as it may: ask K2 to come back. */
		FULL

	}

	/** The states a delivery goes through in a store. */
	enum State {

		/** Stored, waiting for (or in) its first attempt. */
		PENDING,

		/** Stored, failed at least once, waiting for (or in) another attempt. */
		RETRYING,

		/** Failed its last attempt: kept until replayed. */
		DEAD,

		/** Processed (in either mode); remembered to recognise repeats. */
		PROCESSED,

		/** Claimed by a synchronous endpoint that is running its listeners. */
		IN_PROGRESS

	}

	/**
	 * A delivery claimed by {@link #claimDue}.
	 *
	 * @param deliveryKey the delivery's key
	 * @param body the raw, verified body
	 * @param attempt which attempt this is, from 1
	 */
	record ClaimedDelivery(String deliveryKey, byte[] body, int attempt) {

		public ClaimedDelivery {
			Objects.requireNonNull(deliveryKey, "deliveryKey must not be null");
			Objects.requireNonNull(body, "body must not be null");
		}

		@Override
		public String toString() {
			// Never the body: it is payload data.
			return "ClaimedDelivery[deliveryKey=" + this.deliveryKey + ", attempt=" + this.attempt + "]";
		}

	}

	/**
	 * A dead delivery, described without payload data.
	 *
	 * @param deliveryKey the delivery's key
	 * @param kind the event topic or result type
	 * @param attempts how many attempts were made
	 * @param lastError the class name of the last attempt's failure
	 * @param receivedAt when it was first stored
	 * @param diedAt when its last attempt failed
	 */
	record DeadDelivery(String deliveryKey, String kind, int attempts, String lastError, Instant receivedAt,
			Instant diedAt) {
	}

	/**
	 * How many deliveries a store holds in each state.
	 *
	 * @param pending waiting for (or in) their first attempt
	 * @param retrying failed at least once, waiting for (or in) another attempt
	 * @param dead failed their last attempt
	 * @param processed processed and still remembered
	 * @param inProgress claimed by a synchronous endpoint
	 */
	record Counts(long pending, long retrying, long dead, long processed, long inProgress) {

		/** Nothing anywhere. */
		public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

		/**
		 * The count of one state.
		 * @param state the state
		 * @return its count
		 */
		public long of(State state) {
			return switch (state) {
				case PENDING -> this.pending;
				case RETRYING -> this.retrying;
				case DEAD -> this.dead;
				case PROCESSED -> this.processed;
				case IN_PROGRESS -> this.inProgress;
			};
		}

	}

	/**
	 * Thrown by {@link #succeeded} when the caller no longer holds the claim: its lease
	 * ran out and another dispatcher took the delivery over, so the caller's transaction
	 * must roll back rather than publish twice.
	 */
	final class LostClaimException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/**
		 * Creates the exception.
		 * @param deliveryKey the delivery's key
		 */
		public LostClaimException(String deliveryKey) {
			super("The claim of K2 delivery " + deliveryKey
					+ " was taken over by another dispatcher after its lease ran out");
		}

	}

}
