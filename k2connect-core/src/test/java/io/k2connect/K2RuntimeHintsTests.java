package io.k2connect;

import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.EventLinks;
import io.k2connect.event.IncomingPaymentResource;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.PollingResult;
import io.k2connect.event.UnknownPayload;
import io.k2connect.receive.PaymentRequest;
import io.k2connect.sendmoney.MobileWalletDestination;
import io.k2connect.sendmoney.SendMoneyRequest;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints a native image needs, and that they are found through aot.factories. */
class K2RuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	K2RuntimeHintsTests() {
		new K2RuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(K2RuntimeHints.class);
	}

	@Test
	void theVersionResourceIsIncluded() {
		assertThat(RuntimeHintsPredicates.resource().forResource("io/k2connect/k2connect.properties"))
			.accepts(this.hints);
	}

	@Test
	void everyPayloadRecordAndWhatItHoldsCanBeBound() {
		assertThat(K2RuntimeHints.payloadRecords())
			.contains(BuygoodsTransactionReceived.class, IncomingPaymentResult.class, PollingResult.class,
					UnknownPayload.class)
			.hasSizeGreaterThanOrEqualTo(20);
		for (Class<?> type : new Class<?>[] { BuygoodsTransactionReceived.class, IncomingPaymentResult.class,
				EventLinks.class, IncomingPaymentResource.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getSimpleName()).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(type)
				.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
		}
	}

	@Test
	void requestRecordsAndTheirDestinationsCanBeBound() {
		for (Class<?> type : new Class<?>[] { PaymentRequest.class, SendMoneyRequest.class,
				MobileWalletDestination.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getSimpleName()).accepts(this.hints);
		}
	}

}
