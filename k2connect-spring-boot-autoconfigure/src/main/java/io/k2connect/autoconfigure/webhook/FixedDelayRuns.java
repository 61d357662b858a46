package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One piece of work run with a fixed delay between runs, on a scheduler of its own,
 * between {@link #start} and {@link #stop}: the lifecycle the result recovery and the
 * reconciliation share.
 */
final class FixedDelayRuns {

	private final ThreadPoolTaskScheduler scheduler;

	private final Runnable work;

	private final Duration delay;

	private volatile boolean running;

	private @Nullable ScheduledFuture<?> runs;

	FixedDelayRuns(ThreadPoolTaskScheduler scheduler, Runnable work, Duration delay) {
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
		this.work = Objects.requireNonNull(work, "work must not be null");
		this.delay = Objects.requireNonNull(delay, "delay must not be null");
	}

	/** Schedules the runs, the first at {@code first}; does nothing when running. */
	synchronized void start(Instant first) {
		if (this.running) {
			return;
		}
		this.runs = this.scheduler.scheduleWithFixedDelay(this.work, first, this.delay);
		this.running = true;
	}

	/** Cancels the runs to come; one in progress finishes. */
	synchronized void stop() {
		this.running = false;
		if (this.runs != null) {
			this.runs.cancel(false);
			this.runs = null;
		}
	}

	/** Stops, and shuts the scheduler down for good. */
	void shutdown() {
		stop();
		this.scheduler.shutdown();
	}

	boolean isRunning() {
		return this.running;
	}

}
