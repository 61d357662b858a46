package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.k2connect.K2ApiException;
import io.k2connect.K2Client;
import io.k2connect.K2ConnectionException;
import io.k2connect.K2CreateObserver;
import io.k2connect.ResourceLocation;
import io.k2connect.StatusDocument;
import io.k2connect.autoconfigure.observation.K2DeliveryObservationContext;
import io.k2connect.autoconfigure.webhook.K2OutstandingResults.Outstanding;
import io.k2connect.event.DeliveryKeys;
import io.k2connect.event.K2Result;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Recovers results whose callback never came ({@code k2.recovery.*}). Every request the
 * auto-configured client creates that K2 answers with a callback (STK push, payment,
 * settlement, send money, reversal, payment link, polling, SMS notification) is
 * remembered in the {@link K2OutstandingResults} until its result reaches the webhook
 * endpoint. When none has come after {@code result-timeout}, this asks the request's
 * location: a final status is published as the same record the callback would have
 * carried, in a {@link K2DeliveryEvent} marked {@linkplain K2DeliveryEvent#isRecovered()
 * recovered}; a pending one is asked again with a growing delay until
 * {@code give-up-after}, then reported once (a warning and a {@link K2ResultGivenUp}
 * event).
 *
 * <p>
 * Only results whose callback URL is this application's webhook path are recovered: a
 * request made here for another application's endpoint is forgotten when its status names
 * that endpoint.
 *
 * <p>
 * The recovered result and its callback have the same delivery key, claimed in the same
 * registry: whichever arrives first is published, the other is a repeat. With the JDBC
 * store the waiting requests are in the database, so the next start and the other
 * instances know them, and one instance at a time checks each.
 */
public final class K2ResultRecovery implements SmartLifecycle, DisposableBean {

	/** The creates K2 answers with a callback, by the end of their collection path. */
	private static final List<String> WITH_CALLBACK = List.of("/incoming_payments", "/payments", "/send_money",
			"/settlement_transfers", "/reversals", "/payment_links", "/polling", "/transaction_sms_notifications");

	private static final Set<String> PENDING = Set.of("", "pending", "scheduled", "processing", "queued", "initiated",
			"active");

	private static final Log logger = LogFactory.getLog(K2ResultRecovery.class);

	private final K2Client client;

	private final K2OutstandingResults outstanding;

	private final SyncDelivery delivery;

	private final ApplicationEventPublisher publisher;

	private final Settings settings;

	private final Clock clock;

	private final FixedDelayRuns runs;

	private final DeliveryObservations observations;

	K2ResultRecovery(K2Client client, K2OutstandingResults outstanding, SyncDelivery delivery,
			ApplicationEventPublisher publisher, Settings settings, ThreadPoolTaskScheduler scheduler, Clock clock,
			DeliveryObservations observations) {
		this.observations = Objects.requireNonNull(observations, "observations must not be null");
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.outstanding = Objects.requireNonNull(outstanding, "outstanding must not be null");
		this.delivery = Objects.requireNonNull(delivery, "delivery must not be null");
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.runs = new FixedDelayRuns(scheduler, this::recoverQuietly, settings.pollInterval());
	}

	/**
	 * The observer that remembers each created request that has a callback; the
	 * auto-configuration gives it to the client. The store is looked up on the first
	 * create, not before: it may need beans that need the client.
	 */
	static K2CreateObserver observer(Supplier<K2OutstandingResults> outstanding, Duration resultTimeout, Clock clock) {
		return (path, location) -> {
			if (hasCallback(path)) {
				Instant now = clock.instant();
				outstanding.get().remember(location.location(), now, now.plus(resultTimeout));
			}
		};
	}

