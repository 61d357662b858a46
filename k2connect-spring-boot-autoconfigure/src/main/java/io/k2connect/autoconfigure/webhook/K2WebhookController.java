package io.k2connect.autoconfigure.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import io.k2connect.K2PayloadException;
import io.k2connect.K2SignatureException;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationDocumentation;
import io.k2connect.event.DeliveryKeys;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2Result;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

/**
 * Receives K2's webhooks and callbacks, verifies their signature on the raw body bytes
 * and parses them into typed records (both through the application's
 * {@link K2ResultProcessor}) and publishes each record as an application event, so that
 * {@code @EventListener void on(BuygoodsTransactionReceived event)} (or
 * {@code IncomingPaymentResult}, {@code K2Event}, {@code K2Payload}) receives it.
 *
 * <p>
 * Answers, in the order the checks run:
 * <ul>
 * <li>413 when the body is larger than {@code k2.webhook.max-body-size};</li>
 * <li>415 when the content type is declared and is not {@code application/json} or
 * {@code application/<name>+json} (wildcards are refused);</li>
 * <li>401 when the {@code X-KopoKopo-Signature} is missing or wrong: nothing is
 * published;</li>
 * <li>400 when a correctly signed body is not a JSON object;</li>
 * <li>200 when a delivery was already processed: it is not published again;</li>
 * <li>409 with {@code Retry-After} when the same delivery is being processed right now:
 * its outcome is not known yet, so it is neither acknowledged nor published twice;</li>
 * <li>500 when a listener throws: the delivery is not recorded, so K2's next attempt is
 * processed and nothing is lost;</li>
 * <li>200 when the listeners have run.</li>
 * </ul>
 * Requests other than {@code POST} get 405 ({@code OPTIONS}: 200), with {@code Allow}.
 * Every answer is a small fixed JSON object, {@code {"outcome": ..., "message": ...}}. In
 * {@code sync} mode (the default) listeners run on the request thread, before the answer:
 * keep them quick. In {@code async} mode ({@code k2.webhook.processing=async}) a new
 * delivery is stored in the {@link K2Inbox} and answered 200 at once (503 with
 * {@code Retry-After} when it cannot be stored, or the in-memory inbox is full); the
 * inbox runs the listeners afterwards, with retries. Response bodies never echo the
 * payload, and logs never contain it.
 *
 * <p>
 * The endpoint is an {@link HttpRequestHandler} served by the {@code DispatcherServlet}
 * through its own handler mapping at {@code k2.webhook.path}, ahead of the application's
 * functional routes and controllers, rather than an annotated controller: it reads and
 * writes the raw request itself, and annotated-controller dispatch (mapping lookup,
 * argument resolution, content negotiation) would cost more than verifying and parsing
 * the delivery. The application's servlet filters (Spring Security's among them) and
 * {@code MappedInterceptor} beans apply to it as to any request; interceptors registered
 * through {@code WebMvcConfigurer} and {@code @ControllerAdvice} do not.
 */
@K2Webhook
public final class K2WebhookController implements HttpRequestHandler {

	/** What {@code Allow} lists: the only methods the endpoint answers. */
	private static final String ALLOWED_METHODS = "POST, OPTIONS";

	private static final Log logger = LogFactory.getLog(K2WebhookController.class);

	private final K2ResultProcessor processor;

	private final long maxBodyBytes;

	private final @Nullable K2Inbox inbox;

	private final SyncDelivery sync;

	private final @Nullable K2OutstandingResults outstanding;

	private final DeliveryObservations observations;

	/**
	 * Creates an endpoint that runs the listeners before it answers ({@code sync}).
	 * @param processor verifies signatures, then parses the verified bodies
	 * @param registry recognises repeated deliveries
	 * @param publisher publishes the typed records
	 * @param maxBodyBytes the largest body accepted
	 */
	public K2WebhookController(K2ResultProcessor processor, K2DeliveryRegistry registry,
			ApplicationEventPublisher publisher, long maxBodyBytes) {
		this(processor, registry, publisher, maxBodyBytes, null, null, DeliveryObservations.NONE);
	}

	/**
	 * Creates the endpoint; {@link K2WebhookAutoConfiguration} does this.
	 * @param processor verifies signatures, then parses the verified bodies
	 * @param registry recognises repeated deliveries ({@code sync})
	 * @param publisher publishes the typed records ({@code sync})
	 * @param maxBodyBytes the largest body accepted
	 * @param inbox where new deliveries are stored and answered, to be dispatched after
	 * the answer ({@code async}), or {@code null} to run the listeners before answering
	 * @param outstanding the requests waiting for their result, told when one arrives, or
	 * {@code null} when nothing is recovered
	 * @param observationRegistry where each delivery is observed
	 * ({@link K2DeliveryObservationDocumentation}), or {@code null} for nowhere
	 */
	public K2WebhookController(K2ResultProcessor processor, K2DeliveryRegistry registry,
			ApplicationEventPublisher publisher, long maxBodyBytes, @Nullable K2Inbox inbox,
			@Nullable K2OutstandingResults outstanding, @Nullable ObservationRegistry observationRegistry) {
		this(processor, registry, publisher, maxBodyBytes, inbox, outstanding,
				DeliveryObservations.of(observationRegistry, null));
	}

