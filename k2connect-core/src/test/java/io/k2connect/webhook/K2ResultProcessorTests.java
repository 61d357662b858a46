package io.k2connect.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.k2connect.K2PayloadException;
import io.k2connect.K2SignatureException;
import io.k2connect.event.BuygoodsTransactionReceived;
import io.k2connect.event.DarajaEvent;
import io.k2connect.event.Examples;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.event.UnknownPayload;
import io.k2connect.webhook.SignatureVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class K2ResultProcessorTests {

	private static final String KEY = "8463vr8472a2372763787b7dec3dbe49879323gg32";

	private final K2ResultProcessor processor = new K2ResultProcessor(new K2SignatureVerifier(KEY),
			new K2PayloadParser());

	/**
	 * The valid vectors that sign K2 payloads (all but the Ruby micro vector, a JSON
	 * string).
	 */
	static List<Vector> signedPayloads() {
		return SignatureVectors.valid().stream().filter((vector) -> vector.body()[0] == '{').toList();
	}

	@Test
	void sixteenVectorsSignPayloads() {
		assertThat(signedPayloads()).hasSize(16);
	}

	@ParameterizedTest
	@MethodSource("signedPayloads")
	void everySignedPayloadIsVerifiedAndParsedToAKnownRecord(Vector vector) {
		K2ResultProcessor processor = new K2ResultProcessor(new K2SignatureVerifier(vector.secret()),
				new K2PayloadParser());
		K2Payload payload = processor.process(vector.body(), vector.signature());
		assertThat(payload).isNotInstanceOf(UnknownPayload.class);
	}

	@Test
	void signedBuygoodsWebhookIsVerifiedAndParsed() {
		byte[] body = Examples.bytes("signed-bodies/node-buygoods_transaction_received.body.json");
		K2Payload payload = this.processor.process(body,
				"9a49d83776f71c6a3917f102de69c86464d1dea8289aea77d84c04538eee61ae");
		assertThat(payload).isInstanceOfSatisfying(BuygoodsTransactionReceived.class,
				(event) -> assertThat(event.reference()).isEqualTo("OJM6Q1W84K"));
	}

	@Test
	void signedIncomingPaymentResultIsVerifiedAndParsed() {
		byte[] body = Examples.bytes("signed-bodies/node-result-incoming_payment-failed.body.json");
		K2Payload payload = this.processor.process(body,
				"6da68de7312c14f04497febefddb84eed8baac380e43d79103c52cbb76f59d5b");
		assertThat(payload).isInstanceOfSatisfying(IncomingPaymentResult.class,
				(result) -> assertThat(result.isFailed()).isTrue());
	}

	@Test
	void signedDarajaEventIsVerifiedAndParsed() {
		byte[] body = Examples.bytes("signed-bodies/node-daraja-b2b_transaction_received.body.json");
		assertThat(this.processor.process(body, "b2698db51577303967b104caba0c0324901c637443ba3b73de3754d2f5a2e36c"))
			.isInstanceOf(DarajaEvent.class);
	}

	@Test
	void badSignatureIsRejectedBeforeTheBodyIsParsed() {
		byte[] notJson = "definitely not json".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> this.processor.process(notJson, K2Signatures.sign(notJson, "another-key")));
	}

	@Test
	void missingSignatureIsRejected() {
		byte[] body = Examples.bytes("webhook-customer_created.json");
		assertThatExceptionOfType(K2SignatureException.class).isThrownBy(() -> this.processor.process(body, null));
	}

	@Test
	void correctlySignedBodyThatIsNotJsonIsAPayloadError() {
		byte[] notJson = "definitely not json".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(K2PayloadException.class)
			.isThrownBy(() -> this.processor.process(notJson, K2Signatures.sign(notJson, KEY)));
	}

	@Test
	void correctlySignedJsonStringIsAPayloadError() {
		byte[] hello = "\"hello\"".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(K2PayloadException.class)
			.isThrownBy(() -> this.processor.process(hello, K2Signatures.sign(hello, KEY)))
			.withMessageContaining("not a JSON object");
	}

	@Test
	void parseWithoutVerificationIgnoresTheSignature() {
		byte[] body = "{\"topic\":\"unheard_of\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.processor.parseWithoutVerification(body)).isInstanceOf(UnknownPayload.class);
	}

	@Test
	void toStringHidesTheKey() {
		assertThat(this.processor.toString()).doesNotContain(KEY).contains("apiKeys=1");
	}

}
