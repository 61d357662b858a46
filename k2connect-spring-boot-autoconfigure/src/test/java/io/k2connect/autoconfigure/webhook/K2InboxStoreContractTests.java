package io.k2connect.autoconfigure.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.k2connect.autoconfigure.webhook.K2DeliveryRegistry.Claim;
import io.k2connect.autoconfigure.webhook.K2InboxStore.ClaimedDelivery;
import io.k2connect.autoconfigure.webhook.K2InboxStore.Counts;
import io.k2connect.autoconfigure.webhook.K2InboxStore.DeadDelivery;
import io.k2connect.autoconfigure.webhook.K2InboxStore.LostClaimException;
import io.k2connect.autoconfigure.webhook.K2InboxStore.Stored;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract every {@link K2InboxStore} keeps, run on the in-memory store and on the
 * JDBC store on each database. The store under test is also the
 * {@link K2DeliveryRegistry} of synchronous mode, as both of k2connect's are.
 */
public abstract class K2InboxStoreContractTests {

	private static final byte[] BODY = "{\"topic\":\"buygoods_transaction_received\",\"id\":\"a\"}"
		.getBytes(StandardCharsets.UTF_8);

	/** The store under test (the same object for the whole test). */
	protected abstract K2InboxStore inbox();

	/** The same store as a registry. */
	protected K2DeliveryRegistry registry() {
		return (K2DeliveryRegistry) inbox();
	}

	/** Moves the store's clock forward. */
	protected abstract void elapse(Duration duration);

