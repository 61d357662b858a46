package io.k2connect.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.k2connect.webhook.K2SignatureVerifier;
import io.k2connect.webhook.K2Signatures;
import org.jspecify.annotations.Nullable;

/**
 * Posts signed results and webhook events to the application and records every attempt.
 *
 * <p>
 * Each receiving application gets its bodies in the order they were handed over, so that
 * without faults a result always arrives before the webhook it caused, and a slow or hung
 * receiver delays only its own deliveries; the delivery faults (twice, out of order,
 * held, wrong key) are applied when a body is handed over. A failed attempt (no 2xx) is
 * tried again only when the simulator was built with redeliveries.
 */
final class Outbox {

	/**
	 * How long an unpaired delivery waits for a partner to overtake it under
	 * {@code deliverOutOfOrder}.
	 */
	static final Duration OUT_OF_ORDER_WINDOW = Duration.ofMillis(SimulatorFaults.OUT_OF_ORDER_WINDOW_MILLIS);

	private final SimulatorConfig config;

	private final ScheduledExecutorService scheduler;

	private final AtomicLong epoch;

	private final SerialQueues sender = new SerialQueues(
			Executors.newCachedThreadPool(new DaemonThreads("k2-simulator-sender")));

	private final ExecutorService httpExecutor = Executors.newCachedThreadPool(new DaemonThreads("k2-simulator-http"));

	private final HttpClient http;

	private final List<Delivery> deliveries = new ArrayList<>();

	private final Object lock = new Object();

	private final Deque<Pending> held = new ArrayDeque<>();

	private @Nullable Pending waitingToBeOvertaken;

	private boolean holding;

	private boolean holdingWebhooks;

	private volatile boolean twice;

	private volatile boolean outOfOrder;

	private volatile boolean wrongKey;

	Outbox(SimulatorConfig config, ScheduledExecutorService scheduler, AtomicLong epoch) {
		this.config = config;
		this.scheduler = scheduler;
		this.epoch = epoch;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(config.deliveryTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(this.httpExecutor)
			.build();
	}

	/** Signs the body and posts it, subject to the delivery faults in force now. */
	void post(Delivery.Kind kind, String type, String url, byte[] body) {
		String key = this.wrongKey ? "wrong-" + this.config.apiKey() : this.config.apiKey();
		Pending pending = new Pending(kind, type, url, body, K2Signatures.sign(body, key), this.epoch.get());
		synchronized (this.lock) {
			if (this.holding || (this.holdingWebhooks && kind == Delivery.Kind.WEBHOOK)) {
				this.held.addLast(pending);
				return;
			}
			if (this.outOfOrder) {
				Pending earlier = this.waitingToBeOvertaken;
				if (earlier == null) {
					this.waitingToBeOvertaken = pending;
					this.scheduler.schedule(() -> flushUnpaired(pending), OUT_OF_ORDER_WINDOW.toMillis(),
							TimeUnit.MILLISECONDS);
					return;
				}
				this.waitingToBeOvertaken = null;
				submit(pending, 1);
				submit(earlier, 1);
				return;
			}
		}
		submit(pending, 1);
	}

	private void flushUnpaired(Pending pending) {
		synchronized (this.lock) {
			if (this.waitingToBeOvertaken != pending) {
				return;
			}
			this.waitingToBeOvertaken = null;
		}
		submit(pending, 1);
	}

	private void submit(Pending pending, int attempt) {
		int copies = (attempt == 1 && this.twice) ? 2 : 1;
		for (int i = 0; i < copies; i++) {
			try {
				this.sender.execute(pending.url(), () -> attempt(pending, attempt));
			}
			catch (RejectedExecutionException ex) {
				return; // closed
			}
		}
	}

	private void attempt(Pending pending, int attempt) {
		if (pending.epoch() != this.epoch.get()) {
			return; // reset since: the test that caused it is over
		}
		int status = 0;
		String error = null;
		Instant sentAt = this.config.clock().instant();
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(pending.url()))
				.timeout(this.config.deliveryTimeout())
				.header("Content-Type", "application/json")
				.header(K2SignatureVerifier.HEADER, pending.signature())
				.header("User-Agent", "k2connect-simulator")
				.POST(HttpRequest.BodyPublishers.ofByteArray(pending.body()))
				.build();
			// The request timeout stops counting once headers arrive; bound the whole
			// exchange, so an application that stalls mid-answer cannot block its queue
			// for ever.
			CompletableFuture<HttpResponse<Void>> exchange = this.http.sendAsync(request,
					HttpResponse.BodyHandlers.discarding());
			try {
				status = exchange.get(this.config.deliveryTimeout().toMillis() * 2, TimeUnit.MILLISECONDS).statusCode();
			}
			catch (TimeoutException ex) {
				exchange.cancel(true);
				error = "no complete answer within " + this.config.deliveryTimeout().multipliedBy(2);
			}
			catch (ExecutionException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				error = cause.getClass().getSimpleName()
						+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
			}
		}
		catch (IllegalArgumentException ex) {
			error = "cannot post to " + pending.url() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Delivery delivery = new Delivery(pending.kind(), pending.type(), pending.url(), pending.body(),
				pending.signature(), attempt, status, error, sentAt);
		synchronized (this.deliveries) {
			if (pending.epoch() != this.epoch.get()) {
				return;
			}
			this.deliveries.add(delivery);
			this.deliveries.notifyAll();
		}
		if (!delivery.isSuccess() && attempt <= this.config.redeliveries()) {
			try {
				this.scheduler.schedule(() -> submit(pending, attempt + 1), this.config.redeliveryDelay().toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// closed
			}
		}
	}

	List<Delivery> deliveries() {
		synchronized (this.deliveries) {
			return List.copyOf(this.deliveries);
		}
	}

	List<Delivery> await(Predicate<Delivery> filter, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.deliveries) {
			while (true) {
				List<Delivery> matching = this.deliveries.stream().filter(filter).toList();
				if (matching.size() >= count) {
					return matching;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("Expected " + count + " matching deliveries within " + timeout
							+ " but got " + matching.size() + "; all deliveries: " + this.deliveries);
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.deliveries, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for deliveries", ex);
				}
			}
		}
	}

