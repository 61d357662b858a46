package io.k2connect.webhook;

import java.nio.charset.StandardCharsets;

import io.k2connect.K2ValidationException;
import io.k2connect.webhook.SignatureVectors.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class K2SignaturesTests {

	static java.util.List<Vector> validVectors() {
		return SignatureVectors.valid();
	}

	@ParameterizedTest
	@MethodSource("validVectors")
	void signReproducesEveryValidVector(Vector vector) {
		assertThat(K2Signatures.sign(vector.body(), vector.secret())).isEqualTo(vector.signature());
	}

	@Test
	void signatureIs64LowerCaseHexCharacters() {
		assertThat(K2Signatures.sign("{}".getBytes(StandardCharsets.UTF_8), "key")).matches("[0-9a-f]{64}");
	}

	@Test
	void rubyMicroVector() {
		assertThat(K2Signatures.sign("\"hello\"".getBytes(StandardCharsets.UTF_8), "s"))
			.isEqualTo("7ac46bd3e055f611e1c8e08ee430e5ceee0526a853dad5353e3df9ebfb1b1701");
	}

	@Test
	void blankKeyIsRejectedWithoutEchoingIt() {
		assertThatExceptionOfType(K2ValidationException.class).isThrownBy(() -> K2Signatures.sign(new byte[0], "   "))
			.withMessage("Invalid request: apiKey must not be blank");
	}

}
