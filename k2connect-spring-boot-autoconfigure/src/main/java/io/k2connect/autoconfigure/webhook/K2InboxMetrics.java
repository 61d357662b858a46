package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.k2connect.autoconfigure.webhook.K2InboxStore.Counts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The inbox's gauges ({@code k2.webhook.processing=async}): {@value #NAME}, tagged
 * {@code state} = {@code pending}, {@code retrying}, {@code dead} or {@code in_progress}.
 * The counts come from the store (a query of the delivery table with the JDBC store), so
 * they are read at most once every {@value #CACHE_SECONDS} seconds however often the
 * gauges are scraped. Registered by the auto-configuration when Micrometer's metrics are
 * on the class path.
 */
public final class K2InboxMetrics implements MeterBinder {

	/** The gauges' name. */
	public static final String NAME = "k2.inbox.deliveries";

	static final long CACHE_SECONDS = 5;

	private static final Log logger = LogFactory.getLog(K2InboxMetrics.class);

	private final K2Inbox inbox;

	private @Nullable Counts counts;

	private long readAt;

	/**
	 * Gauges of an inbox.
	 * @param inbox the inbox
	 */
	public K2InboxMetrics(K2Inbox inbox) {
		this.inbox = Objects.requireNonNull(inbox, "inbox must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "pending", Counts::pending, "Deliveries stored and waiting for their first attempt");
		gauge(registry, "retrying", Counts::retrying, "Deliveries waiting for another attempt after a failure");
		gauge(registry, "dead", Counts::dead, "Deliveries that failed their last attempt, kept for replay");
		gauge(registry, "in_progress", Counts::inProgress, "Deliveries being processed now");
	}

	private void gauge(MeterRegistry registry, String state, ToDoubleFunction<Counts> count, String description) {
		Gauge.builder(NAME, this, (metrics) -> {
			Counts counts = metrics.counts();
			return (counts != null) ? count.applyAsDouble(counts) : Double.NaN;
		}).tag("state", state).description(description).register(registry);
	}

	private synchronized @Nullable Counts counts() {
		long now = System.nanoTime();
		if (this.counts == null || now - this.readAt > Duration.ofSeconds(CACHE_SECONDS).toNanos()) {
			try {
				this.counts = this.inbox.counts();
				this.readAt = now;
			}
			catch (RuntimeException ex) {
				logger.debug("Could not count the inbox's deliveries", ex);
				return null;
			}
		}
		return this.counts;
	}

}
