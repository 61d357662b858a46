package io.k2connect.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.k2connect.event.Examples;
import io.k2connect.internal.K2Json;
import tools.jackson.databind.JsonNode;

/** The vectors of {@code examples/signatures.json}, with the exact signed bytes. */
final class SignatureVectors {

	private SignatureVectors() {
	}

	static List<Vector> all() {
		JsonNode root = K2Json.mapper().readTree(Examples.bytes("signatures.json"));
		List<Vector> vectors = new ArrayList<>();
		for (JsonNode vector : root.get("vectors")) {
			// Verify on the file's bytes when there is one: they are what was signed,
			// byte for byte.
			byte[] body = vector.has("body_file") ? Examples.bytes(vector.get("body_file").stringValue())
					: vector.get("body").stringValue().getBytes(StandardCharsets.UTF_8);
			vectors.add(new Vector(vector.get("id").stringValue(), vector.get("secret").stringValue(), body,
					vector.get("body").stringValue().getBytes(StandardCharsets.UTF_8),
					vector.get("signature").stringValue(), "valid".equals(vector.get("expected").stringValue())));
		}
		return vectors;
	}

	static List<Vector> valid() {
		return all().stream().filter(Vector::valid).toList();
	}

	static List<Vector> invalid() {
		return all().stream().filter((vector) -> !vector.valid()).toList();
	}

	record Vector(String id, String secret, byte[] body, byte[] inlineBody, String signature, boolean valid) {

		@Override
		public String toString() {
			return this.id;
		}

	}

}
