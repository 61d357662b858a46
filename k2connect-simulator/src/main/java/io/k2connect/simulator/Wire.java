package io.k2connect.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire conventions K2 uses in the documents the simulator writes (docs/k2-api.md
 * §0.5).
 */
final class Wire {

	/** K2 stamps its documents in Nairobi time. */
	static final ZoneOffset NAIROBI = ZoneOffset.ofHours(3);

	/**
	 * Like {@code 2020-10-19T09:24:48.622+03:00}: K2's request and creation times carry
	 * milliseconds.
	 */
	private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	/** Like {@code 2020-10-22T10:43:19+03:00}: K2's transaction times do not. */
	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	/** Like {@code 20201022104319}: Daraja's {@code TransTime}. */
	private static final DateTimeFormatter DARAJA = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/**
	 * The simulator's own mapper: decimals read exactly, as K2's amounts need. Immutable.
	 */
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private Wire() {
	}

	static JsonMapper mapper() {
		return MAPPER;
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	static byte[] bytes(JsonNode json) {
		return MAPPER.writeValueAsBytes(json);
	}

	/**
	 * The body as a JSON object, or {@code null} when it is empty, not JSON or not an
	 * object.
	 */
	static @Nullable ObjectNode parseObject(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			return (node instanceof ObjectNode object) ? object : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	static OffsetDateTime now(Clock clock) {
		return OffsetDateTime.ofInstant(clock.instant(), NAIROBI);
	}

	static String millis(OffsetDateTime time) {
		return MILLIS.format(time.atZoneSameInstant(NAIROBI));
	}

	static String millis(Instant instant) {
		return MILLIS.format(instant.atOffset(NAIROBI));
	}

	static String seconds(OffsetDateTime time) {
		return SECONDS.format(time.atZoneSameInstant(NAIROBI));
	}

	static String daraja(OffsetDateTime time) {
		return DARAJA.format(time.atZoneSameInstant(NAIROBI));
	}

	/**
	 * K2 writes transaction amounts as strings with at least one decimal:
	 * {@code "100.0"}, {@code "99.50"}.
	 */
	static String amountText(BigDecimal amount) {
		return (amount.scale() < 1) ? amount.setScale(1).toPlainString() : amount.toPlainString();
	}

	/** The text of a field, or {@code null} when it is missing, null or not a scalar. */
	static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	/** A field that holds an object, or {@code null}. */
	static @Nullable JsonNode object(@Nullable JsonNode node, String field) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value != null && value.isObject()) ? value : null;
	}

	/** Whether the field is absent or JSON null. */
	static boolean isAbsent(@Nullable JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return value == null || value.isNull();
	}

	/** Hex SHA-256, as K2's {@code hashed_sender_phone}. */
	static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}

}
