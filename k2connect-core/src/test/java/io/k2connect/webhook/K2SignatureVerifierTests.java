package io.k2connect.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.k2connect.K2SignatureException;
import io.k2connect.K2ValidationException;
import io.k2connect.webhook.SignatureVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class K2SignatureVerifierTests {

	private static final String KEY = "test_api_key_2b";

	private static final byte[] BODY = "{\"topic\":\"customer_created\",\"id\":\"e3\"}"
		.getBytes(StandardCharsets.UTF_8);

	static List<Vector> validVectors() {
		return SignatureVectors.valid();
	}

	@Test
	void signaturesFileHasSeventeenValidVectorsAndOneInvalid() {
		assertThat(SignatureVectors.valid()).hasSize(17);
		assertThat(SignatureVectors.invalid()).hasSize(1);
	}

	@ParameterizedTest
	@MethodSource("validVectors")
	void bodyFileHoldsExactlyTheInlineBody(Vector vector) {
		assertThat(vector.body()).isEqualTo(vector.inlineBody());
	}

	@ParameterizedTest
	@MethodSource("validVectors")
	void validVectorVerifies(Vector vector) {
		assertThatNoException()
			.isThrownBy(() -> new K2SignatureVerifier(vector.secret()).verify(vector.body(), vector.signature()));
	}

	@Test
	void invalidVectorFails() {
		Vector vector = SignatureVectors.invalid().get(0);
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(vector.secret()).verify(vector.body(), vector.signature()));
	}

	@ParameterizedTest
	@MethodSource("validVectors")
	void anyOneByteChangeToAVectorBodyFails(Vector vector) {
		K2SignatureVerifier verifier = new K2SignatureVerifier(vector.secret());
		for (int i = 0; i < vector.body().length; i++) {
			byte[] tampered = vector.body().clone();
			tampered[i] ^= 0x01;
			assertThatExceptionOfType(K2SignatureException.class)
				.isThrownBy(() -> verifier.verify(tampered, vector.signature()));
		}
	}

	@ParameterizedTest
	@MethodSource("validVectors")
	void appendedOrTruncatedBodyFails(Vector vector) {
		K2SignatureVerifier verifier = new K2SignatureVerifier(vector.secret());
		byte[] longer = Arrays.copyOf(vector.body(), vector.body().length + 1);
		longer[longer.length - 1] = '\n';
		byte[] shorter = Arrays.copyOf(vector.body(), vector.body().length - 1);
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> verifier.verify(longer, vector.signature()));
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> verifier.verify(shorter, vector.signature()));
	}

	@ParameterizedTest
	@MethodSource("validVectors")
	void vectorSignedWithAnotherKeyFails(Vector vector) {
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(vector.secret() + "x").verify(vector.body(), vector.signature()));
	}

	@Test
	void missingHeaderFails() {
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, null))
			.withMessageContaining("missing");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t", "  \r\n" })
	void emptyHeaderFails(String header) {
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, header))
			.withMessageContaining("empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "0", "6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787ca",
			"6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa0",
			"sha256=6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa" })
	void headerOfWrongLengthFails(String header) {
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, header))
			.withMessageContaining("64 hexadecimal characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zz45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa",
			"6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787c-a",
			"6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787c a",
			// Non-ASCII digits: Character.digit would accept these, a hex decoder must
			// not.
			"\u0666f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa",
			"\uFF16f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa" })
	void nonHexHeaderFails(String header) {
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, header))
			.withMessageContaining("not hexadecimal");
	}

	@ParameterizedTest
	@CsvSource({ "0, g", "1, G", "62, -", "63, \u00e9", "63, \u0100" })
	void nonHexHeaderNamesTheIndexOfTheFirstBadCharacter(int index, char bad) {
		StringBuilder header = new StringBuilder(K2Signatures.sign(BODY, KEY));
		header.setCharAt(index, bad);
		if (index < 63) {
			// A later bad character is not the one reported.
			header.setCharAt(63, 'x');
		}
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, header.toString()))
			.withMessageEndingWith("is not hexadecimal (bad character at index " + index + ")");
	}

	@Test
	void upperCaseHexOfAWrongDigestFails() {
		String wrong = K2Signatures.sign("other".getBytes(StandardCharsets.UTF_8), KEY).toUpperCase(Locale.ROOT);
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, wrong))
			.withMessageContaining("does not match");
	}

	@Test
	void upperCaseHexOfTheRightDigestVerifies() {
		String right = K2Signatures.sign(BODY, KEY).toUpperCase(Locale.ROOT);
		assertThatNoException().isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, right));
	}

	@Test
	void mixedCaseHexOfTheRightDigestVerifies() {
		char[] right = K2Signatures.sign(BODY, KEY).toCharArray();
		for (int i = 0; i < right.length; i += 2) {
			right[i] = Character.toUpperCase(right[i]);
		}
		assertThatNoException().isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, new String(right)));
	}

	@Test
	void upperCaseHexUnderTheSecondKeyVerifies() {
		String right = K2Signatures.sign(BODY, "old-key").toUpperCase(Locale.ROOT);
		assertThatNoException()
			.isThrownBy(() -> new K2SignatureVerifier(List.of("new-key", "old-key")).verify(BODY, right));
	}

	@Test
	void aWrongDigitAnywhereInAnUpperCaseHeaderFails() {
		String right = K2Signatures.sign(BODY, KEY).toUpperCase(Locale.ROOT);
		assertEveryChangedDigitFails(new K2SignatureVerifier(List.of("new-key", KEY)), right, 'F', '0',
				"does not match the request body under any of the 2 configured API keys");
	}

	@Test
	void aWrongDigitAnywhereFails() {
		// Another digit, in either case: the comparison covers both characters of every
		// byte.
		assertEveryChangedDigitFails(new K2SignatureVerifier(KEY), K2Signatures.sign(BODY, KEY), '0', 'A',
				"does not match");
	}

	/**
	 * Changes each digit of {@code right} in turn (to {@code digit}, or to {@code other}
	 * where it already is {@code digit}) and expects each result to fail with
	 * {@code message}.
	 */
	private static void assertEveryChangedDigitFails(K2SignatureVerifier verifier, String right, char digit, char other,
			String message) {
		for (int index = 0; index < right.length(); index++) {
			char changed = (right.charAt(index) == digit) ? other : digit;
			String wrong = right.substring(0, index) + changed + right.substring(index + 1);
			assertThatExceptionOfType(K2SignatureException.class).as("digit %d changed", index)
				.isThrownBy(() -> verifier.verify(BODY, wrong))
				.withMessageContaining(message);
		}
	}

	@Test
	void headerWithSurroundingWhitespaceVerifies() {
		String padded = " " + K2Signatures.sign(BODY, KEY) + "\t";
		assertThatNoException().isThrownBy(() -> new K2SignatureVerifier(KEY).verify(BODY, padded));
	}

	@Test
	void signatureOfAnEmptyBodyVerifies() {
		byte[] empty = new byte[0];
		assertThatNoException()
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(empty, K2Signatures.sign(empty, KEY)));
	}

	@Test
	void anyOfSeveralKeysVerifies() {
		K2SignatureVerifier verifier = new K2SignatureVerifier(List.of("new-key", "old-key"));
		assertThatNoException().isThrownBy(() -> verifier.verify(BODY, K2Signatures.sign(BODY, "new-key")));
		assertThatNoException().isThrownBy(() -> verifier.verify(BODY, K2Signatures.sign(BODY, "old-key")));
	}

	@Test
	void keyOutsideTheRotationSetFails() {
		K2SignatureVerifier verifier = new K2SignatureVerifier(List.of("new-key", "old-key"));
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> verifier.verify(BODY, K2Signatures.sign(BODY, "retired-key")))
			.withMessageContaining("2 configured API keys");
	}

	@Test
	void prettyPrintedBodyVerifiesAsSent() {
		byte[] body = ("{\n  \"topic\": \"customer_created\",\n  \"id\": \"f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c\",\n"
				+ "  \"event\": {\n    \"type\": \"Customer Created\",\n    \"resource\": {\n"
				+ "      \"first_name\": \"Jane\",\n      \"phone_number\": \"+254999999999\"\n    }\n  }\n}")
			.getBytes(StandardCharsets.UTF_8);
		// Expected value computed with an independent HMAC implementation (Python's
		// hmac).
		assertVerifies(body, "ced2df8fbd68b7e064a1e68ee7a7e045dfd8dec4665249836c2631c207c8d918");
	}

	@Test
	void bodyWithUnicodeEscapesVerifiesAsSent() {
		byte[] body = ("{\"topic\":\"customer_created\",\"id\":\"e1\",\"event\":{\"type\":\"Customer Created\","
				+ "\"resource\":{\"first_name\":\"Jane\",\"phone_number\":\"\\u002B254999999999\"}}}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\\u002B");
		assertVerifies(body, "4663aa7ca6a09aaec3b1517158f2b98886c99390fb0bcd6b7366c1cb369c5789");
	}

	@Test
	void bodyWithNonAsciiNameVerifiesAsSent() {
		byte[] body = ("{\"topic\":\"customer_created\",\"id\":\"e2\",\"event\":{\"type\":\"Customer Created\","
				+ "\"resource\":{\"first_name\":\"Wanjik\u0169\",\"last_name\":\"Kamau\",\"phone_number\":\"+254999999999\"}}}")
			.getBytes(StandardCharsets.UTF_8);
		assertVerifies(body, "49ea43259884ffbae0c39200b8d389ce6368491ff7e8e3baf37b5b0d2aa3afa7");
	}

	@Test
	void bodyWithTrailingWhitespaceVerifiesAsSent() {
		byte[] body = ("{\"topic\":\"customer_created\",\"id\":\"e3\",\"event\":{\"type\":\"Customer Created\","
				+ "\"resource\":{\"first_name\":\"Jane\"}}}\r\n  \n")
			.getBytes(StandardCharsets.UTF_8);
		assertVerifies(body, "6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa");
	}

	@Test
	void trimmedBodyOfASignedBodyWithTrailingWhitespaceFails() {
		byte[] trimmed = "{\"topic\":\"customer_created\",\"id\":\"e3\",\"event\":{\"type\":\"Customer Created\",\"resource\":{\"first_name\":\"Jane\"}}}"
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(K2SignatureException.class).isThrownBy(() -> new K2SignatureVerifier(KEY)
			.verify(trimmed, "6f45f1cc0a035100205f91ba3b30cdfc42306bd948537a4833c3957ace787caa"));
	}

	@Test
	void blankKeyIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> new K2SignatureVerifier(" "))
			.withMessageContaining("apiKey must not be blank");
	}

	@Test
	void blankKeyInARotationSetIsRejectedByPosition() {
		assertThatExceptionOfType(K2ValidationException.class)
			.isThrownBy(() -> new K2SignatureVerifier(List.of("good", "")))
			.withMessageContaining("apiKeys[1] must not be blank");
	}

	@Test
	void emptyKeyListIsRejected() {
		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> new K2SignatureVerifier(List.of()));
	}

	@Test
	void keysAppearNeitherInToStringNorInMessages() {
		String secret = "super-secret-api-key-1234";
		K2SignatureVerifier verifier = new K2SignatureVerifier(List.of(secret, "another-secret-key"));
		assertThat(verifier.toString()).doesNotContain(secret).doesNotContain("another-secret-key").contains("2");
		assertThatExceptionOfType(K2SignatureException.class)
			.isThrownBy(() -> verifier.verify(BODY, K2Signatures.sign(BODY, "x")))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(secret).doesNotContain("another-secret-key"));
	}

	@Test
	void verifierIsSafeToShareBetweenThreads() throws InterruptedException {
		K2SignatureVerifier verifier = new K2SignatureVerifier(KEY);
		List<Vector> vectors = SignatureVectors.valid();
		String signature = K2Signatures.sign(BODY, KEY);
		Thread[] threads = new Thread[4];
		boolean[] failed = new boolean[threads.length];
		for (int t = 0; t < threads.length; t++) {
			int index = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 2_000; i++) {
					try {
						verifier.verify(BODY, signature);
					}
					catch (RuntimeException ex) {
						failed[index] = true;
					}
					try {
						verifier.verify(vectors.get(i % vectors.size()).body(), signature);
						failed[index] = true;
					}
					catch (K2SignatureException ex) {
						// expected: a different body
					}
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failed).containsOnly(false);
	}

	private static void assertVerifies(byte[] body, String independentlyComputedSignature) {
		assertThat(K2Signatures.sign(body, KEY)).isEqualTo(independentlyComputedSignature);
		assertThatNoException()
			.isThrownBy(() -> new K2SignatureVerifier(KEY).verify(body, independentlyComputedSignature));
	}

}
