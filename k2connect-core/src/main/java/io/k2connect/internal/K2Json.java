package io.k2connect.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's own Jackson 3 mapper. It is immutable and thread-safe, so one instance is
 * shared; it is never exposed as a bean, so an application's own mapper stays untouched.
 */
public final class K2Json {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private K2Json() {
	}

	/** The shared, immutable mapper. */
	public static JsonMapper mapper() {
		return MAPPER;
	}

}
