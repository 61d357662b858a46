package io.k2connect.autoconfigure;

/**
 * Remembers which webhook and callback deliveries were processed, so that a delivery K2
 * repeats is answered {@code 200} without being published twice.
 *
 * <p>A delivery is identified by a key the endpoint derives from the payload: the event
 * {@code id}, or {@code data.id} with the result status (the same resource reports
 * {@code Pending} and then {@code Success}), or a digest of the body when it has neither.
 * The endpoint calls {@link #begin}; when the listeners succeed it calls {@link #complete},
 * when one fails it calls {@link #abandon} so that K2's next delivery is processed.
 *
 * <p>The default keeps keys in memory ({@link InMemoryK2DeliveryRegistry}); an application
 * with several instances can provide a shared one (a database table with a unique key, say)
 * as a bean. Implementations must be thread-safe.
 */
public interface K2DeliveryRegistry {

	/**
	 * Claims a delivery for processing.
	 * @param deliveryKey the delivery's key
	 * @return {@code true} if the caller should process it; {@code false} if it was already
	 * processed or is being processed right now
	 */
	boolean begin(String deliveryKey);

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

}
