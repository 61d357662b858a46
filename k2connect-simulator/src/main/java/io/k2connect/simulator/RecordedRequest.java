package io.k2connect.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request the simulator received, as it arrived, for assertions in tests. Every
 * request is recorded, also those that a fault failed or dropped and those to the admin
 * endpoints; the simulator keeps the latest ones ({@code maxRecordedRequests}) and of
 * each body its beginning ({@code maxRecordedBodySize}).
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path without the query, e.g. {@code /api/v1/incoming_payments}
 * @param query the raw query string, or {@code null} when there was none
 * @param headers the headers, looked up case-insensitively
 * @param body the body bytes, empty when there was none
 * @param receivedAt when the request arrived, by the simulator's clock
 * @param bodyTruncated whether {@code body} is only the beginning of the body (it was
 * longer than {@code maxRecordedBodySize}), or is empty because the body was larger than
 * {@code maxRequestBodySize} and refused with 413 unread
 */
public record RecordedRequest(String method, String path, @Nullable String query, Map<String, List<String>> headers,
		byte[] body, Instant receivedAt, boolean bodyTruncated) {

	/** Copies the headers into a case-insensitive, unmodifiable map. */
	public RecordedRequest {
		Objects.requireNonNull(method, "method must not be null");
		Objects.requireNonNull(path, "path must not be null");
		Objects.requireNonNull(headers, "headers must not be null");
		Objects.requireNonNull(body, "body must not be null");
		Objects.requireNonNull(receivedAt, "receivedAt must not be null");
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		headers = Collections.unmodifiableMap(copy);
	}

	/**
	 * The first value of a header.
	 * @param name the header name, any case
	 * @return the value, or {@code null} when the request had no such header
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The body as UTF-8 text. */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** This request with at most {@code max} bytes of its body. */
	RecordedRequest withBodyCappedAt(int max) {
		if (this.body.length <= max) {
			return this;
		}
		return new RecordedRequest(this.method, this.path, this.query, this.headers, Arrays.copyOf(this.body, max),
				this.receivedAt, true);
	}

	/** Whether this request has the given method and path. */
	public boolean is(String method, String path) {
		return this.method.equalsIgnoreCase(method) && this.path.equals(path);
	}

	/** Method and path, never headers (they carry tokens and secrets). */
	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

}
