package io.k2connect.autoconfigure.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of deliveries: one {@link #DELIVERY} each time k2connect handles a
 * webhook or callback, tagged by where ({@code k2.stage}) and how it ended
 * ({@code outcome}). With a {@code DefaultMeterObservationHandler} each becomes a timer
 * {@value #NAME}, whose counts per stage and outcome answer "how many were accepted,
 * repeated, rejected, failed, dead, recovered, given up".
 *
 * <p>
 * Outcomes by stage:
 * <ul>
 * <li>{@code receive} (the endpoint; the {@code outcome} of its answer):
 * {@code accepted}, {@code duplicate}, {@code in_progress}, {@code invalid_signature},
 * {@code invalid_payload}, {@code body_too_large}, {@code unsupported_media_type},
 * {@code unreadable_body}, {@code listener_failed}, {@code store_unavailable},
 * {@code inbox_full};</li>
 * <li>{@code dispatch} (the inbox): {@code processed}, {@code retrying}, {@code dead},
 * {@code lost_claim};</li>
 * <li>{@code recovery}: {@code recovered}, {@code duplicate}, {@code in_progress},
 * {@code listener_failed}, {@code given_up};</li>
 * <li>{@code reconciliation}: {@code recovered}, {@code duplicate}, {@code in_progress},
 * {@code listener_failed}.</li>
 * </ul>
 */
public enum K2DeliveryObservationDocumentation implements ObservationDocumentation {

	/** One delivery handled. */
	DELIVERY {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultK2DeliveryObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	};

	/** The observations' name. */
	public static final String NAME = "k2.webhook.deliveries";

	/** Low-cardinality keys: safe as metric tags. */
	public enum LowCardinalityKeys implements KeyName {

		/**
		 * {@code receive}, {@code dispatch}, {@code recovery} or {@code reconciliation}.
		 */
		STAGE {
			@Override
			public String asString() {
				return "k2.stage";
			}
		},

		/** {@code sync} or {@code async} ({@code k2.webhook.processing}). */
		PROCESSING {
			@Override
			public String asString() {
				return "k2.processing";
			}
		},

		/**
		 * The webhook topic (e.g. {@code buygoods_transaction_received}) or result type
		 * (e.g. {@code incoming_payment}); {@code daraja}; {@code unknown}; {@code none}
		 * when the body was not parsed (rejected before).
		 */
		TYPE {
			@Override
			public String asString() {
				return "k2.delivery.type";
			}
		},

		/** How the delivery ended; see the class description. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The simple class name of what a listener threw, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/** High-cardinality keys: for traces, not metric tags. */
	public enum HighCardinalityKeys implements KeyName {

		/**
		 * The delivery key ({@code DeliveryKeys}), e.g.
		 * {@code buygoods:<transaction id>}.
		 */
		DELIVERY_KEY {
			@Override
			public String asString() {
				return "k2.delivery.key";
			}
		}

	}

}
