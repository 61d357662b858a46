package io.k2connect.model;

import io.k2connect.pay.PayCategory;
import io.k2connect.pay.PayDestinationType;
import io.k2connect.subscription.WebhookEventType;
import io.k2connect.transfer.SettlementDestinationType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every enum that goes on the wire reads back its own wire value, leniently, and nothing
 * else.
 */
class WireValuesTests {

	@Test
	void everyConstantRoundTripsThroughItsWireValue() {
		for (Scope value : Scope.values()) {
			assertThat(Scope.fromWireValue(" " + value.wireValue().toUpperCase() + " ")).isEqualTo(value);
		}
		for (WebhookEventType value : WebhookEventType.values()) {
			assertThat(WebhookEventType.fromWireValue(value.wireValue())).isEqualTo(value);
		}
		for (SettlementMethod value : SettlementMethod.values()) {
			assertThat(SettlementMethod.fromWireValue(value.wireValue().toLowerCase())).isEqualTo(value);
		}
		for (PayCategory value : PayCategory.values()) {
			assertThat(PayCategory.fromWireValue(value.wireValue())).isEqualTo(value);
		}
		for (PayDestinationType value : PayDestinationType.values()) {
			assertThat(PayDestinationType.fromWireValue(value.wireValue())).isEqualTo(value);
		}
		for (SettlementDestinationType value : SettlementDestinationType.values()) {
			assertThat(SettlementDestinationType.fromWireValue(value.wireValue())).isEqualTo(value);
		}
	}

	@Test
	void everyEnumOnTheWireReadsLeniently() {
		for (Class<? extends Enum<?>> type : java.util.List.<Class<? extends Enum<?>>>of(Scope.class,
				WebhookEventType.class, SettlementMethod.class, PayCategory.class, PayDestinationType.class,
				SettlementDestinationType.class)) {
			for (Enum<?> constant : type.getEnumConstants()) {
				String wire = ((WireValue) constant).wireValue();
				assertThat(fromWireValue(type, "  " + wire.toUpperCase(java.util.Locale.ROOT) + "\t"))
					.isSameAs(constant);
			}
		}
	}

	@Test
	void everyWebhookTopicIsTheTopicOfItsEventRecord() throws Exception {
		java.util.Set<String> recordTopics = new java.util.HashSet<>();
		for (Class<?> record : io.k2connect.event.K2Event.class.getPermittedSubclasses()) {
			recordTopics.add((String) record.getField("TOPIC").get(null));
		}

		assertThat(java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireValue))
			.containsExactlyInAnyOrderElementsOf(recordTopics);
	}

	private static Object fromWireValue(Class<?> type, String wire) {
		try {
			return type.getMethod("fromWireValue", String.class).invoke(null, wire);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type + " has no public static fromWireValue(String)", ex);
		}
	}

	@Test
	void unknownOrMissingValuesAreNull() {
		assertThat(Scope.fromWireValue("galaxy")).isNull();
		assertThat(SettlementMethod.fromWireValue(null)).isNull();
		assertThat(PayCategory.fromWireValue("")).isNull();
		assertThat(WebhookEventType.fromWireValue("brand_new_topic")).isNull();
	}

}
