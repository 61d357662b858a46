package io.k2connect.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import io.k2connect.K2Client;
import io.k2connect.K2Exception;
import io.k2connect.token.AccessToken;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the application can talk to K2: UP when an access token can be
 * obtained, DOWN with the error otherwise: a {@link K2Exception} with its message (which
 * never holds a secret), anything else by its class name alone.
 *
 * <p>
 * It asks the client for its token, which is the cached one while it is fresh, so a
 * healthy application causes no extra calls; and it keeps each answer for a minute, so a
 * monitoring system polling every second never hammers K2's token endpoint while it is
 * down. While one check runs, other health requests get the previous answer (or UNKNOWN)
 * at once. The details never contain the token or any secret.
 */
public final class K2HealthIndicator implements HealthIndicator {

	/** How long an answer is reused. */
	public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(1);

	private final K2Client client;

	private final Clock clock;

	private final Duration checkInterval;

	private final ReentrantLock checking = new ReentrantLock();

	private volatile @Nullable Checked last;

	/**
	 * An indicator checking at most once a minute.
	 * @param client the client to check
	 */
	public K2HealthIndicator(K2Client client) {
		this(client, Clock.systemUTC(), DEFAULT_CHECK_INTERVAL);
	}

	/**
	 * An indicator with its own clock and interval.
	 * @param client the client to check
	 * @param clock the clock that ages answers
	 * @param checkInterval how long an answer is reused
	 */
	public K2HealthIndicator(K2Client client, Clock clock, Duration checkInterval) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval must not be null");
	}

	@Override
	public Health health() {
		Checked checked = this.last;
		Instant now = this.clock.instant();
		if (checked != null && now.isBefore(checked.at().plus(this.checkInterval))) {
			return checked.health();
		}
		// One check at a time, and nobody queues behind it: a slow K2 must not stall
		// every health request (and the probes that depend on them) for the length of a
		// timeout.
		if (!this.checking.tryLock()) {
			return (checked != null) ? checked.health()
					: Health.unknown().withDetail("baseUrl", this.client.baseUrl().toString()).build();
		}
		try {
			checked = this.last;
			if (checked != null && now.isBefore(checked.at().plus(this.checkInterval))) {
				return checked.health();
			}
			Health health = check();
			this.last = new Checked(now, health);
			return health;
		}
		finally {
			this.checking.unlock();
		}
	}

	private Health check() {
		try {
			AccessToken token = this.client.accessToken();
			return Health.up()
				.withDetail("baseUrl", this.client.baseUrl().toString())
				.withDetail("tokenExpiresAt", token.expiresAt().toString())
				.build();
		}
		catch (RuntimeException ex) {
			// Not only K2Exceptions: whatever escapes (a broken clock, a bug) must become
			// an answer that is cached like any other, or every probe would try again at
			// once.
			String error = (ex instanceof K2Exception) ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
					: ex.getClass().getSimpleName();
			return Health.down()
				.withDetail("baseUrl", this.client.baseUrl().toString())
				.withDetail("error", error)
				.build();
		}
	}

	private record Checked(Instant at, Health health) {
	}

}
