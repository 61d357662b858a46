package io.k2connect.simulator;

import java.math.BigDecimal;
import java.time.Duration;

import io.k2connect.K2Client;
import io.k2connect.ResourceLocation;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.receive.PaymentRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The plain-Java quick start of the root README, step by step, against the simulator
 * instead of the sandbox: if this breaks, the README is wrong.
 */
@K2SimulatorTest(callbackDelayMillis = 50)
class ReadmeQuickStartTests {

	@Test
	void quickStartWorksAsWritten(K2Simulator simulator) {
		K2Client k2 = K2Client.builder()
			.clientId(simulator.clientId())
			.clientSecret(simulator.clientSecret())
			.baseUrl(simulator.baseUrl())
			.build();

		ResourceLocation stk = k2.receivePayments()
			.createPaymentRequest(PaymentRequest.builder()
				.tillNumber("K000000")
				.phoneNumber("0712345678")
				.amount(new BigDecimal("250"))
				.firstName("Jane")
				.lastName("Wanjikũ")
				.callbackUrl("https://example.com/k2/webhooks")
				.build());

		IncomingPaymentResult status = await().atMost(Duration.ofSeconds(5))
			.until(() -> k2.receivePayments().paymentRequestStatus(stk), IncomingPaymentResult::isSuccess);
		assertThat(status.resource().reference()).isNotBlank();
		assertThat(status.resource().senderLastName()).isEqualTo("Wanjikũ");
	}

}
