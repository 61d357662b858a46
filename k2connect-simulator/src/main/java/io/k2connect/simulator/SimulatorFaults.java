package io.k2connect.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Fault injection, obtained from {@link K2Simulator#faults()}. Two families:
 *
 * <ul>
 * <li><b>Requests the application sends</b> (counted, they wear off):
 * {@link #failNext(int, int)}, {@link #slowNext(int, Duration)},
 * {@link #dropNextConnection()}, {@link #dropNextResponse()}, and the standing
 * {@link #latency(Duration)}. Without a path prefix they apply to API calls (paths under
 * {@code /api/}); give a prefix such as {@code /oauth/token} or {@code /api/v1/payments}
 * to aim elsewhere. Admin paths ({@code /simulator/...}) are never faulted. A faulted
 * request is still recorded in {@link K2Simulator#requests()}.</li>
 * <li><b>Deliveries the simulator makes</b> (switches, on until {@link #clear()}):
 * {@link #deliverTwice()}, {@link #deliverOutOfOrder()}, {@link #signWithWrongKey()}, and
 * {@link #holdDeliveries()} (or {@link #holdWebhooks()}) with
 * {@link #releaseDeliveries()} or {@link #releaseDeliveriesInReverse()}. They apply to
 * bodies handed over for delivery after the switch, i.e. to results of requests that
 * finish later.</li>
 * </ul>
 *
 * <p>
 * Every method is thread-safe and returns this object, so calls chain.
 */
public final class SimulatorFaults {

	/**
	 * The prefix used when none is given: the API, not OAuth and not the admin endpoints.
	 */
	public static final String API_PREFIX = "/api/";

	/**
	 * How long a body waits for a partner under {@link #deliverOutOfOrder()}, in
	 * milliseconds.
	 */
	public static final long OUT_OF_ORDER_WINDOW_MILLIS = 500;

	private final Outbox outbox;

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private volatile Duration latency = Duration.ZERO;

	SimulatorFaults(Outbox outbox) {
		this.outbox = outbox;
	}

	/**
	 * Answers the next {@code n} API calls with {@code status} and an error body
	 * ({@code {"error_code": status, "error_message": "Simulated failure"}}) instead of
	 * handling them: nothing is created, nothing is delivered.
	 * @param n how many requests to fail, at least 1
	 * @param status the HTTP status to answer, 400 to 599
	 * @return this
	 */
	public SimulatorFaults failNext(int n, int status) {
		return failNext(n, status, API_PREFIX);
	}

	/**
	 * Answers the next {@code n} requests whose path starts with {@code pathPrefix} with
	 * {@code status}; see {@link #failNext(int, int)}.
	 * @param n how many requests to fail, at least 1
	 * @param status the HTTP status to answer, 400 to 599
	 * @param pathPrefix e.g. {@code /api/v1/payments} or {@code /oauth/token}
	 * @return this
	 */
	public SimulatorFaults failNext(int n, int status, String pathPrefix) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("status must be an error status (400 to 599) but was " + status);
		}
		return add(Kind.FAIL, n, pathPrefix, status, Duration.ZERO);
	}

	/**
	 * Delays the answer to the next {@code n} API calls by {@code delay} (on top of any
	 * {@link #latency(Duration)}); they are then handled normally. Use it to trip a
	 * client's read timeout.
	 * @param n how many requests to slow down, at least 1
	 * @param delay how long to wait before answering
	 * @return this
	 */
	public SimulatorFaults slowNext(int n, Duration delay) {
		return slowNext(n, delay, API_PREFIX);
	}

	/**
	 * Delays the answer to the next {@code n} requests whose path starts with
	 * {@code pathPrefix}; see {@link #slowNext(int, Duration)}.
	 * @param n how many requests to slow down, at least 1
	 * @param delay how long to wait before answering
	 * @param pathPrefix e.g. {@code /api/v1/incoming_payments}
	 * @return this
	 */
	public SimulatorFaults slowNext(int n, Duration delay, String pathPrefix) {
		return add(Kind.SLOW, n, pathPrefix, 0, checkDelay(delay));
	}

	/**
	 * Delays every answer (OAuth and API, not admin) by {@code latency} from now on;
	 * {@link Duration#ZERO} turns it off.
	 * @param latency the added delay
	 * @return this
	 */
	public SimulatorFaults latency(Duration latency) {
		this.latency = checkDelay(latency);
		return this;
	}

	/**
	 * Closes the connection of the next API call without handling it or answering: the
	 * client sees an I/O error, and nothing is created.
	 * @return this
	 */
	public SimulatorFaults dropNextConnection() {
		return dropNextConnection(API_PREFIX);
	}

	/**
	 * Closes the connection of the next request whose path starts with {@code pathPrefix}
	 * without handling it; see {@link #dropNextConnection()}.
	 * @param pathPrefix e.g. {@code /api/v1/payments}
	 * @return this
	 */
	public SimulatorFaults dropNextConnection(String pathPrefix) {
		return add(Kind.DROP_BEFORE, 1, pathPrefix, 0, Duration.ZERO);
	}

	/**
	 * Handles the next API call normally (the resource is created, the result will be
	 * delivered) but closes the connection instead of answering: the case where a client
	 * must not simply send a payment again.
	 * @return this
	 */
	public SimulatorFaults dropNextResponse() {
		return dropNextResponse(API_PREFIX);
	}

	/**
	 * Handles the next request whose path starts with {@code pathPrefix} but drops its
	 * answer; see {@link #dropNextResponse()}.
	 * @param pathPrefix e.g. {@code /api/v1/payments}
	 * @return this
	 */
	public SimulatorFaults dropNextResponse(String pathPrefix) {
		return add(Kind.DROP_AFTER, 1, pathPrefix, 0, Duration.ZERO);
	}

	/**
	 * From now on posts every result and webhook twice, byte for byte the same body and
	 * signature, as K2 may (docs/k2-webhooks.md §1).
	 * @return this
	 */
	public SimulatorFaults deliverTwice() {
		this.outbox.deliverTwice(true);
		return this;
	}

	/**
	 * From now on swaps deliveries in pairs: of two bodies handed over one after the
	 * other (such as an STK push result and the {@code buygoods_transaction_received}
	 * webhook it causes) the later is posted first. A body without a partner within
	 * {@value #OUT_OF_ORDER_WINDOW_MILLIS} ms is posted on its own.
	 * @return this
	 */
	public SimulatorFaults deliverOutOfOrder() {
		this.outbox.deliverOutOfOrder(true);
		return this;
	}

	/**
	 * From now on signs results and webhooks with a key other than the API key, so that
	 * the application's signature check must reject them.
	 * @return this
	 */
	public SimulatorFaults signWithWrongKey() {
		this.outbox.signWithWrongKey(true);
		return this;
	}

	/**
	 * From now on keeps results and webhooks instead of posting them, until
	 * {@link #releaseDeliveries()} or {@link #releaseDeliveriesInReverse()}.
	 * @return this
	 */
	public SimulatorFaults holdDeliveries() {
		this.outbox.hold();
		return this;
	}

	/**
	 * From now on keeps webhooks instead of posting them, until
	 * {@link #releaseDeliveries()} or {@link #releaseDeliveriesInReverse()}; results are
	 * still posted. Webhooks a receiver missed while results still reach it: what a
	 * reconciliation by polling recovers.
	 * @return this
	 */
	public SimulatorFaults holdWebhooks() {
		this.outbox.holdWebhooks();
		return this;
	}

	/**
	 * Stops holding and posts the held bodies in the order they were handed over.
	 * @return how many bodies were released
	 */
	public int releaseDeliveries() {
		return this.outbox.release(false);
	}

	/**
	 * Stops holding and posts the held bodies newest first: the simplest way to make a
	 * webhook arrive before the result that caused it.
	 * @return how many bodies were released
	 */
	public int releaseDeliveriesInReverse() {
		return this.outbox.release(true);
	}

	/**
	 * Turns every fault off: pending request faults are forgotten, latency is zero,
	 * delivery switches are off, and held bodies are posted in order.
	 * @return this
	 */
	public SimulatorFaults clear() {
		this.rules.clear();
		this.latency = Duration.ZERO;
		this.outbox.clearFaults();
		return this;
	}

	@Override
	public String toString() {
		return "SimulatorFaults[rules=" + this.rules.stream().filter(Rule::isLive).toList() + ", latency="
				+ this.latency + "]";
	}

	/** Forgets every fault without posting held bodies (for a reset). */
	void forget() {
		this.rules.clear();
		this.latency = Duration.ZERO;
	}

	/** Decides, and uses up, the faults for one incoming request. */
	Decision decide(String path) {
		Duration delay = this.latency;
		Rule slow = consume(Kind.SLOW, path);
		if (slow != null) {
			delay = delay.plus(slow.delay());
		}
		if (consume(Kind.DROP_BEFORE, path) != null) {
			return new Decision(delay, 0, true, false);
		}
		Rule fail = consume(Kind.FAIL, path);
		if (fail != null) {
			return new Decision(delay, fail.status(), false, false);
		}
		return new Decision(delay, 0, false, consume(Kind.DROP_AFTER, path) != null);
	}

	private @Nullable Rule consume(Kind kind, String path) {
		for (Rule rule : this.rules) {
			if (rule.kind() == kind && path.startsWith(rule.pathPrefix()) && rule.take()) {
				return rule;
			}
		}
		return null;
	}

	private SimulatorFaults add(Kind kind, int n, String pathPrefix, int status, Duration delay) {
		Objects.requireNonNull(pathPrefix, "pathPrefix must not be null");
		if (n < 1) {
			throw new IllegalArgumentException("n must be at least 1 but was " + n);
		}
		if (!pathPrefix.startsWith("/")) {
			throw new IllegalArgumentException("pathPrefix must start with / but was '" + pathPrefix + "'");
		}
		this.rules.removeIf((rule) -> !rule.isLive());
		this.rules.add(new Rule(kind, pathPrefix, new AtomicInteger(n), status, delay));
		return this;
	}

	private static Duration checkDelay(Duration delay) {
		Objects.requireNonNull(delay, "delay must not be null");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative but was " + delay);
		}
		return delay;
	}

	/**
	 * The faults for one request.
	 *
	 * @param delay wait this long first
	 * @param failStatus answer this error status instead of handling the request, or 0
	 * @param dropBefore close the connection without handling the request
	 * @param dropAfter handle the request, then close the connection without answering
	 */
	record Decision(Duration delay, int failStatus, boolean dropBefore, boolean dropAfter) {

	}

	private enum Kind {

		FAIL, SLOW, DROP_BEFORE, DROP_AFTER

	}

	private record Rule(Kind kind, String pathPrefix, AtomicInteger remaining, int status, Duration delay) {

		boolean take() {
			return this.remaining.getAndUpdate((left) -> (left > 0) ? left - 1 : 0) > 0;
		}

		boolean isLive() {
			return this.remaining.get() > 0;
		}

		@Override
		public String toString() {
			return this.kind + " " + this.pathPrefix + " x" + this.remaining.get();
		}

	}

}
