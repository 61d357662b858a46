package io.k2connect.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.k2connect.K2ApiException;
import io.k2connect.K2AuthenticationException;
import io.k2connect.K2ConnectionException;
import io.k2connect.K2Exception;
import io.k2connect.K2InvalidRequestException;
import io.k2connect.K2NotFoundException;
import io.k2connect.K2RateLimitException;
import io.k2connect.K2ServerException;
import io.k2connect.observation.K2ClientObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends one HTTP exchange to K2 with the SDK's retry rules, and turns every failure into
 * a {@code K2Exception}.
 *
 * <p>
 * Retry rules: a request that is {@linkplain Request#safeToRepeat() safe to repeat} (GETs
 * and the OAuth calls) is retried on connection failures, timeouts, 429 and 5xx with
 * exponential backoff and jitter, honouring {@code Retry-After}. Any other request (every
 * create call, and above all those that move money) is retried only when the connection
 * was never established, so K2 cannot have seen it: a payment is never sent twice by the
 * SDK.
 *
 * <p>
 * No exception it throws shows the client secret, the API key or the request's bearer
 * token, in its message or anywhere among its causes and suppressed exceptions: K2's
 * error text is masked, and a cause that shows one is replaced by a stand-in that keeps
 * its class name and stack trace but not its message.
 */
public final class K2Http {

	private static final int MAX_BODY_IN_EXCEPTION = 4096;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

	/**
	 * Longer waits than this are not worth blocking a caller for; the 429 is surfaced
	 * instead.
	 */
	private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

	private final Supplier<RestClient> restClientFactory;

	private volatile @Nullable RestClient restClient;

	private final int maxRetries;

	private final Duration initialBackoff;

	private final String userAgent;

	private final Clock clock;

	private final Secrets secrets;

	private final ObservationRegistry observations;

	/**
	 * Creates the exchange.
	 * @param restClientFactory makes the RestClient on the first call: building one sets
	 * up the JDK HTTP client and TLS, which costs start-up time an application need not
	 * pay until it talks to K2
	 * @param maxRetries how often a failed exchange is retried
	 * @param initialBackoff the first retry's delay
	 * @param userAgent the User-Agent header
	 * @param clock the clock for Retry-After dates
	 * @param secrets the credentials no exception may show (client secret, API key); each
	 * request's bearer token is added to them
	 * @param observations where each retry is recorded as an event of the operation being
	 * observed
	 */
	public K2Http(Supplier<RestClient> restClientFactory, int maxRetries, Duration initialBackoff, String userAgent,
			Clock clock, Collection<String> secrets, ObservationRegistry observations) {
		this.observations = observations;
		this.restClientFactory = restClientFactory;
		this.maxRetries = maxRetries;
		this.initialBackoff = initialBackoff;
		this.userAgent = userAgent;
		this.clock = clock;
		this.secrets = new Secrets(secrets);
	}

	/**
	 * Sends the request, retrying as the class describes.
	 * @return the 2xx response
	 * @throws K2ApiException for an error status (after retries)
	 * @throws K2ConnectionException for I/O failures and timeouts (after retries)
	 */
	public Response execute(Request request) {
		for (int attempt = 0;; attempt++) {
			boolean lastAttempt = attempt >= this.maxRetries;
			Response response;
			try {
				response = send(request);
			}
			catch (ResourceAccessException ex) {
				boolean neverConnected = neverConnected(ex);
				if (lastAttempt || !(neverConnected || request.safeToRepeat())) {
					throw connectionFailure(request, ex, neverConnected, secrets(request));
				}
				pause(backoff(attempt), request);
				continue;
			}
			catch (RuntimeException ex) {
				// RestClientException, or whatever an application's interceptor or
				// customizer threw: callers catch K2Exception, so nothing else may
				// escape, and nothing that shows a secret.
				Secrets secrets = secrets(request);
				if (ex instanceof K2Exception k2 && !secrets.shownBy(k2)) {
					throw k2;
				}
				throw new K2ConnectionException(
						"Could not exchange " + request.describe() + " with K2: " + ex.getClass().getSimpleName(),
						secrets.scrub(ex));
			}
			if (response.isSuccess()) {
				return response;
			}
			int status = response.status();
			boolean retryableStatus = status == 429 || status >= 500;
			if (lastAttempt || !retryableStatus || !request.safeToRepeat()) {
				throw apiError(request, response);
			}
			Duration retryAfter = retryAfter(response, this.clock);
			if (retryAfter != null && retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
				throw apiError(request, response);
			}
			pause((retryAfter != null) ? retryAfter : backoff(attempt), request);
		}
	}

	private Secrets secrets(Request request) {
		return this.secrets.and(request.bearerToken());
	}

	private RestClient restClient() {
		RestClient client = this.restClient;
		if (client == null) {
			synchronized (this) {
				client = this.restClient;
				if (client == null) {
					client = this.restClientFactory.get();
					this.restClient = client;
				}
			}
		}
		return client;
	}

	private Response send(Request request) {
		RestClient.RequestBodySpec spec = restClient().method(request.method())
			.uri(request.uri())
			.headers((headers) -> {
				headers.set(HttpHeaders.USER_AGENT, this.userAgent);
				headers.set(HttpHeaders.ACCEPT, "application/json");
				if (request.contentType() != null) {
					headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
				}
				if (request.bearerToken() != null) {
					headers.setBearerAuth(request.bearerToken());
				}
			});
		if (request.body() != null) {
			spec.body(request.body());
		}
		return spec.exchange((req, res) -> new Response(res.getStatusCode().value(),
				HttpHeaders.copyOf(res.getHeaders()), res.getBody().readAllBytes()), true);
	}