	@Test
	void aNewDeliveryIsStoredOnceAndARepeatIsADuplicate() {
		assertThat(inbox().store("a", "buygoods_transaction_received", BODY, false)).isEqualTo(Stored.STORED);

		assertThat(inbox().store("a", "buygoods_transaction_received", BODY, false)).isEqualTo(Stored.DUPLICATE);
		assertThat(inbox().store("a", "buygoods_transaction_received", BODY, true)).isEqualTo(Stored.DUPLICATE);
		assertThat(inbox().counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
	}

	@Test
	void aStoredDeliveryIsARepeatForASynchronousEndpointToo() {
		inbox().store("a", "kind", BODY, false);

		assertThat(registry().begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void aDeliveryBeingProcessedSynchronouslyIsNotStored() {
		assertThat(registry().begin("a")).isEqualTo(Claim.CLAIMED);

		assertThat(inbox().store("a", "kind", BODY, false)).isEqualTo(Stored.IN_PROGRESS);
		registry().complete("a");
		assertThat(inbox().store("a", "kind", BODY, false)).isEqualTo(Stored.DUPLICATE);
	}

	@Test
	void anUnclaimedDeliveryIsClaimedOnceWithItsBody() {
		inbox().store("a", "kind", BODY, false);

		List<ClaimedDelivery> claimed = inbox().claimDue(10);
		assertThat(claimed).singleElement().satisfies((delivery) -> {
			assertThat(delivery.deliveryKey()).isEqualTo("a");
			assertThat(delivery.body()).isEqualTo(BODY);
			assertThat(delivery.attempt()).isEqualTo(1);
		});
		assertThat(inbox().claimDue(10)).isEmpty();
	}

	@Test
	void aDeliveryClaimedWhenStoredIsNotClaimedAgain() {
		inbox().store("a", "kind", BODY, true);

		assertThat(inbox().claimDue(10)).isEmpty();
		inbox().succeeded("a");
		assertThat(inbox().counts()).isEqualTo(new Counts(0, 0, 0, 1, 0));
	}

	@Test
	void claimsTakeAtMostTheNumberAskedForOldestFirst() {
		for (int i = 0; i < 5; i++) {
			inbox().store("k" + i, "kind", BODY, false);
			elapse(Duration.ofMillis(1));
		}

		assertThat(inbox().claimDue(3)).extracting(ClaimedDelivery::deliveryKey).containsExactly("k0", "k1", "k2");
		assertThat(inbox().claimDue(3)).extracting(ClaimedDelivery::deliveryKey).containsExactly("k3", "k4");
		assertThat(inbox().claimDue(0)).isEmpty();
	}

	@Test
	void aProcessedDeliveryIsADuplicateAndForgetsNothingAboutIt() {
		inbox().store("a", "kind", BODY, true);
		inbox().succeeded("a");

		assertThat(inbox().store("a", "kind", BODY, false)).isEqualTo(Stored.DUPLICATE);
		assertThat(registry().begin("a")).isEqualTo(Claim.PROCESSED);
		assertThat(inbox().claimDue(10)).isEmpty();
	}

	@Test
	void succeedingWithoutAClaimIsALostClaim() {
		inbox().store("a", "kind", BODY, false);

		assertThatExceptionOfType(LostClaimException.class).isThrownBy(() -> inbox().succeeded("a"))
			.withMessageContaining("a");
		assertThatExceptionOfType(LostClaimException.class).isThrownBy(() -> inbox().succeeded("unknown"));
	}

	@Test
	void aFailedDeliveryIsRetriedWhenItsDelayHasPassed() {
		inbox().store("a", "kind", BODY, true);
		inbox().failed("a", "java.lang.IllegalStateException", Duration.ofSeconds(30));

		assertThat(inbox().counts()).isEqualTo(new Counts(0, 1, 0, 0, 0));
		assertThat(inbox().claimDue(10)).isEmpty();
		elapse(Duration.ofSeconds(31));
		assertThat(inbox().claimDue(10)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.attempt()).isEqualTo(2));
		assertThat(inbox().store("a", "kind", BODY, false)).isEqualTo(Stored.DUPLICATE);
	}

	@Test
	void aDeliveryThatFailedItsLastAttemptIsDeadKeptAndListedWithoutItsBody() {
		inbox().store("a", "buygoods_transaction_received", BODY, true);
		inbox().failed("a", "java.lang.IllegalStateException", null);

		assertThat(inbox().counts()).isEqualTo(new Counts(0, 0, 1, 0, 0));
		assertThat(inbox().claimDue(10)).isEmpty();
		List<DeadDelivery> dead = inbox().deadDeliveries(10);
		assertThat(dead).singleElement().satisfies((delivery) -> {
			assertThat(delivery.deliveryKey()).isEqualTo("a");
			assertThat(delivery.kind()).isEqualTo("buygoods_transaction_received");
			assertThat(delivery.attempts()).isEqualTo(1);
			assertThat(delivery.lastError()).isEqualTo("java.lang.IllegalStateException");
			assertThat(delivery.diedAt()).isAfterOrEqualTo(delivery.receivedAt());
		});
		assertThat(dead.get(0).toString()).doesNotContain("topic\"");
		// K2 repeating it changes nothing: it is kept for a replay.
		assertThat(inbox().store("a", "kind", BODY, false)).isEqualTo(Stored.DUPLICATE);
		assertThat(registry().begin("a")).isEqualTo(Claim.PROCESSED);
	}

	@Test
	void aReplayedDeliveryIsDueAgainWithAFreshCountOfAttempts() {
		inbox().store("a", "kind", BODY, true);
		inbox().failed("a", "java.lang.IllegalStateException", null);

		assertThat(inbox().replay("a")).isTrue();
		assertThat(inbox().replay("a")).isFalse();
		assertThat(inbox().replay("unknown")).isFalse();
		assertThat(inbox().counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
		assertThat(inbox().claimDue(10)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.attempt()).isEqualTo(1));
		inbox().succeeded("a");
		assertThat(inbox().counts()).isEqualTo(new Counts(0, 0, 0, 1, 0));
	}

	@Test
	void replayAllRevivesEveryDeadDeliveryAndNothingElse() {
		for (String key : List.of("a", "b", "c")) {
			inbox().store(key, "kind", BODY, true);
		}
		inbox().failed("a", "E", null);
		inbox().failed("b", "E", null);
		inbox().failed("c", "E", Duration.ofHours(1));

		assertThat(inbox().deadDeliveries(1)).hasSize(1);
		assertThat(inbox().replayAll()).isEqualTo(2);
		assertThat(inbox().replayAll()).isZero();
		assertThat(inbox().counts()).isEqualTo(new Counts(2, 1, 0, 0, 0));
	}

	@Test
	void aReleasedDeliveryIsDueAgainAtOnceWithoutCountingAnAttempt() {
		inbox().store("a", "kind", BODY, true);
		inbox().release("a");

		assertThat(inbox().claimDue(10)).singleElement()
			.satisfies((delivery) -> assertThat(delivery.attempt()).isEqualTo(1));
	}

	@Test
	void outcomesOfADeliveryNotClaimedAreIgnored() {
		inbox().store("a", "kind", BODY, false);
		inbox().failed("a", "E", null);
		inbox().release("a");

		assertThat(inbox().counts()).isEqualTo(new Counts(1, 0, 0, 0, 0));
	}

	@Test
	void countsSeparateEveryState() {
		inbox().store("pending", "kind", BODY, false);
		inbox().store("retrying", "kind", BODY, true);
		inbox().failed("retrying", "E", Duration.ofHours(1));
		inbox().store("dead", "kind", BODY, true);
		inbox().failed("dead", "E", null);
		inbox().store("processed", "kind", BODY, true);
		inbox().succeeded("processed");
		registry().begin("sync");

		Counts counts = inbox().counts();
		assertThat(counts).isEqualTo(new Counts(1, 1, 1, 1, 1));
		for (K2InboxStore.State state : K2InboxStore.State.values()) {
			assertThat(counts.of(state)).isOne();
		}
	}

}
