package io.k2connect.webhook;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.k2connect.K2Exception;
import io.k2connect.decompose.K2PayloadDecomposer;
import io.k2connect.event.DarajaEvent;
import io.k2connect.event.Examples;
import io.k2connect.event.IncomingPaymentResult;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.internal.K2Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated bodies (fixed seed, so failures reproduce): truncations, byte flips, values
 * of the wrong type, deep nesting, huge numbers and random bytes, derived from every
 * example. Whatever the body, verifying, parsing and decomposing throw nothing but
 * {@link K2Exception}s.
 */
class K2PayloadRobustnessTests {

	private static final long SEED = 20260611L;

	private static final int CASES_PER_MUTATION = 1_500;

	private static final String KEY = "robustness-key";

	private static final String JSON_CHARACTERS = "{}[]\":,\\0-eE. ";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final K2PayloadParser parser = new K2PayloadParser();

	private final K2ResultProcessor processor = new K2ResultProcessor(new K2SignatureVerifier(KEY), this.parser);

	private final K2PayloadDecomposer decomposer = new K2PayloadDecomposer(this.parser);

	@Test
	void onlyK2ExceptionsEscapeForTenThousandGeneratedBodies() throws Exception {
		Random random = new Random(SEED);
		List<byte[]> seeds = seeds();
		Map<String, Function<byte[], byte[]>> mutations = new TreeMap<>();
		mutations.put("1 truncate", (body) -> truncate(body, random));
		mutations.put("2 flip bytes", (body) -> flipBytes(body, random));
		mutations.put("3 swap a value's type", (body) -> swapValue(body, random, false));
		mutations.put("4 nest deeply", (body) -> swapValue(body, random, true));
		mutations.put("5 huge numbers", (body) -> hugeNumbers(body, random));
		mutations.put("6 random bytes", (body) -> randomBytes(random));
		mutations.put("7 token soup", (body) -> tokenSoup(random));
		Map<String, Integer> outcomes = new TreeMap<>();
		int cases = 0;
		for (Map.Entry<String, Function<byte[], byte[]>> mutation : mutations.entrySet()) {
			for (int i = 0; i < CASES_PER_MUTATION; i++) {
				byte[] body = mutation.getValue().apply(seeds.get(random.nextInt(seeds.size())));
				outcomes.merge(parse(body, mutation.getKey()), 1, Integer::sum);
				outcomes.merge(process(body, random, mutation.getKey()), 1, Integer::sum);
				cases++;
			}
		}
		assertThat(cases).isGreaterThanOrEqualTo(10_000);
		// The generator must reach both sides: typed payloads and rejected bodies.
		assertThat(outcomes).containsKeys("K2PayloadException", "K2SignatureException");
		assertThat(outcomes.keySet()).anyMatch((outcome) -> outcome.startsWith("io.k2connect.event.Buygoods"))
			.anyMatch((outcome) -> outcome.contains("Result"))
			.anyMatch((outcome) -> outcome.contains("DarajaEvent"))
			.anyMatch((outcome) -> outcome.contains("UnknownPayload"));
	}

	/** Parses and decomposes; the outcome is the payload's type or the exception's. */
	private String parse(byte[] body, String mutation) {
		try {
			K2Payload payload = this.parser.parse(body);
			// Everything a caller may touch next must not throw either.
			this.decomposer.decompose(payload).toString();
			payload.toString();
			payload.hashCode();
			if (payload instanceof DarajaEvent daraja) {
				daraja.transactionDateTime();
			}
			if (payload instanceof IncomingPaymentResult result) {
				result.isSuccess();
			}
			return payload.getClass().getName();
		}
		catch (K2Exception ex) {
			assertThat(ex.getMessage()).as("exception message").isNotBlank();
			return ex.getClass().getSimpleName();
		}
		catch (Throwable ex) {
			return fail("%s: %s escaped the parser for body %s", mutation, ex, preview(body), ex);
		}
	}

	/** Verifies and parses with a correct, missing, garbage or wrong signature. */
	private String process(byte[] body, Random random, String mutation) {
		String header = switch (random.nextInt(4)) {
			case 0 -> K2Signatures.sign(body, KEY);
			case 1 -> null;
			case 2 -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
			default -> K2Signatures.sign(body, "wrong-key");
		};
		try {
			return "processed " + this.processor.process(body, header).getClass().getSimpleName();
		}
		catch (K2Exception ex) {
			assertThat(ex.getMessage()).as("exception message").isNotBlank();
			return ex.getClass().getSimpleName();
		}
		catch (Throwable ex) {
			return fail("%s: %s escaped the processor for body %s", mutation, ex, preview(body), ex);
		}
	}

