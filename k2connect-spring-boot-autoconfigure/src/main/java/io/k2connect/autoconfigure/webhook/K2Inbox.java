package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.autoconfigure.webhook.K2InboxStore.ClaimedDelivery;
import io.k2connect.autoconfigure.webhook.K2InboxStore.Counts;
import io.k2connect.autoconfigure.webhook.K2InboxStore.DeadDelivery;
import io.k2connect.autoconfigure.webhook.K2InboxStore.LostClaimException;
import io.k2connect.autoconfigure.webhook.K2InboxStore.Stored;
import io.k2connect.event.DarajaEvent;
import io.k2connect.event.K2Event;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2Result;
import io.k2connect.event.UnknownPayload;
import io.k2connect.webhook.K2ResultProcessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;

/**
 * The inbox of {@code k2.webhook.processing=async}: the webhook endpoint stores each new
 * delivery here and answers K2 at once; the inbox then publishes it to the application's
 * listeners, the same {@code @EventListener}s as in {@code sync} mode, on its own
 * threads.
 *
 * <ul>
 * <li>Listeners run inside a transaction of the application's transaction manager (when
 * it has one), which also records the delivery as processed: with the JDBC store, the
 * listeners' own database work and the record commit or roll back together, and
 * {@code @TransactionalEventListener} (Spring Modulith's
 * {@code @ApplicationModuleListener} too) sees the transaction.</li>
 * <li>A listener that throws gets the delivery again after an exponential backoff with
 * jitter ({@code k2.webhook.retry.*}); after the last attempt the delivery is
 * <em>dead</em>: kept, logged once (its key, kind and the failure's class, no payload
 * data), counted in {@link #counts()} and listed by {@link #deadDeliveries(int)}, until
 * {@link #replay(String) replayed}.</li>
 * <li>Deliveries stored but not processed when an instance stops are processed after the
 * restart, or by another instance sharing the store, whichever polls first; at most one
 * instance holds a delivery at a time.</li>
 * <li>On shutdown (after the web server stopped taking requests) the inbox stops
 * claiming, gives back deliveries it claimed but did not start, and waits up to
 * {@code k2.webhook.inbox.shutdown-timeout} for those it started.</li>
 * </ul>
 * Created by the auto-configuration; the actuator endpoint {@code k2deliveries} uses the
 * same methods.
 */
public final class K2Inbox implements SmartLifecycle, DisposableBean {

	/** Stops after the web server (lower phase) and before the delivery store. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

	private static final Log logger = LogFactory.getLog(K2Inbox.class);

	private final K2InboxStore store;

	private final K2ResultProcessor processor;

	private final ApplicationEventPublisher publisher;

	private final ListenerTransactions transactions;

	private final Settings settings;

	private final Threads threads;

	/**
	 * One per delivery this instance holds a claim on and has not finished: queued or
	 * being dispatched. Bounds the queue, so that the instance never claims more than it
	 * can work through.
	 */
	private final Semaphore slots;

	private final int capacity;

	/** Claimed deliveries waiting for a dispatcher. */
	private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();

	private final AtomicBoolean pollRequested = new AtomicBoolean();

	/** Whether the last poll may have left due deliveries behind. */
	private volatile boolean backlog;

	private volatile boolean running;

	private @Nullable ScheduledFuture<?> poller;

	/** Counted down by each dispatcher as it stops. */
	private @Nullable CountDownLatch dispatchersStopped;

	private final DeliveryObservations observations;

