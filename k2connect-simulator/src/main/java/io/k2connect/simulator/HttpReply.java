package io.k2connect.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the simulator answers to one request. Error bodies come in the two shapes K2 uses
 * (docs/k2-api.md §14.1): {@code {error_code, error_message}} under {@code /api}, and
 * OAuth's {@code {error, error_description}} under {@code /oauth}.
 */
record HttpReply(int status, Map<String, String> headers, byte[] body) {

	private static final byte[] EMPTY = new byte[0];

	static HttpReply json(int status, JsonNode json) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json; charset=utf-8");
		return new HttpReply(status, headers, Wire.bytes(json));
	}

	static HttpReply empty(int status) {
		return new HttpReply(status, Map.of(), EMPTY);
	}

	static HttpReply created(String location) {
		return new HttpReply(201, Map.of("Location", location), EMPTY);
	}

	static HttpReply apiError(int status, String message) {
		ObjectNode body = Wire.object().put("error_code", status).put("error_message", message);
		return json(status, body);
	}

	static HttpReply oauthError(int status, String error, String description) {
		ObjectNode body = Wire.object().put("error", error).put("error_description", description);
		return json(status, body);
	}

	HttpReply withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new HttpReply(this.status, copy, this.body);
	}

}
