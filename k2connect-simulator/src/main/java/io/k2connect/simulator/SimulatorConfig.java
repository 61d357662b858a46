package io.k2connect.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings a simulator was started with; immutable. {@code showsClientSecret} and
 * {@code showsApiKey} say whether they are the public defaults or generated, so that the
 * admin page may show them.
 */
record SimulatorConfig(String clientId, String clientSecret, boolean showsClientSecret, String apiKey,
		boolean showsApiKey, int port, Duration callbackDelay, Duration tokenLifetime, Clock clock, int redeliveries,
		Duration redeliveryDelay, Duration deliveryTimeout, int maxRecordedRequests, int maxRecordedBodySize,
		int maxRequestBodySize) {

}
