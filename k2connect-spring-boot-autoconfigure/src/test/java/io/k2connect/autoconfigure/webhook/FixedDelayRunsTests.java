package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class FixedDelayRunsTests {

	private final Semaphore ran = new Semaphore(0);

	private ThreadPoolTaskScheduler scheduler;

	@BeforeEach
	void scheduler() {
		this.scheduler = new ThreadPoolTaskScheduler();
		this.scheduler.setThreadNamePrefix("fixed-delay-test-");
		this.scheduler.initialize();
	}

	@AfterEach
	void shutdown() {
		this.scheduler.shutdown();
	}

	@Test
	void runsRepeatedlyWhileStartedAndNotAfterStop() throws Exception {
		FixedDelayRuns runs = new FixedDelayRuns(this.scheduler, this.ran::release, Duration.ofMillis(10));
		assertThat(runs.isRunning()).isFalse();

		runs.start(Instant.now());

		assertThat(runs.isRunning()).isTrue();
		assertThat(this.ran.tryAcquire(3, 5, TimeUnit.SECONDS)).isTrue();
		runs.stop();
		assertThat(runs.isRunning()).isFalse();
		Thread.sleep(50); // a run in progress when stop() came may still finish
		this.ran.drainPermits();
		assertThat(this.ran.tryAcquire(1, 200, TimeUnit.MILLISECONDS)).isFalse();
	}

	@Test
	void startingTwiceSchedulesOnceAndAStoppedRunCanStartAgain() throws Exception {
		FixedDelayRuns runs = new FixedDelayRuns(this.scheduler, this.ran::release, Duration.ofHours(1));

		runs.start(Instant.now());
		runs.start(Instant.now());

		assertThat(this.ran.tryAcquire(1, 5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.ran.tryAcquire(1, 200, TimeUnit.MILLISECONDS)).isFalse();
		runs.stop();
		runs.start(Instant.now());
		assertThat(this.ran.tryAcquire(1, 5, TimeUnit.SECONDS)).isTrue();
		assertThat(runs.isRunning()).isTrue();
	}

	@Test
	void aSchedulerThatRefusesLeavesItStopped() {
		FixedDelayRuns runs = new FixedDelayRuns(this.scheduler, this.ran::release, Duration.ofMillis(10));
		runs.shutdown();

		assertThatException().isThrownBy(() -> runs.start(Instant.now()));
		assertThat(runs.isRunning()).isFalse();
	}

}
