package io.k2connect.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import io.k2connect.K2Client;
import io.k2connect.event.Examples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw HTTP against the simulator, for what {@link K2Client} cannot send: K2's example
 * bodies as they are, v2 paths, malformed requests, missing or made-up tokens. Tokens
 * otherwise come from a real client, so the OAuth flow is the SDK's.
 */
final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Api() {
	}

	static HttpResponse<String> post(K2Simulator k2, String token, String path, String json) {
		return send(HttpRequest.newBuilder(k2.baseUrl().resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	static HttpResponse<String> post(K2Simulator k2, K2Client client, String path, JsonNode json) {
		return post(k2, client.accessToken().accessToken(), path, json.toString());
	}

	static HttpResponse<String> get(URI uri, String token) {
		return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build());
	}

	static HttpResponse<String> get(URI uri, K2Client client) {
		return get(uri, client.accessToken().accessToken());
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static URI location(HttpResponse<String> response) {
		return URI.create(response.headers().firstValue("Location").orElseThrow());
	}

	static JsonNode json(String text) {
		return Wire.mapper().readTree(text);
	}

	static JsonNode json(byte[] body) {
		return Wire.mapper().readTree(body);
	}

	static ObjectNode example(String name) {
		return (ObjectNode) json(Examples.bytes(name));
	}

	/** An example request with its callback URL pointed at the receiver. */
	static ObjectNode exampleWithCallback(String name, String callbackUrl) {
		ObjectNode body = example(name);
		((ObjectNode) body.get("_links")).put("callback_url", callbackUrl);
		return body;
	}

	/**
	 * Every field path of a JSON document ({@code data.attributes.status}, arrays as
	 * {@code []}), to compare the simulator's shapes with K2's examples.
	 */
	static Set<String> paths(JsonNode node) {
		Set<String> paths = new TreeSet<>();
		collect(node, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String prefix, Set<String> paths) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
				paths.add(path);
				collect(entry.getValue(), path, paths);
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(element, prefix + "[]", paths));
		}
	}

}
