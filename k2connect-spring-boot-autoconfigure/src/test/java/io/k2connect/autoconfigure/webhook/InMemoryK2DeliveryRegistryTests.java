package io.k2connect.autoconfigure.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryK2DeliveryRegistryTests {

	private final AtomicLong nanos = new AtomicLong(Long.MAX_VALUE - Duration.ofMinutes(30).toNanos());

	// Starts near the top of the long range, so that every test also crosses nanoTime's
	// wrap-around.
	private final InMemoryK2DeliveryRegistry registry = new InMemoryK2DeliveryRegistry(3, Duration.ofHours(1),
			this.nanos::get);

	@Test
	void firstDeliveryIsClaimedAndARepeatIsNot() {
		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);
		this.registry.complete("a");

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.PROCESSED);
	}

	@Test
	void aDeliveryInProgressCannotBeClaimedTwice() {
		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.IN_PROGRESS);
	}

	@Test
	void anAbandonedDeliveryCanBeClaimedAgain() {
		this.registry.begin("a");
		this.registry.abandon("a");

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);
	}

	@Test
	void abandonNeverForgetsACompletedDelivery() {
		this.registry.begin("a");
		this.registry.complete("a");
		this.registry.abandon("a");

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.PROCESSED);
	}

	@Test
	void keysExpireAfterTheRetention() {
		this.registry.begin("a");
		this.registry.complete("a");

		advance(Duration.ofMinutes(61));

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);
	}

	@Test
	void oldestKeysAreDroppedBeyondTheBound() {
		for (String key : new String[] { "a", "b", "c", "d" }) {
			this.registry.begin(key);
			this.registry.complete(key);
		}

		assertThat(this.registry.size()).isEqualTo(3);
		assertThat(this.registry.begin("b")).isEqualTo(K2DeliveryRegistry.Claim.PROCESSED);
		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);
	}

	@Test
	void deliveriesInProgressAreNeverEvictedByTheBound() {
		this.registry.begin("in-progress");
		for (String key : new String[] { "a", "b", "c", "d" }) {
			this.registry.begin(key);
			this.registry.complete(key);
		}

		assertThat(this.registry.begin("in-progress")).isEqualTo(K2DeliveryRegistry.Claim.IN_PROGRESS);
		assertThat(this.registry.size()).isEqualTo(3);
	}

	@Test
	void aDeliveryInProgressIsNeverEvictedByAge() {
		this.registry.begin("slow");

		advance(Duration.ofHours(5));

		assertThat(this.registry.begin("slow")).isEqualTo(K2DeliveryRegistry.Claim.IN_PROGRESS);
	}

	@Test
	void aSlowDeliveryIsStillRecognisedAfterItCompletes() {
		this.registry.begin("slow");
		advance(Duration.ofHours(5));
		this.registry.complete("slow");

		advance(Duration.ofMinutes(59));

		assertThat(this.registry.begin("slow")).isEqualTo(K2DeliveryRegistry.Claim.PROCESSED);
	}

	@Test
	void retentionCountsFromCompletion() {
		this.registry.begin("a");
		advance(Duration.ofMinutes(50));
		this.registry.complete("a");
		this.registry.begin("b");
		this.registry.complete("b");

		advance(Duration.ofMinutes(50));

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.PROCESSED);
		assertThat(this.registry.begin("b")).isEqualTo(K2DeliveryRegistry.Claim.PROCESSED);
	}

	@Test
	void anExpiredKeyBehindAnInProgressOneIsStillEvicted() {
		this.registry.begin("slow");
		this.registry.begin("a");
		this.registry.complete("a");

		advance(Duration.ofMinutes(61));

		assertThat(this.registry.begin("a")).isEqualTo(K2DeliveryRegistry.Claim.CLAIMED);
		assertThat(this.registry.begin("slow")).isEqualTo(K2DeliveryRegistry.Claim.IN_PROGRESS);
	}

	@Test
	void retentionMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryK2DeliveryRegistry(3, Duration.ZERO))
			.withMessage("retention must be positive");
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
