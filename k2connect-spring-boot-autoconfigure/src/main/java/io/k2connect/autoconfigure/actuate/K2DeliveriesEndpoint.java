package io.k2connect.autoconfigure.actuate;

import java.util.List;
import java.util.Objects;

import io.k2connect.autoconfigure.webhook.K2Inbox;
import io.k2connect.autoconfigure.webhook.K2InboxStore.Counts;
import io.k2connect.autoconfigure.webhook.K2InboxStore.DeadDelivery;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code k2deliveries} actuator endpoint of {@code k2.webhook.processing=async}: a
 * read shows how many deliveries the inbox holds in each state and lists the dead ones
 * (keys, kinds, attempts and the class of the last failure: no payload data); a write
 * replays one dead delivery ({@code {"deliveryKey": "..."}}) or, without a key, all of
 * them. Expose it like any endpoint ({@code management.endpoints.web.exposure.include})
 * and secure it: a replay publishes deliveries to the listeners again.
 */
@Endpoint(id = "k2deliveries")
public final class K2DeliveriesEndpoint {

	/** The most dead deliveries a read lists. */
	public static final int MAX_LISTED = 100;

	private final K2Inbox inbox;

	/**
	 * Creates the endpoint; the auto-configuration does this.
	 * @param inbox the inbox it shows
	 */
	public K2DeliveriesEndpoint(K2Inbox inbox) {
		this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
	}

	/**
	 * The counts by state and the oldest dead deliveries.
	 * @return the report
	 */
	@ReadOperation
	public Deliveries deliveries() {
		return new Deliveries(this.inbox.counts(), this.inbox.deadDeliveries(MAX_LISTED));
	}

	/**
	 * Replays one dead delivery, or all of them.
	 * @param deliveryKey the key of the delivery to replay, or {@code null} for all
	 * @return how many were replayed
	 */
	@WriteOperation
	public Replayed replay(@Nullable String deliveryKey) {
		if (deliveryKey == null || deliveryKey.isBlank()) {
			return new Replayed(this.inbox.replayAll());
		}
		return new Replayed(this.inbox.replay(deliveryKey) ? 1 : 0);
	}

	/**
	 * What a read shows.
	 *
	 * @param counts deliveries in each state
	 * @param dead the oldest dead deliveries, at most {@value #MAX_LISTED}
	 */
	public record Deliveries(Counts counts, List<DeadDelivery> dead) {
	}

	/**
	 * What a replay did.
	 *
	 * @param replayed how many dead deliveries are waiting for their next attempt again
	 */
	public record Replayed(int replayed) {
	}

}
