package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Duration;

import io.k2connect.K2Client;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

@K2SimulatorTest(callbackDelayMillis = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class K2SimulatorExtensionTests {

	private static K2Simulator first;

	@Test
	@Order(1)
	void injectsARunningSimulator(K2Simulator k2) {
		first = k2;
		assertThat(k2.baseUrl().getHost()).isEqualTo("127.0.0.1");
		k2.customerPaysTill("555555", BigDecimal.ONE, "0712345678");
	}

	@Test
	@Order(2)
	void sharesOneSimulatorPerClassAndResetsItAfterEachTest(K2Simulator k2) {
		assertThat(k2).isSameAs(first);
		assertThat(k2.transactions()).isEmpty();
	}

	@Test
	@Order(3)
	void injectsAClientPointedAtTheSimulator(K2Simulator k2, K2Client client) {
		assertThat(client.baseUrl()).isEqualTo(k2.baseUrl());
		assertThat(client.clientId()).isEqualTo(k2.clientId());
		assertThat(client.accessToken().accessToken()).isNotBlank();
	}

	@Test
	@Order(4)
	void takesItsSettingsFromTheAnnotation(K2Simulator k2, K2Client client) {
		assertThat(client.tokens().requestAccessToken().expiresIn()).isEqualTo(Duration.ofHours(1));
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassesShareTheOuterSimulator(K2Simulator k2) {
			assertThat(k2.baseUrl()).isNotNull();
			if (first != null) {
				assertThat(k2).isSameAs(first);
			}
		}

	}

}
