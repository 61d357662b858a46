package io.k2connect.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the K2 client. One {@link #CLIENT_OPERATION} per call to K2 (a
 * create, a status read, an action, an OAuth call), covering its retries and, as a child
 * observation, the token fetch it needed; with a {@code DefaultMeterObservationHandler}
 * each becomes a timer {@value #NAME} and each event a counter
 * ({@code k2.client.operations.retries}, {@code k2.client.operations.token.rejected}).
 */
public enum K2ClientObservationDocumentation implements ObservationDocumentation {

	/** One K2 operation. */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultK2ClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

		@Override
		public Observation.Event[] getEvents() {
			return Events.values();
		}

	};

	/** The observations' name. */
	public static final String NAME = "k2.client.operations";

	/** Low-cardinality keys: safe as metric tags. */
	public enum LowCardinalityKeys implements KeyName {

		/**
		 * The operation: {@code stk_push}, {@code send_money}, {@code pay},
		 * {@code settlement_transfer}, {@code reversal}, {@code payment_link},
		 * {@code polling}, {@code sms_notification}, {@code webhook_subscription},
		 * {@code pay_recipient}, {@code merchant_bank_account}, {@code merchant_wallet},
		 * each alone for a create and with {@code _status} for a status read;
		 * {@code token}, {@code revoke_token}, {@code introspect_token},
		 * {@code token_info}; {@code other} for anything else.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "k2.operation";
			}
		},

		/** The client's API version, {@code v1} or {@code v2}. */
		API_VERSION {
			@Override
			public String asString() {
				return "k2.api.version";
			}
		},

		/** The HTTP method. */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/** The HTTP status of K2's last answer, or {@code none}. */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		},

		/**
		 * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, or {@code UNKNOWN}
		 * when no answer came.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The simple class name of the exception thrown, or {@code none}. */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		}

	}

	/** High-cardinality keys: for traces, not metric tags. */
	public enum HighCardinalityKeys implements KeyName {

		/** The id of the resource created or read (the last segment of its location). */
		RESOURCE_ID {
			@Override
			public String asString() {
				return "k2.resource.id";
			}
		}

	}

	/** What happens during an operation. */
	public enum Events implements Observation.Event {

		/** The exchange is sent again after a failure (the client's retry rules). */
		RETRY {
			@Override
			public String getName() {
				return "retries";
			}

			@Override
			public String getContextualName() {
				return "k2 retry";
			}
		},

		/**
		 * K2 refused the managed token with 401: a new one is fetched and the exchange
		 * sent once more.
		 */
		TOKEN_REJECTED {
			@Override
			public String getName() {
				return "token.rejected";
			}

			@Override
			public String getContextualName() {
				return "k2 token rejected";
			}
		}

	}

}
