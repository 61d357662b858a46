package io.k2connect.autoconfigure.webhook;

import java.time.Instant;

import io.k2connect.autoconfigure.webhook.K2ReconciliationStore.Window;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryK2ReconciliationStoreTests extends K2ReconciliationStoreContractTests {

	@Override
	protected K2ReconciliationStore store() {
		return new InMemoryK2ReconciliationStore();
	}

	@Test
	void keepsABoundedNumberOfWindows() {
		InMemoryK2ReconciliationStore store = new InMemoryK2ReconciliationStore();
		Instant now = Instant.parse("2026-12-01T08:00:00Z");
		for (int i = 0; i <= InMemoryK2ReconciliationStore.MAX_WINDOWS; i++) {
			store.windowCreated(new Window("w-" + i, "company", now, now.plusSeconds(1)));
		}
		assertThat(store.window("w-0")).as("the oldest, dropped").isNull();
		assertThat(store.window("w-1")).isNotNull();
		assertThat(store.window("w-" + InMemoryK2ReconciliationStore.MAX_WINDOWS)).isNotNull();
	}

}