	private static List<byte[]> seeds() throws IOException, URISyntaxException {
		Path folder = Path.of(K2PayloadRobustnessTests.class.getResource("/k2-api/examples/signatures.json").toURI())
			.getParent();
		List<byte[]> seeds = new ArrayList<>();
		try (Stream<Path> files = Stream.concat(Files.list(folder), Files.list(folder.resolve("signed-bodies")))) {
			files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith("webhook-") || name.startsWith("result-") || name.startsWith("status-")
						|| name.endsWith(".body.json") || name.endsWith(".raw.json");
			}).sorted().forEach((file) -> seeds.add(Examples.bytes(folder.relativize(file).toString())));
		}
		assertThat(seeds).hasSizeGreaterThan(40);
		return seeds;
	}

	private static byte[] truncate(byte[] body, Random random) {
		return java.util.Arrays.copyOf(body, random.nextInt(body.length + 1));
	}

	private static byte[] flipBytes(byte[] body, Random random) {
		byte[] copy = body.clone();
		int flips = 1 + random.nextInt(4);
		for (int i = 0; i < flips; i++) {
			int index = random.nextInt(copy.length);
			copy[index] = random.nextBoolean() ? (byte) random.nextInt(256)
					: (byte) JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length()));
		}
		return copy;
	}

	/**
	 * Replaces one value anywhere in the tree by a value of a random (often wrong) type.
	 */
	private static byte[] swapValue(byte[] body, Random random, boolean deep) {
		JsonNode root = K2Json.mapper().readTree(body);
		List<JsonNode> containers = new ArrayList<>();
		collectContainers(root, containers);
		JsonNode container = containers.get(random.nextInt(containers.size()));
		JsonNode replacement = deep ? deep(random) : randomValue(random, 0);
		if (container instanceof ObjectNode object) {
			List<String> names = new ArrayList<>(object.propertyNames());
			String name = names.isEmpty() || random.nextInt(8) == 0 ? "extra" : names.get(random.nextInt(names.size()));
			object.set(name, replacement);
		}
		else if (container instanceof ArrayNode array) {
			if (array.isEmpty()) {
				array.add(replacement);
			}
			else {
				array.set(random.nextInt(array.size()), replacement);
			}
		}
		return K2Json.mapper().writeValueAsBytes(root);
	}

	private static void collectContainers(JsonNode node, List<JsonNode> containers) {
		if (node.isContainer()) {
			containers.add(node);
			for (JsonNode child : node) {
				collectContainers(child, containers);
			}
		}
	}

	private static JsonNode randomValue(Random random, int depth) {
		switch (random.nextInt(depth < 3 ? 14 : 11)) {
			case 0:
				return NODES.nullNode();
			case 1:
				return NODES.booleanNode(random.nextBoolean());
			case 2:
				return NODES.numberNode(random.nextLong());
			case 3:
				return NODES.numberNode(new java.math.BigDecimal(random.nextGaussian() * 1e6));
			case 4:
				return NODES.stringNode("");
			case 5:
				return NODES.stringNode(new String(randomBytes(random), StandardCharsets.UTF_8));
			case 6:
				return NODES.stringNode(pick(random, "2020-10-22T10:43:19+03:00", "2020-02-30T10:43:19+03:00",
						"2020-10-22T10:43:19.1234567891234+03:00", "9999-99-99T99:99:99+99:99", "0000-01-01T00:00:00Z",
						"+999999999-12-31T23:59:59.999999999-18:00", "2020-10-22T10:43:19+0300", "20201022104319"));
			case 7:
				return NODES.stringNode(pick(random, "100.0", "-0", "1e999999999", "1e-999999999", "NaN", "0x10",
						"1_000", "９９", "1" + "0".repeat(999), "1" + "0".repeat(1001)));
			case 8:
				return NODES
					.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(2_000_000_000) - 1_000_000_000)));
			case 9:
				return NODES.stringNode(pick(random, "Success", "Failed", "Pending", "buygoods_transaction_received",
						"incoming_payment", "reversals", "Bank Account", "Mobile Wallet"));
			case 10:
				return NODES.numberNode(new java.math.BigInteger(1 + random.nextInt(900), random));
			case 11: {
				ArrayNode array = NODES.arrayNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					array.add(randomValue(random, depth + 1));
				}
				return array;
			}
			default: {
				ObjectNode object = NODES.objectNode();
				for (int i = random.nextInt(4); i > 0; i--) {
					object.set(pick(random, "id", "type", "topic", "data", "attributes", "event", "resource", "amount",
							"_links", "metadata", "errors", "status", "destination", "transfer_batches",
							"disbursements", "TransactionType"), randomValue(random, depth + 1));
				}
				return object;
			}
		}
	}

	/** Arrays or objects nested up to well past the parser's limit. */
	private static JsonNode deep(Random random) {
		int depth = 1 + random.nextInt(120);
		JsonNode node = randomValue(random, 3);
		for (int i = 0; i < depth; i++) {
			if (random.nextBoolean()) {
				node = NODES.arrayNode().add(node);
			}
			else {
				ObjectNode object = NODES.objectNode();
				object.set(pick(random, "resource", "event", "attributes", "metadata", "data"), node);
				node = object;
			}
		}
		return node;
	}

	private static byte[] hugeNumbers(byte[] body, Random random) {
		String text = new String(body, StandardCharsets.UTF_8);
		String huge = pick(random, "1e999999999", "-1E-999999999", "9".repeat(999), "9".repeat(1001), "1e9999999999",
				"123456789012345678901234567890.123456789", "-0.0", "1.7976931348623157E309");
		String quoted = random.nextBoolean() ? huge : "\"" + huge + "\"";
		return text.replaceAll("\"amount\"\\s*:\\s*(\"[^\"]*\"|[-0-9.eE+]+)", "\"amount\": " + quoted)
			.replaceAll("\"value\"\\s*:\\s*(\"[^\"]*\"|[-0-9.eE+]+|null)", "\"value\": " + quoted)
			.replaceAll("\"TransAmount\"\\s*:\\s*\"[^\"]*\"", "\"TransAmount\": " + quoted)
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(200)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] tokenSoup(Random random) {
		String[] tokens = { "{", "}", "[", "]", ":", ",", "\"topic\"", "\"data\"", "\"type\"", "\"attributes\"",
				"\"incoming_payment\"", "\"customer_created\"", "\"TransactionType\"", "null", "true", "1e400",
				"\"\\u0000\"", "\"\\ud800\"", "-", "0", " ", "\"", "\\" };
		StringBuilder soup = new StringBuilder(random.nextBoolean() ? "{" : "");
		for (int i = random.nextInt(60); i > 0; i--) {
			soup.append(tokens[random.nextInt(tokens.length)]);
		}
		return soup.toString().getBytes(StandardCharsets.UTF_8);
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	private static String preview(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
