package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.autoconfigure.webhook.K2ReconciliationStore.Window;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.DeliveryKeys;
import io.k2connect.event.PollingResult;
import io.k2connect.event.PollingTransaction;
import io.k2connect.model.Scope;
import io.k2connect.polling.PollingRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Recovers till payments whose webhook never came ({@code k2.reconciliation.*}, off by
 * default). Every {@code interval} one run, on one instance of those sharing the store,
 * asks K2 to replay the transactions of the window since the last reconciled one (a
 * polling request, called back at {@code k2.webhook.public-url}); when its result
 * arrives, each till payment in it is published as the
 * {@link BuygoodsTransactionReceived} its webhook would have carried, in a
 * {@link K2DeliveryEvent} marked {@linkplain K2DeliveryEvent#isRecovered() recovered}.
 *
 * <p>
 * A till payment's delivery key is its transaction id, the same for its webhook and for
 * the polling result that replays it ({@link DeliveryKeys}): one whose webhook came is
 * not published again, and a webhook that comes after its payment was recovered is a
 * repeat. Only when every payment of a window is delivered is the scope reconciled up to
 * the window's end; a listener that fails leaves the window to the next run, which asks
 * for it again.
 *
 * <p>
 * Windows: the first run of a scope covers one interval and the {@code overlap} back from
 * now; each later run starts {@code overlap} before the end of the last reconciled
 * window, so that payments K2 records late are not missed, but never more than
 * {@code max-window} back. With the JDBC store the reconciled time survives restarts, so
 * the first run after a downtime covers it (up to {@code max-window}).
 *
 * <p>
 * Each polling request's callback URL carries its window's id as the query parameter
 * {@value #WINDOW_PARAMETER}; K2 echoes the URL in the signed result, which is how the
 * result is matched to its window. A result that goes missing is fetched by the recovery
 * of missed callbacks ({@code k2.recovery.*}) like any other.
 */
public final class K2Reconciliation implements SmartLifecycle, DisposableBean {

	/** The callback URL's query parameter that names a polling request's window. */
	public static final String WINDOW_PARAMETER = "k2_reconciliation_window";

	private static final Log logger = LogFactory.getLog(K2Reconciliation.class);

	private final K2Client client;

	private final K2ReconciliationStore store;

	private final SyncDelivery delivery;

	private final Settings settings;

	private final ThreadPoolTaskScheduler scheduler;

	private final Clock clock;

	private final FixedDelayRuns runs;

	private final DeliveryObservations observations;

	K2Reconciliation(K2Client client, K2ReconciliationStore store, SyncDelivery delivery, Settings settings,
			ThreadPoolTaskScheduler scheduler, Clock clock, DeliveryObservations observations) {
		this.observations = Objects.requireNonNull(observations, "observations must not be null");
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.store = Objects.requireNonNull(store, "store must not be null");
		this.delivery = Objects.requireNonNull(delivery, "delivery must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.runs = new FixedDelayRuns(scheduler, this::runQuietly, settings.interval());
	}

	/**
	 * Asks K2 now for the window since the last reconciled one, whatever the schedule:
	 * for an operator who knows webhooks were missed, or a test. Its result is reconciled
	 * when it arrives, like a scheduled run's.
	 * @return the polling request's location
	 * @throws io.k2connect.K2Exception when K2 refuses the request or cannot be reached
	 */
	public ResourceLocation reconcileNow() {
		Instant now = this.clock.instant();
		this.store.startRun(this.settings.scopeKey(), now, now.plusMillis(1), now.minus(this.settings.interval()));
		return createWindow(now);
	}

	/**
	 * One scheduled run: creates a polling request for the window since the last
	 * reconciled one, unless another instance's run started in the same slot of the wall
	 * clock (the interval since the epoch that {@code now} falls in), so that the
	 * instances sharing the store make one run per interval between them.
	 * @return the polling request's location, or {@code null} when another run was
	 * started
	 */
	@Nullable ResourceLocation scheduledRun() {
		Instant now = this.clock.instant();
		long interval = this.settings.interval().toMillis();
		Instant slot = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), interval) * interval);
		if (!this.store.startRun(this.settings.scopeKey(), now, slot, now.minus(this.settings.interval()))) {
			logger.debug("Another instance runs this K2 reconciliation");
			return null;
		}
		return createWindow(now);
	}

	private ResourceLocation createWindow(Instant now) {
		Instant reconciledUntil = this.store.reconciledUntil(this.settings.scopeKey());
		Instant earliest = now.minus(this.settings.maxWindow());
		Instant from = (reconciledUntil != null) ? reconciledUntil.minus(this.settings.overlap())
				: now.minus(this.settings.interval()).minus(this.settings.overlap());
		if (from.isBefore(earliest)) {
			logger.warn("K2 reconciliation of " + this.settings.scopeKey() + " was last reconciled until "
					+ reconciledUntil + ", longer ago than k2.reconciliation.max-window (" + this.settings.maxWindow()
					+ "): till payments between then and " + earliest + " are not recovered; poll for them yourself");
			from = earliest;
		}
		if (!from.isBefore(now)) {
			from = now.minusSeconds(1); // K2 wants a window that ends after it starts
		}
		Window window = new Window(UUID.randomUUID().toString(), this.settings.scopeKey(), from, now);
		this.store.windowCreated(window);
		URI callbackUrl = callbackUrl(this.settings.callbackUrl().get(), window.id());
		PollingRequest request = PollingRequest.builder()
			.scope(this.settings.scope())
			.scopeReference(this.settings.till())
			.fromTime(from.atOffset(ZoneOffset.UTC))
			.toTime(now.atOffset(ZoneOffset.UTC))
			.callbackUrl(callbackUrl)
			.build();
		ResourceLocation location = this.client.polling().createPollingRequest(request);
		logger.debug("K2 reconciliation of " + window + " asked at " + location);
		return location;
	}

	static URI callbackUrl(URI endpoint, String windowId) {
		String url = endpoint.toString();
		return URI.create(url + ((endpoint.getRawQuery() == null) ? "?" : "&") + WINDOW_PARAMETER + "=" + windowId);
	}

	/** The window id that a polling result's callback URL carries, if any. */
	static @Nullable String windowId(PollingResult result) {
		String callbackUrl = (result.links() != null) ? result.links().callbackUrl() : null;
		URI uri = K2ResultRecovery.uri(callbackUrl);
		String query = (uri != null) ? uri.getRawQuery() : null;
		if (query == null) {
			return null;
		}
		for (String parameter : query.split("&")) {
			if (parameter.startsWith(WINDOW_PARAMETER + "=")) {
				return URLDecoder.decode(parameter.substring(WINDOW_PARAMETER.length() + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	/**
	 * Reconciles a delivered polling result, if it is one of a run's: on this bean's own
	 * thread, outside the transaction of the listeners that heard the result, so that
	 * each till payment is delivered (and recorded) on its own.
	 */
	void polled(PollingResult result) {
		String id = windowId(result);
		if (id == null || !this.runs.isRunning()) {
			return;
		}
		this.scheduler.execute(() -> {
			try {
				reconcile(id, result);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not reconcile K2 till payments of polling result " + result.id()
						+ "; the next run asks for them again", ex);
			}
		});
	}

	/**
	 * Delivers the till payments of a run's polling result that were not delivered yet.
	 * @return whether every one was delivered (and the window reconciled)
	 */
	boolean reconcile(String windowId, PollingResult result) {
		Window window = this.store.window(windowId);
		if (window == null) {
			logger.debug("K2 polling result " + result.id() + " is of no waiting window (reconciled already)");
			return false;
		}
		if (result.status() == null || !result.status().equalsIgnoreCase("Success")) {
			logger.warn("K2 polling request " + result.id() + " for " + window + " ended " + result.status()
					+ "; the next run asks for its window again");
			return false;
		}
		int recovered = 0;
		int seen = 0;
		boolean complete = true;
		List<PollingTransaction> transactions = (result.transactions() != null) ? result.transactions() : List.of();
		for (PollingTransaction transaction : transactions) {
			if (!transaction.isBuygoodsTransaction()) {
				continue;
			}
			BuygoodsTransactionReceived payment = transaction.toBuygoodsTransactionReceived();
			String key = Objects.requireNonNull(DeliveryKeys.ofContent(payment));
			try {
				switch (this.delivery.observed(this.observations, K2DeliveryObservationContext.RECONCILIATION, key,
						payment)) {
					case PUBLISHED -> recovered++;
					case DUPLICATE -> seen++;
					case IN_PROGRESS -> complete = false; // its webhook is being
															// processed now
				}
			}
			catch (RuntimeException ex) {
				complete = false;
				logger.warn("A listener failed on recovered K2 till payment " + key
						+ "; the next reconciliation run delivers it again", ex);
			}
		}
		if (recovered > 0) {
			logger.info("Recovered " + recovered + " K2 till payment(s) of " + window.scope() + " between "
					+ window.from() + " and " + window.to() + " whose webhook did not come (" + seen + " had come)");
		}
		if (complete) {
			this.store.reconciled(window);
		}
		return complete;
	}

	@Override
	public void start() {
		this.runs.start(this.clock.instant());
	}

	private void runQuietly() {
		try {
			scheduledRun();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not run the K2 reconciliation of " + this.settings.scopeKey() + "; the next run covers "
					+ "its window", ex);
		}
	}

	@Override
	public void stop() {
		this.runs.stop();
	}

	@Override
	public void destroy() {
		this.runs.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.runs.isRunning();
	}

	/**
	 * Starts after the web server, so that the first run's result finds the endpoint, and
	 * stops before it.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	@Override
	public String toString() {
		return "K2Reconciliation[scope=" + this.settings.scopeKey() + ", interval=" + this.settings.interval()
				+ ", overlap=" + this.settings.overlap() + ", maxWindow=" + this.settings.maxWindow() + ", store="
				+ this.store + "]";
	}

	/**
	 * What to reconcile, and when.
	 *
	 * @param scope a till or the company
	 * @param till the till number for a till scope, else {@code null}
	 * @param interval the time between two runs
	 * @param overlap how far each window reaches back into the last reconciled one
	 * @param maxWindow how far back a window reaches at most
	 * @param callbackUrl the webhook endpoint's public URL, looked up at each run (in the
	 * simulator, the local port is known only once the server runs)
	 */
	record Settings(Scope scope, @Nullable String till, Duration interval, Duration overlap, Duration maxWindow,
			Supplier<URI> callbackUrl) {

		String scopeKey() {
			return (this.scope == Scope.TILL) ? "till:" + this.till : "company";
		}

	}

	/**
	 * How long the delivery store remembers a delivery, which bounds how far back a
	 * window may reach.
	 *
	 * @param retention the retention
	 * @param property the property that sets it
	 */
	record Retention(Duration retention, String property) {
	}

	/** Hears every delivered polling result, however it arrived. */
	static final class PollingResultListener implements ApplicationListener<K2DeliveryEvent<PollingResult>> {

		private final Supplier<K2Reconciliation> reconciliation;

		PollingResultListener(Supplier<K2Reconciliation> reconciliation) {
			this.reconciliation = reconciliation;
		}

		@Override
		public void onApplicationEvent(K2DeliveryEvent<PollingResult> event) {
			this.reconciliation.get().polled(event.getPayload());
		}

		@Override
		public boolean supportsAsyncExecution() {
			return false;
		}

	}

}
