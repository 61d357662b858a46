package io.k2connect.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryK2DeliveryRegistryTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

	private final InMemoryK2DeliveryRegistry registry = new InMemoryK2DeliveryRegistry(3, Duration.ofHours(1),
			new java.time.Clock() {

				@Override
				public java.time.ZoneId getZone() {
					return java.time.ZoneOffset.UTC;
				}

				@Override
				public java.time.Clock withZone(java.time.ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return InMemoryK2DeliveryRegistryTests.this.now.get();
				}

			});

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

		this.now.set(this.now.get().plus(Duration.ofMinutes(61)));

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

}
