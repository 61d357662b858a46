package io.k2connect.autoconfigure.webhook;

/**
 * Remembers which webhook and callback deliveries were processed, so that a delivery K2
 * repeats is answered {@code 200} without being published twice.
 *
 * <p>
 * A delivery is identified by the key {@link io.k2connect.event.DeliveryKeys} derives
 * from it: the event {@code id}, or {@code data.id} with every state the result reports
 * (the same resource reports {@code Pending} and then {@code Success}), or a digest of
 * the body when it has no usable id. Keys are at most
 * {@value io.k2connect.event.DeliveryKeys#MAX_LENGTH} characters long. The endpoint calls
 * {@link #begin}; when the listeners succeed it calls {@link #complete}, when one fails
 * it calls {@link #abandon} so that K2's next delivery is processed. A repeat that
 * arrives while the first delivery is still being processed is told to come back later
 * rather than acknowledged, because that first attempt may yet fail; so an implementation
 * never gives up a claim in progress by itself (only {@link #complete} or
 * {@link #abandon} end it).
 *
 * <p>
 * The default keeps keys in memory ({@link InMemoryK2DeliveryRegistry}); an application
 * with several instances can provide a shared one (a database table with a unique key,
 * say) as a bean. Implementations must be thread-safe.
 */
public interface K2DeliveryRegistry {

	/**
	 * Claims a delivery for processing.
	 * @param deliveryKey the delivery's key
	 * @return {@link Claim#CLAIMED} if the caller should process it,
	 * {@link Claim#IN_PROGRESS} if another request is processing it right now, or
	 * {@link Claim#PROCESSED} if it was processed already
	 */
	Claim begin(String deliveryKey);

	/**
	 * Records a claimed delivery as processed, so that a repeat is recognised.
	 * @param deliveryKey the delivery's key
	 */
	void complete(String deliveryKey);

	/**
	 * Gives up a claimed delivery whose processing failed, so that a repeat is processed.
	 * @param deliveryKey the delivery's key
	 */
	void abandon(String deliveryKey);

	/** The outcome of {@link #begin}. */
	enum Claim {

		/** New: the caller processes it. */
		CLAIMED,

		/** Another request is processing it now; its outcome is not known yet. */
		IN_PROGRESS,

		/** Processed before: acknowledge without processing again. */
		PROCESSED

	}

}
