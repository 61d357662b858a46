package io.k2connect.autoconfigure.observation;

import java.util.Objects;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one delivery knows: where it was handled (the stage), how, what
 * it was, and how it ended. It never holds the body, a signature or a phone number.
 */
public final class K2DeliveryObservationContext extends Observation.Context {

	/** At the webhook endpoint. */
	public static final String RECEIVE = "receive";

	/**
	 * By the inbox, after the endpoint answered ({@code k2.webhook.processing=async}).
	 */
	public static final String DISPATCH = "dispatch";

	/** By the recovery of a result whose callback did not come. */
	public static final String RECOVERY = "recovery";

	/** By the reconciliation of a till payment whose webhook did not come. */
	public static final String RECONCILIATION = "reconciliation";

	private final String stage;

	private final String processing;

	private String type = "none";

	private String outcome = "unknown";

	private @Nullable String deliveryKey;

	/**
	 * A context for one delivery.
	 * @param stage {@link #RECEIVE}, {@link #DISPATCH}, {@link #RECOVERY} or
	 * {@link #RECONCILIATION}
	 * @param processing {@code sync} or {@code async}
	 */
	public K2DeliveryObservationContext(String stage, String processing) {
		this.stage = Objects.requireNonNull(stage, "stage must not be null");
		this.processing = Objects.requireNonNull(processing, "processing must not be null");
	}

	/** Where the delivery was handled. */
	public String getStage() {
		return this.stage;
	}

	/** {@code sync} or {@code async}. */
	public String getProcessing() {
		return this.processing;
	}

	/**
	 * The webhook topic or result type, {@code daraja}, {@code unknown} for a body of no
	 * kind k2connect knows, or {@code none} before the body was parsed.
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * Sets what the delivery was.
	 * @param type the topic or result type
	 */
	public void setType(String type) {
		this.type = Objects.requireNonNull(type, "type must not be null");
	}

	/** How the delivery ended; see {@link K2DeliveryObservationDocumentation}. */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the delivery ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(String outcome) {
		this.outcome = Objects.requireNonNull(outcome, "outcome must not be null");
	}

	/** The delivery key, once known. */
	public @Nullable String getDeliveryKey() {
		return this.deliveryKey;
	}

	/**
	 * Sets the delivery key.
	 * @param deliveryKey the key
	 */
	public void setDeliveryKey(@Nullable String deliveryKey) {
		this.deliveryKey = deliveryKey;
	}

}