	K2WebhookController(K2ResultProcessor processor, K2DeliveryRegistry registry, ApplicationEventPublisher publisher,
			long maxBodyBytes, @Nullable K2Inbox inbox, @Nullable K2OutstandingResults outstanding,
			DeliveryObservations observations) {
		this.observations = observations;
		this.processor = Objects.requireNonNull(processor, "processor must not be null");
		this.maxBodyBytes = maxBodyBytes;
		this.inbox = inbox;
		this.outstanding = outstanding;
		this.sync = new SyncDelivery(registry, publisher, ListenerTransactions.NONE);
	}

	/**
	 * Handles one request: a delivery when it is a {@code POST}.
	 * @param request the HTTP request, whose body is read as bytes
	 * @param response where the answer K2 gets is written
	 * @throws IOException if the answer cannot be written
	 */
	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String method = request.getMethod();
		if (!HttpMethod.POST.matches(method)) {
			response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
			if (HttpMethod.OPTIONS.matches(method)) {
				response.setStatus(HttpStatus.OK.value());
				return;
			}
			Answer.METHOD_NOT_ALLOWED.writeTo(response);
			return;
		}
		K2DeliveryObservationContext context = new K2DeliveryObservationContext(K2DeliveryObservationContext.RECEIVE,
				(this.inbox != null) ? "async" : "sync");
		Answer answer = this.observations.observe(context, () -> {
			Answer outcome = receive(request, context);
			context.setOutcome(outcome.outcome());
			return outcome;
		});
		answer.writeTo(response);
	}

	private Answer receive(HttpServletRequest request, K2DeliveryObservationContext context) {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			return Answer.BODY_TOO_LARGE;
		}
		if (!isJson(request.getContentType())) {
			return Answer.UNSUPPORTED_MEDIA_TYPE;
		}
		byte[] body;
		try {
			body = readAtMost(request, this.maxBodyBytes);
		}
		catch (IOException ex) {
			return Answer.UNREADABLE_BODY;
		}
		if (body == null) {
			return Answer.BODY_TOO_LARGE;
		}
		K2Payload payload;
		try {
			payload = this.processor.process(body, request.getHeader(K2SignatureVerifier.HEADER));
		}
		catch (K2SignatureException ex) {
			logger.warn("Rejected a K2 webhook from " + request.getRemoteAddr() + ": " + ex.getMessage());
			return Answer.INVALID_SIGNATURE;
		}
		catch (K2PayloadException ex) {
			// The parser's message may quote the body; logs must not carry payload data.
			logger.warn("Rejected a signed K2 webhook whose body is not a JSON object");
			return Answer.INVALID_PAYLOAD;
		}
		String key = DeliveryKeys.of(payload, body);
		context.setType(DeliveryObservations.typeOf(payload));
		context.setDeliveryKey(key);
		if (this.inbox != null) {
			Answer answer = store(this.inbox, key, payload, body);
			if (answer.status().is2xxSuccessful()) {
				resolveOutstanding(payload);
			}
			return answer;
		}
		SyncDelivery.Outcome outcome;
		try {
			outcome = this.sync.deliver(key, payload, false);
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on K2 delivery " + key + "; answering 500 so that K2 delivers it again",
					ex);
			return Answer.LISTENER_FAILED;
		}
		resolveOutstanding(payload);
		if (outcome == SyncDelivery.Outcome.DUPLICATE) {
			logger.debug("Acknowledged a repeated K2 delivery without publishing it: " + key);
			return Answer.DUPLICATE;
		}
		if (outcome == SyncDelivery.Outcome.IN_PROGRESS) {
			// The first attempt may still fail; acknowledging this one could lose the
			// event.
			return Answer.IN_PROGRESS;
		}
		return Answer.ACCEPTED;
	}

	/**
	 * A result arrived: its request no longer waits for recovery. Best effort: when the
	 * store cannot be reached, the recovery finds the result processed and forgets it.
	 */
	private void resolveOutstanding(K2Payload payload) {
		if (this.outstanding == null || !(payload instanceof K2Result result) || result.links() == null) {
			return;
		}
		URI location = K2ResultRecovery.uri(result.links().self());
		if (location == null) {
			return;
		}
		try {
			this.outstanding.resolved(location);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not mark the request of a K2 result as resolved", ex);
		}
	}

	/** {@code async}: the delivery is answered once it is stored. */
	private static Answer store(K2Inbox inbox, String key, K2Payload payload, byte[] body) {
		K2InboxStore.Stored stored;
		try {
			stored = inbox.accept(key, payload, body);
		}
		catch (RuntimeException ex) {
			logger.error("Could not store K2 delivery " + key + "; answering 503 so that K2 delivers it again", ex);
			return Answer.STORE_UNAVAILABLE;
		}
		return switch (stored) {
			case STORED -> Answer.ACCEPTED;
			case DUPLICATE -> Answer.DUPLICATE;
			case IN_PROGRESS -> Answer.IN_PROGRESS;
			case FULL -> Answer.INBOX_FULL;
		};
	}

	/**
	 * Whether the declared content type is JSON: {@code application/json} or a concrete
	 * {@code application/<name>+json}, with or without parameters. Wildcards such as
	 * {@code *}{@code /*} or {@code application/*} declare nothing and are refused.
	 */
	static boolean isJson(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			// K2 always declares JSON; an undeclared type is let through, the signature
			// decides.
			return true;
		}
		if (contentType.regionMatches(true, 0, "application/json", 0, 16)
				&& (contentType.length() == 16 || contentType.charAt(16) == ';')) {
			return true; // what K2 sends, recognised without a full media type parse on
							// the hot path
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		if (type.isWildcardType() || type.isWildcardSubtype() || !"application".equals(type.getType())) {
			return false;
		}
		String subtype = type.getSubtype();
		return subtype.equals("json") || (subtype.endsWith("+json") && subtype.length() > 5);
	}

	/** The body, or {@code null} when it is longer than {@code limit}. */
	private static byte @Nullable [] readAtMost(HttpServletRequest request, long limit) throws IOException {
		int cap = (int) Math.min(limit, Integer.MAX_VALUE - 16);
		long declared = request.getContentLengthLong();
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0) {
				// The usual case (K2 sends Content-Length, already checked against the
				// limit): one exact read, no growing buffer.
				return in.readNBytes((int) declared);
			}
			byte[] buffer = new byte[(int) Math.min(cap + 1L, 8192)];
			int length = 0;
			int read;
			while ((read = in.read(buffer, length, buffer.length - length)) != -1) {
				length += read;
				if (length > cap) {
					return null;
				}
				if (length == buffer.length) {
					buffer = Arrays.copyOf(buffer, (int) Math.min(cap + 1L, buffer.length * 2L));
				}
			}
			return Arrays.copyOf(buffer, length);
		}
	}

	@Override
	public String toString() {
		return "K2WebhookController[maxBodyBytes=" + this.maxBodyBytes + ", processing="
				+ ((this.inbox != null) ? "async" : "sync") + "]";
	}

	/**
	 * The endpoint's answers: fixed bodies, never built from the request, so that they
	 * can echo nothing; encoded once.
	 */
	private enum Answer {

		ACCEPTED(HttpStatus.OK, "accepted", "Received."),

		DUPLICATE(HttpStatus.OK, "duplicate", "Already received."),

		/** The first attempt may still fail: neither acknowledged nor published twice. */
		IN_PROGRESS(HttpStatus.CONFLICT, "in_progress", "The same delivery is being processed; please retry.", true),

		BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body_too_large", "The body is larger than allowed."),

		UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
				"The content type must be application/json."),

		UNREADABLE_BODY(HttpStatus.BAD_REQUEST, "unreadable_body", "The body could not be read."),

		INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED, "invalid_signature",
				"The X-KopoKopo-Signature header is missing or does not match the body."),

		INVALID_PAYLOAD(HttpStatus.BAD_REQUEST, "invalid_payload", "The body is not a JSON object."),

		LISTENER_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "listener_failed",
				"The delivery could not be processed; please deliver it again."),

		STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable",
				"The delivery could not be stored; please deliver it again.", true),

		INBOX_FULL(HttpStatus.SERVICE_UNAVAILABLE, "inbox_full",
				"Too many deliveries are waiting; please deliver it again later.", true),

		METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"K2 deliveries are received with POST.");

		private final HttpStatus status;

		private final String outcome;

		private final boolean retryAfter;

		private final byte[] body;

		Answer(HttpStatus status, String outcome, String message) {
			this(status, outcome, message, false);
		}

		Answer(HttpStatus status, String outcome, String message, boolean retryAfter) {
			this.status = status;
			this.outcome = outcome;
			this.retryAfter = retryAfter;
			this.body = ("{\"outcome\":\"" + outcome + "\",\"message\":\"" + message + "\"}")
				.getBytes(StandardCharsets.UTF_8);
		}

		HttpStatus status() {
			return this.status;
		}

		String outcome() {
			return this.outcome;
		}

		void writeTo(HttpServletResponse response) throws IOException {
			response.setStatus(this.status.value());
			if (this.retryAfter) {
				response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			}
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setContentLength(this.body.length);
			response.getOutputStream().write(this.body);
		}

	}

}
