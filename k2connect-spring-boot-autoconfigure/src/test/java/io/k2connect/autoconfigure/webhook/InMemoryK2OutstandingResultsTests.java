package io.k2connect.autoconfigure.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.k2connect.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryK2OutstandingResultsTests {

	private final MutableClock clock = MutableClock.now();

	private final InMemoryK2OutstandingResults outstanding = new InMemoryK2OutstandingResults(3, this.clock);

	@Test
	void aRequestIsDueAtItsCheckTimeAndClaimedOnce() {
		Instant now = this.clock.instant();
		this.outstanding.remember(uri("a"), now, now.plusSeconds(60));

		assertThat(this.outstanding.claimChecks(10)).isEmpty();
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(this.outstanding.claimChecks(10)).singleElement().satisfies((request) -> {
			assertThat(request.location()).isEqualTo(uri("a"));
			assertThat(request.createdAt()).isEqualTo(now);
			assertThat(request.checks()).isZero();
		});
		assertThat(this.outstanding.claimChecks(10)).isEmpty();
	}

	@Test
	void aRequestCheckedAgainCountsItsChecks() {
		Instant now = this.clock.instant();
		this.outstanding.remember(uri("a"), now, now);
		this.outstanding.claimChecks(1);
		this.outstanding.checkAgain(uri("a"), now.plusSeconds(5));

		assertThat(this.outstanding.claimChecks(1)).isEmpty();
		this.clock.advance(Duration.ofSeconds(5));
		assertThat(this.outstanding.claimChecks(1)).singleElement()
			.satisfies((request) -> assertThat(request.checks()).isOne());
	}

	@Test
	void aResolvedRequestIsForgottenAndRememberingTwiceKeepsTheFirst() {
		Instant now = this.clock.instant();
		this.outstanding.remember(uri("a"), now, now);
		this.outstanding.remember(uri("a"), now.plusSeconds(1), now.plusSeconds(99));

		assertThat(this.outstanding.outstanding()).isOne();
		this.outstanding.resolved(uri("a"));
		assertThat(this.outstanding.outstanding()).isZero();
		assertThat(this.outstanding.claimChecks(10)).isEmpty();
	}

	@Test
	void beyondItsBoundTheOldestRequestIsDropped() {
		Instant now = this.clock.instant();
		for (String id : new String[] { "a", "b", "c", "d" }) {
			this.outstanding.remember(uri(id), now, now);
		}

		assertThat(this.outstanding.outstanding()).isEqualTo(3);
		assertThat(this.outstanding.claimChecks(10)).extracting(K2OutstandingResults.Outstanding::location)
			.containsExactlyInAnyOrder(uri("b"), uri("c"), uri("d"));
	}

	private static URI uri(String id) {
		return URI.create("https://sandbox.kopokopo.com/api/v2/incoming_payments/" + id);
	}

}