	static boolean hasCallback(String path) {
		for (String collection : WITH_CALLBACK) {
			if (path.endsWith(collection)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Checks the requests whose result is overdue, once; runs every
	 * {@code k2.recovery.poll-interval} while this bean is running.
	 * @return how many requests were checked
	 */
	public int recoverDue() {
		int checked = 0;
		List<Outstanding> due;
		while (!(due = this.outstanding.claimChecks(16)).isEmpty()) {
			for (Outstanding request : due) {
				checkGuarded(request);
				checked++;
			}
			if (!this.runs.isRunning() && checked > 0) {
				break;
			}
		}
		return checked;
	}

	/** A check that fails unexpectedly still gives its claim back, for a later check. */
	private void checkGuarded(Outstanding request) {
		try {
			check(request);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check K2 request " + request.location() + "; will try again", ex);
			try {
				this.outstanding.checkAgain(request.location(), this.clock.instant().plus(delay(request.checks())));
			}
			catch (RuntimeException again) {
				logger.debug("Could not reschedule; its claim runs out instead", again);
			}
		}
	}

	private void check(Outstanding request) {
		URI location = request.location();
		Instant now = this.clock.instant();
		StatusDocument document;
		try {
			document = this.client.statusDocument(ResourceLocation.of(location));
		}
		catch (K2ApiException ex) {
			if (ex.status() == 404) {
				giveUp(request, "K2 does not know its location");
			}
			else {
				later(request, now, "K2 answered " + ex.status());
			}
			return;
		}
		catch (K2ConnectionException ex) {
			later(request, now, "K2 could not be reached");
			return;
		}
		catch (RuntimeException ex) {
			later(request, now, ex.getClass().getSimpleName());
			return;
		}
		if (document.payload() instanceof K2Result result && !callsBackHere(result)) {
			// Its callback goes to another application: recovering it here would publish
			// a result this one never asked to hear.
			logger.debug("Not recovering " + location + ": its callback goes elsewhere");
			this.outstanding.resolved(location);
			return;
		}
		if (!(document.payload() instanceof K2Result result) || isPending(result.status())) {
			later(request, now, null);
			return;
		}
		String key = DeliveryKeys.of(result, document.body());
		SyncDelivery.Outcome outcome;
		try {
			outcome = this.delivery.observed(this.observations, K2DeliveryObservationContext.RECOVERY, key, result);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener failed on recovered K2 result " + key + "; it is recovered again later", ex);
			this.outstanding.checkAgain(location, now.plus(delay(request.checks())));
			return;
		}
		switch (outcome) {
			case PUBLISHED -> {
				logger.info("Recovered K2 result " + key + " from " + location + ": its callback did not come within "
						+ this.settings.resultTimeout());
				this.outstanding.resolved(location);
			}
			case DUPLICATE -> this.outstanding.resolved(location); // the callback came
			case IN_PROGRESS -> this.outstanding.checkAgain(location, now.plusSeconds(1));
		}
	}

	private void later(Outstanding request, Instant now, @Nullable String why) {
		Instant giveUpAt = request.createdAt().plus(this.settings.giveUpAfter());
		if (!now.isBefore(giveUpAt)) {
			giveUp(request, (why != null) ? why : "its status is still pending");
			return;
		}
		Instant next = now.plus(delay(request.checks()));
		this.outstanding.checkAgain(request.location(), next.isAfter(giveUpAt) ? giveUpAt : next);
	}

	private Duration delay(int checks) {
		Duration timeout = this.settings.resultTimeout();
		Duration delay = timeout.multipliedBy(1L << Math.min(checks, 16));
		return (delay.compareTo(this.settings.maxInterval()) > 0) ? this.settings.maxInterval() : delay;
	}

	private void giveUp(Outstanding request, String why) {
		this.outstanding.resolved(request.location());
		K2DeliveryObservationContext context = new K2DeliveryObservationContext(K2DeliveryObservationContext.RECOVERY,
				"sync");
		context.setOutcome("given_up");
		this.observations.record(context);
		logger.warn("Gave up waiting for the result of K2 request " + request.location() + " created at "
				+ request.createdAt() + " (" + why + ", " + (request.checks() + 1) + " checks); look it up at K2");
		try {
			this.publisher
				.publishEvent(new K2ResultGivenUp(request.location(), request.createdAt(), request.checks() + 1));
		}
		catch (RuntimeException ex) {
			logger.warn("A listener failed on K2ResultGivenUp for " + request.location(), ex);
		}
	}

	/** Whether the result's callback URL is this application's webhook path. */
	private boolean callsBackHere(K2Result result) {
		String callbackUrl = (result.links() != null) ? result.links().callbackUrl() : null;
		if (callbackUrl == null) {
			return true; // K2 did not say: assume the request was made for this endpoint
		}
		// Ends with: a context path or servlet path may come before the endpoint's.
		URI uri = uri(callbackUrl);
		String path = (uri != null) ? uri.getPath() : null;
		return path != null && stripSlash(path).endsWith(stripSlash(this.settings.webhookPath()));
	}

	/** A link of a result as a URI, or {@code null} when it is none. */
	static @Nullable URI uri(@Nullable String link) {
		if (link == null) {
			return null;
		}
		try {
			return new URI(link);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String stripSlash(String path) {
		return (path.endsWith("/") && path.length() > 1) ? path.substring(0, path.length() - 1) : path;
	}

	static boolean isPending(@Nullable String status) {
		return status == null || PENDING.contains(status.trim().toLowerCase(Locale.ROOT));
	}

	@Override
	public void start() {
		this.runs.start(Instant.now());
	}

	private void recoverQuietly() {
		try {
			recoverDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the K2 requests waiting for their result; will try again", ex);
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

	/** Stops with the inbox, after the web server. */
	@Override
	public int getPhase() {
		return K2Inbox.PHASE;
	}

	@Override
	public String toString() {
		return "K2ResultRecovery[" + this.settings + ", outstanding=" + this.outstanding + "]";
	}

	/**
	 * When to recover.
	 *
	 * @param resultTimeout how long a result may take before its location is asked
	 * @param giveUpAfter how long after its creation a request is given up
	 * @param pollInterval how often overdue requests are looked for
	 * @param maxInterval the longest delay between two checks of one request
	 * @param webhookPath the webhook endpoint's path: only results called back there are
	 * recovered
	 */
	record Settings(Duration resultTimeout, Duration giveUpAfter, Duration pollInterval, Duration maxInterval,
			String webhookPath) {
	}

}
