package io.k2connect.observation;

import java.util.Objects;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one K2 operation knows: set by the client as the operation goes,
 * read by the {@link K2ClientObservationConvention}. It never holds a request body, a
 * token, a secret or a phone number.
 */
public final class K2ClientObservationContext extends Observation.Context {

	private final String operation;

	private final String method;

	private final String apiVersion;

	private int status;

	private @Nullable String resourceId;

	/**
	 * A context for one operation.
	 * @param operation the operation, e.g. {@code stk_push} or {@code stk_push_status}
	 * @param method the HTTP method, e.g. {@code POST}
	 * @param apiVersion the API version of the client, e.g. {@code v2}
	 */
	public K2ClientObservationContext(String operation, String method, String apiVersion) {
		this.operation = Objects.requireNonNull(operation, "operation must not be null");
		this.method = Objects.requireNonNull(method, "method must not be null");
		this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion must not be null");
	}

	/** The operation, e.g. {@code send_money}: one of a fixed set. */
	public String getOperation() {
		return this.operation;
	}

	/** The HTTP method. */
	public String getMethod() {
		return this.method;
	}

	/** The client's API version, {@code v1} or {@code v2}. */
	public String getApiVersion() {
		return this.apiVersion;
	}

	/** The HTTP status of K2's last answer, or 0 when none came. */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Sets the status of K2's answer.
	 * @param status the HTTP status
	 */
	public void setStatus(int status) {
		this.status = status;
	}

	/** The id of the resource created or read, when known. */
	public @Nullable String getResourceId() {
		return this.resourceId;
	}

	/**
	 * Sets the id of the resource created or read.
	 * @param resourceId the id
	 */
	public void setResourceId(@Nullable String resourceId) {
		this.resourceId = resourceId;
	}

}