	void deliverTwice(boolean on) {
		this.twice = on;
	}

	void deliverOutOfOrder(boolean on) {
		this.outOfOrder = on;
		if (!on) {
			Pending unpaired;
			synchronized (this.lock) {
				unpaired = this.waitingToBeOvertaken;
				this.waitingToBeOvertaken = null;
			}
			if (unpaired != null) {
				submit(unpaired, 1);
			}
		}
	}

	void signWithWrongKey(boolean on) {
		this.wrongKey = on;
	}

	void hold() {
		synchronized (this.lock) {
			this.holding = true;
		}
	}

	void holdWebhooks() {
		synchronized (this.lock) {
			this.holdingWebhooks = true;
		}
	}

	/**
	 * Stops holding and sends what was held, oldest first or newest first; returns how
	 * many.
	 */
	int release(boolean reversed) {
		List<Pending> toSend = new ArrayList<>();
		synchronized (this.lock) {
			this.holding = false;
			this.holdingWebhooks = false;
			while (!this.held.isEmpty()) {
				toSend.add(reversed ? this.held.pollLast() : this.held.pollFirst());
			}
		}
		toSend.forEach((pending) -> submit(pending, 1));
		return toSend.size();
	}

	/**
	 * Turns every delivery fault off and forgets held and recorded deliveries (without
	 * sending them).
	 */
	void clear() {
		synchronized (this.lock) {
			this.holding = false;
			this.holdingWebhooks = false;
			this.held.clear();
			this.waitingToBeOvertaken = null;
		}
		this.twice = false;
		this.outOfOrder = false;
		this.wrongKey = false;
		synchronized (this.deliveries) {
			this.deliveries.clear();
		}
	}

	void clearFaults() {
		this.twice = false;
		this.wrongKey = false;
		deliverOutOfOrder(false);
		if (isHolding()) {
			release(false);
		}
	}

	boolean isHolding() {
		synchronized (this.lock) {
			return this.holding || this.holdingWebhooks;
		}
	}

	void close() {
		this.sender.shutdownNow();
		this.httpExecutor.shutdownNow();
	}

	/** A signed body waiting to be posted. */
	private record Pending(Delivery.Kind kind, String type, String url, byte[] body, String signature, long epoch) {

	}

}
