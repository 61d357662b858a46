package io.k2connect.autoconfigure.webhook;

import java.util.Objects;

import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.event.K2Payload;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes one delivery now, on the calling thread, exactly once: claims its key in the
 * registry, publishes it (in a transaction when given one), and records it processed, or
 * gives the claim up when a listener throws so that the next attempt is processed. The
 * synchronous endpoint and the recovery of missed callbacks both deliver this way, so a
 * result that arrives both ways is published once.
 */
final class SyncDelivery {

	private final K2DeliveryRegistry registry;

	private final ApplicationEventPublisher publisher;

	private final ListenerTransactions transactions;

	SyncDelivery(K2DeliveryRegistry registry, ApplicationEventPublisher publisher, ListenerTransactions transactions) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
		this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
	}

	/**
	 * Delivers, unless the delivery was processed already or is being processed.
	 * @throws RuntimeException what a listener threw (the claim is given up)
	 */
	Outcome deliver(String key, K2Payload payload, boolean recovered) {
		K2DeliveryRegistry.Claim claim = this.registry.begin(key);
		if (claim == K2DeliveryRegistry.Claim.PROCESSED) {
			return Outcome.DUPLICATE;
		}
		if (claim == K2DeliveryRegistry.Claim.IN_PROGRESS) {
			return Outcome.IN_PROGRESS;
		}
		boolean published = false;
		try {
			K2DeliveryEvent<K2Payload> event = new K2DeliveryEvent<>(this.publisher, payload, recovered);
			this.transactions.run(() -> this.publisher.publishEvent(event));
			published = true;
		}
		finally {
			// Errors too (not only exceptions) must release the claim, or every repeat
			// would be acknowledged as a duplicate and the event lost.
			if (published) {
				this.registry.complete(key);
			}
			else {
				this.registry.abandon(key);
			}
		}
		return Outcome.PUBLISHED;
	}

	/**
	 * Delivers a recovered payload in an observation of the given stage.
	 * @throws RuntimeException what a listener threw (the claim is given up)
	 */
	Outcome observed(DeliveryObservations observations, String stage, String key, K2Payload payload) {
		K2DeliveryObservationContext context = new K2DeliveryObservationContext(stage, "sync");
		context.setType(DeliveryObservations.typeOf(payload));
		context.setDeliveryKey(key);
		return observations.observe(context, () -> {
			try {
				Outcome outcome = deliver(key, payload, true);
				context.setOutcome(switch (outcome) {
					case PUBLISHED -> "recovered";
					case DUPLICATE -> "duplicate";
					case IN_PROGRESS -> "in_progress";
				});
				return outcome;
			}
			catch (RuntimeException ex) {
				context.setOutcome("listener_failed");
				throw ex;
			}
		});
	}

	enum Outcome {

		/** Published now. */
		PUBLISHED,

		/** Processed before: not published again. */
		DUPLICATE,

		/** Being processed right now elsewhere: its outcome is not known yet. */
		IN_PROGRESS

	}

}