	K2Inbox(K2InboxStore store, K2ResultProcessor processor, ApplicationEventPublisher publisher,
			ListenerTransactions transactions, Settings settings, Threads threads, DeliveryObservations observations) {
		this.observations = Objects.requireNonNull(observations, "observations must not be null");
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.processor = Objects.requireNonNull(processor, "processor must not be null");
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
		this.transactions = Objects.requireNonNull(transactions, "transactions must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.threads = Objects.requireNonNull(threads, "threads must not be null");
		// Enough for every dispatcher to find work waiting, so that claims come in
		// batches.
		this.capacity = Math.max(64, settings.concurrency() * 16);
		this.slots = new Semaphore(this.capacity);
	}

	/**
	 * Counts the store's deliveries in each state.
	 * @return the counts
	 */
	public Counts counts() {
		return this.store.counts();
	}

	/**
	 * Lists dead deliveries, oldest first: keys, kinds, attempts and the class of the
	 * last failure, no payload data.
	 * @param max how many at most
	 * @return the dead deliveries
	 */
	public List<DeadDelivery> deadDeliveries(int max) {
		return this.store.deadDeliveries(max);
	}

	/**
	 * Delivers a dead delivery to the listeners again, with a fresh count of attempts.
	 * @param deliveryKey its key, as {@link #deadDeliveries(int)} lists it
	 * @return whether it was dead (and is now waiting for its next attempt)
	 */
	public boolean replay(String deliveryKey) {
		Objects.requireNonNull(deliveryKey, "deliveryKey must not be null");
		boolean replayed = this.store.replay(deliveryKey);
		if (replayed) {
			logger.info("Replaying dead K2 delivery " + deliveryKey);
			requestPoll();
		}
		return replayed;
	}

	/**
	 * Delivers every dead delivery to the listeners again, with fresh counts of attempts.
	 * @return how many there were
	 */
	public int replayAll() {
		int replayed = this.store.replayAll();
		if (replayed > 0) {
			logger.info("Replaying " + replayed + " dead K2 deliveries");
			requestPoll();
		}
		return replayed;
	}

	/**
	 * Stores a verified delivery; when this instance has room in its queue, claims it in
	 * the same step and queues it at once, reusing the parsed payload.
	 */
	Stored accept(String deliveryKey, K2Payload payload, byte[] body) {
		boolean local = this.running && this.slots.tryAcquire();
		Stored stored;
		try {
			stored = this.store.store(deliveryKey, kindOf(payload), body, local);
		}
		catch (RuntimeException | Error ex) {
			if (local) {
				this.slots.release();
			}
			throw ex;
		}
		if (local && stored == Stored.STORED) {
			this.queue.add(new Work(new ClaimedDelivery(deliveryKey, body, 1), payload));
		}
		else {
			if (local) {
				this.slots.release();
			}
			if (stored == Stored.STORED) {
				this.backlog = true;
			}
		}
		return stored;
	}

	/** What a delivery is, for listings: its topic, result type or shape. */
	static String kindOf(K2Payload payload) {
		String kind = null;
		if (payload instanceof K2Event event) {
			kind = event.topic();
		}
		else if (payload instanceof K2Result result) {
			kind = result.type();
		}
		else if (payload instanceof DarajaEvent daraja) {
			kind = (daraja.transactionType() != null) ? "daraja:" + daraja.transactionType() : "daraja";
		}
		else if (payload instanceof UnknownPayload unknown) {
			kind = (unknown.topic() != null) ? unknown.topic() : unknown.type();
		}
		return (kind != null && !kind.isBlank()) ? kind : "unknown";
	}

	/** One dispatcher: takes queued deliveries until the inbox stops. */
	private void dispatchUntilStopped(CountDownLatch stopped) {
		try {
			while (this.running) {
				Work work;
				try {
					work = this.queue.poll(100, TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (work != null) {
					dispatch(work.delivery(), work.payload());
				}
			}
		}
		finally {
			stopped.countDown();
		}
	}

	private void dispatch(ClaimedDelivery delivery, @Nullable K2Payload parsed) {
		K2DeliveryObservationContext context = new K2DeliveryObservationContext(K2DeliveryObservationContext.DISPATCH,
				"async");
		context.setDeliveryKey(delivery.deliveryKey());
		try {
			this.observations.observe(context, () -> {
				dispatch(delivery, parsed, context);
				return null;
			});
		}
		finally {
			this.slots.release();
			// Refill in batches: one claim statement for many deliveries.
			if (this.backlog && this.slots.availablePermits() >= this.capacity / 2) {
				requestPoll();
			}
		}
	}

	private void dispatch(ClaimedDelivery delivery, @Nullable K2Payload parsed, K2DeliveryObservationContext context) {
		String key = delivery.deliveryKey();
		try {
			K2Payload payload = (parsed != null) ? parsed : this.processor.parseWithoutVerification(delivery.body());
			context.setType(DeliveryObservations.typeOf(payload));
			this.transactions.run(() -> {
				this.publisher.publishEvent(new K2DeliveryEvent<>(this.publisher, payload, false));
				this.store.succeeded(key);
			});
			context.setOutcome("processed");
		}
		catch (LostClaimException ex) {
			context.setOutcome("lost_claim");
			logger.warn(ex.getMessage() + (this.transactions.transactional()
					? "; its listeners' transaction was" + " rolled back here" : "; it may have been published twice")
					+ " (consider a longer k2.webhook.jdbc.lease)");
		}
		catch (RuntimeException | Error ex) {
			// Errors too (a listener recursing without end, say): recorded like any
			// failure, and the dispatcher goes on, so that one bad delivery cannot stop
			// them all.
			context.setError(ex);
			context.setOutcome(failed(delivery, ex) ? "dead" : "retrying");
		}
	}

	/** Records a failure: dead after the last attempt; whether it is dead. */
	private boolean failed(ClaimedDelivery delivery, Throwable failure) {
		String key = delivery.deliveryKey();
		String error = failure.getClass().getName();
		Retry retry = this.settings.retry();
		boolean dead = delivery.attempt() >= retry.maxAttempts();
		try {
			if (dead) {
				this.store.failed(key, error, null);
				logger.error("K2 delivery " + key + " is dead after " + delivery.attempt() + " attempts (last failure: "
						+ error + "); it is kept: replay it with K2Inbox.replay or the k2deliveries actuator endpoint");
			}
			else {
				Duration retryIn = retry.delayAfter(delivery.attempt());
				this.store.failed(key, error, retryIn);
				logger.warn("A listener failed on K2 delivery " + key + " (attempt " + delivery.attempt() + " of "
						+ retry.maxAttempts() + "); trying again in " + retryIn.toMillis() + " ms", failure);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the failure of K2 delivery " + key
					+ "; it is attempted again once its claim runs out", ex);
		}
		return dead;
	}

	private void requestPoll() {
		if (this.running && this.pollRequested.compareAndSet(false, true)) {
			try {
				this.threads.scheduler().schedule(this::poll, Instant.now());
			}
			catch (TaskRejectedException ex) {
				this.pollRequested.set(false);
			}
		}
	}

	/** Claims as many due deliveries as there is room for in the queue. */
	void poll() {
		this.pollRequested.set(false);
		if (!this.running) {
			return;
		}
		int free = this.slots.drainPermits();
		if (free == 0) {
			this.backlog = true;
			return;
		}
		List<ClaimedDelivery> claimed;
		try {
			claimed = this.store.claimDue(free);
		}
		catch (RuntimeException ex) {
			this.slots.release(free);
			logger.warn("Could not claim stored K2 deliveries; will try again", ex);
			return;
		}
		this.slots.release(free - claimed.size());
		this.backlog = claimed.size() == free;
		for (ClaimedDelivery delivery : claimed) {
			this.queue.add(new Work(delivery, null));
		}
		if (!this.running) {
			giveBackQueued(); // stopped while claiming: stop() may have emptied the queue
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		int concurrency = this.settings.concurrency();
		CountDownLatch stopped = new CountDownLatch(concurrency);
		this.dispatchersStopped = stopped;
		for (int i = 0; i < concurrency; i++) {
			this.threads.executor().execute(() -> dispatchUntilStopped(stopped));
		}
		// The first poll at once: deliveries left by the last run are processed first.
		this.poller = this.threads.scheduler()
			.scheduleWithFixedDelay(this::poll, Instant.now(), this.settings.pollInterval());
	}

	@Override
	public void stop() {
		CountDownLatch stopped;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			if (this.poller != null) {
				this.poller.cancel(false);
				this.poller = null;
			}
			stopped = this.dispatchersStopped;
		}
		boolean finished;
		try {
			finished = stopped == null
					|| stopped.await(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			finished = false;
		}
		if (!finished) {
			logger.warn("K2 deliveries were still being dispatched " + this.settings.shutdownTimeout()
					+ " after shutdown began; their claims run out and they are processed again, here after a"
					+ " restart or by another instance");
		}
		giveBackQueued();
	}

	/** Claimed, never started: given back, so that another instance takes them now. */
	private void giveBackQueued() {
		Work work;
		while ((work = this.queue.poll()) != null) {
			try {
				this.store.release(work.delivery().deliveryKey());
			}
			catch (RuntimeException ex) {
				logger.debug("Could not give back a K2 delivery; its claim runs out instead", ex);
			}
			this.slots.release();
		}
	}

	@Override
	public void destroy() {
		stop();
		this.threads.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public String toString() {
		return "K2Inbox[store=" + this.store + ", " + this.settings + "]";
	}

	/** A claimed delivery and, when it arrived here, its parsed payload. */
	private record Work(ClaimedDelivery delivery, @Nullable K2Payload payload) {
	}

	/**
	 * How the inbox dispatches.
	 *
	 * @param concurrency how many dispatchers (threads) this instance runs
	 * @param pollInterval how often it looks for due deliveries
	 * @param shutdownTimeout how long shutdown waits for deliveries being dispatched
	 * @param retry when failed deliveries are attempted again
	 */
	record Settings(int concurrency, Duration pollInterval, Duration shutdownTimeout, Retry retry) {

		Settings {
			if (concurrency < 1) {
				throw new IllegalArgumentException("concurrency must be at least 1");
			}
			Objects.requireNonNull(pollInterval, "pollInterval must not be null");
			Objects.requireNonNull(shutdownTimeout, "shutdownTimeout must not be null");
			Objects.requireNonNull(retry, "retry must not be null");
		}

	}

	/**
	 * Exponential backoff with jitter: attempt {@code n} failed, the next comes after
	 * {@code initialInterval * multiplier^(n-1)}, at most {@code maxInterval}, of which a
	 * random half is taken off so that deliveries that failed together do not come back
	 * together.
	 *
	 * @param maxAttempts attempts before a delivery is dead
	 * @param initialInterval the delay after the first failure
	 * @param maxInterval the longest delay
	 * @param multiplier the growth of the delay per attempt
	 */
	record Retry(int maxAttempts, Duration initialInterval, Duration maxInterval, double multiplier) {

		Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be at least 1");
			}
			Objects.requireNonNull(initialInterval, "initialInterval must not be null");
			Objects.requireNonNull(maxInterval, "maxInterval must not be null");
			if (multiplier < 1) {
				throw new IllegalArgumentException("multiplier must be at least 1");
			}
		}

		Duration delayAfter(int attempt) {
			double full = this.initialInterval.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt - 1));
			long capped = (long) Math.min(full, this.maxInterval.toMillis());
			long jitter = (capped > 1) ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0;
			return Duration.ofMillis(capped - jitter);
		}

	}

	/**
	 * The inbox's threads: dispatchers and the poller; closed when the inbox stops.
	 *
	 * @param executor runs the listeners
	 * @param scheduler runs the polls
	 * @param closer shuts both down
	 */
	record Threads(AsyncTaskExecutor executor, TaskScheduler scheduler, Runnable closer) {

		void close() {
			this.closer.run();
		}

	}

}
