package io.k2connect.simulator;

import java.time.Duration;

import io.k2connect.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ended tokens are forgotten after a while, so a long run does not keep every token it
 * issued.
 */
class TokenStoreTests {

	private static final Duration LIFETIME = Duration.ofMinutes(1);

	private final MutableClock clock = MutableClock.now();

	private final TokenStore tokens = new TokenStore(LIFETIME, this.clock);

	@Test
	void expiredTokenIsRememberedForAWhile() {
		String expired = this.tokens.issue("id").value();
		this.clock.advance(LIFETIME.plus(TokenStore.REMEMBERED_AFTER_END));
		this.tokens.issue("id");

		assertThat(this.tokens.size()).isEqualTo(2);
		assertThat(this.tokens.check(expired)).isEqualTo(TokenStore.State.EXPIRED);
	}

	@Test
	void expiredTokenIsForgottenAfterAWhileAndStillRefused() {
		String expired = this.tokens.issue("id").value();
		this.clock.advance(LIFETIME.plus(TokenStore.REMEMBERED_AFTER_END).plusSeconds(1));
		this.tokens.issue("id");

		assertThat(this.tokens.size()).isEqualTo(1);
		assertThat(this.tokens.check(expired)).isEqualTo(TokenStore.State.INVALID);
	}

	@Test
	void revokedTokenIsForgottenAfterAWhileThoughItsLifetimeIsNotOver() {
		TokenStore longLived = new TokenStore(Duration.ofDays(1), this.clock);
		String revoked = longLived.issue("id").value();
		longLived.revoke(revoked);
		this.clock.advance(TokenStore.REMEMBERED_AFTER_END.plusSeconds(1));
		longLived.issue("id");

		assertThat(longLived.size()).isEqualTo(1);
		assertThat(longLived.check(revoked)).isEqualTo(TokenStore.State.INVALID);
	}

	@Test
	void tokensIssuedForHoursStayBoundedByLifetimeAndMemory() {
		Duration step = Duration.ofSeconds(1);
		for (int i = 0; i < 4 * 3600; i++) {
			this.tokens.issue("id");
			this.clock.advance(step);
		}
		// Alive, remembered after their end, and at most one forget interval not yet
		// swept.
		long bound = LIFETIME.plus(TokenStore.REMEMBERED_AFTER_END).plus(TokenStore.FORGET_INTERVAL).dividedBy(step)
				+ 1;
		assertThat(this.tokens.size()).isLessThanOrEqualTo((int) bound).isGreaterThan(60);
	}

}