	private static boolean neverConnected(ResourceAccessException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	private static K2ConnectionException connectionFailure(Request request, ResourceAccessException ex,
			boolean neverConnected, Secrets secrets) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String what;
		if (neverConnected) {
			what = "could not connect";
		}
		else if (cause instanceof HttpTimeoutException || cause instanceof InterruptedIOException) {
			what = "timed out waiting for the answer";
		}
		else {
			what = "the connection failed";
		}
		String name = cause.getClass().getSimpleName();
		Throwable scrubbed = secrets.scrub(cause);
		String detail = (scrubbed.getMessage() != null) ? " (" + name + ": " + scrubbed.getMessage() + ")"
				: " (" + name + ")";
		return new K2ConnectionException(request.describe() + ": " + what + detail, scrubbed);
	}

	private Duration backoff(int attempt) {
		long base = this.initialBackoff.toMillis() << Math.min(attempt, 16);
		long capped = Math.min(base, MAX_BACKOFF.toMillis());
		// "Equal jitter": half fixed, half random, so concurrent clients spread out but
		// never retry at once.
		long half = capped / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	private void pause(Duration delay, Request request) {
		Observation current = this.observations.getCurrentObservation();
		if (current != null) {
			current.event(K2ClientObservationDocumentation.Events.RETRY);
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new K2ConnectionException("Interrupted while waiting to retry " + request.describe(), ex);
		}
	}

	/**
	 * The wait a {@code Retry-After} header asks for: delay-seconds or an HTTP date. A
	 * value that is neither, or too large for a {@code long}, counts as absent.
	 */
	private static @Nullable Duration retryAfter(Response response, Clock clock) {
		String value = response.headers().getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(text));
			}
			catch (NumberFormatException tooLarge) {
				return null;
			}
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), at.toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (RuntimeException unparseable) {
			return null;
		}
	}

	/**
	 * Maps an error response to the exception family, tolerating empty and non-JSON
	 * bodies; every secret in the body is masked before it is read, as K2 may echo what
	 * it was sent.
	 */
	private K2ApiException apiError(Request request, Response response) {
		String text = secrets(request).redact(new String(response.body(), StandardCharsets.UTF_8));
		String errorCode = null;
		String errorMessage = null;
		String error = null;
		String errorDescription = null;
		JsonNode json = JsonReaders.tryParseObject(text.getBytes(StandardCharsets.UTF_8));
		if (json != null) {
			errorCode = JsonReaders.text(json, "error_code");
			errorMessage = JsonReaders.text(json, "error_message");
			error = JsonReaders.text(json, "error");
			errorDescription = JsonReaders.text(json, "error_description");
		}
		String body = text.isBlank() ? null
				: (text.length() > MAX_BODY_IN_EXCEPTION) ? text.substring(0, MAX_BODY_IN_EXCEPTION) : text;
		int status = response.status();
		StringBuilder message = new StringBuilder("K2 answered ").append(status)
			.append(" to ")
			.append(request.describe());
		String reason = (errorMessage != null) ? errorMessage : (errorDescription != null) ? errorDescription : error;
		if (reason != null) {
			message.append(": ").append(reason);
		}
		String m = message.toString();
		if (status == 401 || status == 403) {
			return new K2AuthenticationException(m, status, errorCode, errorMessage, error, errorDescription, body);
		}
		if (status == 400 || status == 422) {
			return new K2InvalidRequestException(m, status, errorCode, errorMessage, error, errorDescription, body);
		}
		if (status == 404) {
			return new K2NotFoundException(m, status, errorCode, errorMessage, error, errorDescription, body);
		}
		if (status == 429) {
			return new K2RateLimitException(m, status, errorCode, errorMessage, error, errorDescription, body,
					retryAfter(response, this.clock));
		}
		if (status >= 500) {
			return new K2ServerException(m, status, errorCode, errorMessage, error, errorDescription, body);
		}
		return new K2ApiException(m, status, errorCode, errorMessage, error, errorDescription, body);
	}

	/**
	 * One exchange to send.
	 *
	 * @param method the HTTP method
	 * @param uri the absolute URL
	 * @param contentType the body's content type, or {@code null} without a body
	 * @param body the body bytes, or {@code null}
	 * @param bearerToken the access token to send, or {@code null} for the OAuth calls
	 * @param safeToRepeat whether repeating the request can do no harm (GETs, OAuth
	 * calls)
	 */
	public record Request(HttpMethod method, URI uri, @Nullable String contentType, byte @Nullable [] body,
			@Nullable String bearerToken, boolean safeToRepeat) {

		/** Method and path, for messages: never the query, never a header. */
		public String describe() {
			return this.method.name() + " " + this.uri.getRawPath();
		}

		/** The same request with another bearer token. */
		public Request withBearerToken(String token) {
			return new Request(this.method, this.uri, this.contentType, this.body, token, this.safeToRepeat);
		}

		@Override
		public String toString() {
			return "Request[" + describe() + "]";
		}

	}

	/**
	 * What K2 answered.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the body, empty when there was none
	 */
	public record Response(int status, HttpHeaders headers, byte[] body) {

		boolean isSuccess() {
			return this.status >= 200 && this.status < 300;
		}

	}

}
