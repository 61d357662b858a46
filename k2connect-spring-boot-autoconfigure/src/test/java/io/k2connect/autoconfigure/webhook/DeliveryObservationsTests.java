package io.k2connect.autoconfigure.webhook;

import io.k2connect.event.UnknownPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryObservationsTests {

	@ParameterizedTest
	@ValueSource(strings = { "buygoods_transaction_received", "a", "v2.topic-name_1",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void plainNamesAreTheType(String topic) {
		assertThat(DeliveryObservations.typeOf(unknown(topic))).isEqualTo(topic);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "tópico", "a/b", "+254712345678 paid",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a@b", "a[b", "a`b", "a{b", "a:b",
			"a/b", "a\tb" })
	void anythingElseIsUnknown(String topic) {
		assertThat(DeliveryObservations.typeOf(unknown(topic))).isEqualTo("unknown");
	}

	@Test
	void noNameIsUnknown() {
		assertThat(DeliveryObservations.typeOf(new UnknownPayload(null, null, null, "{}"))).isEqualTo("unknown");
	}

	private static UnknownPayload unknown(String topic) {
		return new UnknownPayload("id", topic, null, "{}");
	}

}
