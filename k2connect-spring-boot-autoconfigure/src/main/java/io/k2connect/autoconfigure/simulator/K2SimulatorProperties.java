package io.k2connect.autoconfigure.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The embedded K2 simulator, bound from {@code k2.simulator.*} (needs k2connect-simulator
 * on the class path).
 */
@ConfigurationProperties("k2.simulator")
public class K2SimulatorProperties {

	/**
	 * Whether to start an embedded K2 simulator and point the client and the webhook
	 * endpoint at it, with credentials generated for the run (k2.client-id,
	 * k2.client-secret and k2.api-key are not used while it is on).
	 */
	private boolean enabled;

	/**
	 * Port of the embedded simulator; 0 picks a free one.
	 */
	private int port;

	/**
	 * How long the simulator waits before it posts a result to the callback URL.
	 */
	private Duration callbackDelay = Duration.ofSeconds(1);

	/**
	 * Largest request body the simulator reads; larger ones are answered 413 unread.
	 */
	private DataSize maxRequestBodySize = DataSize.ofMegabytes(1);

	/**
	 * How many received requests the simulator keeps for inspection; the oldest are
	 * dropped first.
	 */
	private int maxRecordedRequests = 1000;

	/**
	 * How much of each received request's body the simulator keeps for inspection.
	 */
	private DataSize maxRecordedBodySize = DataSize.ofKilobytes(16);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Duration getCallbackDelay() {
		return this.callbackDelay;
	}

	public void setCallbackDelay(Duration callbackDelay) {
		this.callbackDelay = callbackDelay;
	}

	public DataSize getMaxRequestBodySize() {
		return this.maxRequestBodySize;
	}

	public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
		this.maxRequestBodySize = maxRequestBodySize;
	}

	public int getMaxRecordedRequests() {
		return this.maxRecordedRequests;
	}

	public void setMaxRecordedRequests(int maxRecordedRequests) {
		this.maxRecordedRequests = maxRecordedRequests;
	}

	public DataSize getMaxRecordedBodySize() {
		return this.maxRecordedBodySize;
	}

	public void setMaxRecordedBodySize(DataSize maxRecordedBodySize) {
		this.maxRecordedBodySize = maxRecordedBodySize;
	}

}
