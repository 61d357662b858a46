package io.k2connect.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback OAuth token endpoint that counts requests and can be switched to failing.
 */
public final class TokenEndpointStub implements AutoCloseable {

	private final HttpServer server;

	public final AtomicInteger tokenRequests = new AtomicInteger();

	public volatile int status = 200;

	public TokenEndpointStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/oauth/token", (exchange) -> {
			try (exchange) {
				exchange.getRequestBody().readAllBytes();
				this.tokenRequests.incrementAndGet();
				byte[] body = ((this.status == 200)
						? "{\"access_token\":\"stub-token-value\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
						: "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(this.status, body.length);
				exchange.getResponseBody().write(body);
			}
		});
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
