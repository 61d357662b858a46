package io.k2connect.simulator;

import java.time.Clock;
import java.time.Duration;

/** The settings a simulator was started with; immutable. */
record SimulatorConfig(String clientId, String clientSecret, String apiKey, int port, Duration callbackDelay,
		Duration tokenLifetime, Clock clock, int redeliveries, Duration redeliveryDelay, Duration deliveryTimeout,
		int maxRecordedRequests, int maxRecordedBodySize, int maxRequestBodySize) {

}
