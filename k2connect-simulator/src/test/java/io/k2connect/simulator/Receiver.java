package io.k2connect.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.webhook.K2SignatureVerifier;

/**
 * The application's side in tests: a JDK HTTP server on loopback that accepts the
 * simulator's results and webhooks, records them as they arrived, and answers a chosen
 * status.
 */
final class Receiver implements AutoCloseable {

	private static final K2PayloadParser PARSER = new K2PayloadParser();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Received> received = new ArrayList<>();

	private volatile int status = 200;

	private volatile Duration delay = Duration.ZERO;

	private Receiver(HttpServer server) {
		this.server = server;
	}

	static Receiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			Receiver receiver = new Receiver(server);
			server.setExecutor(receiver.executor);
			server.createContext("/", receiver::handle);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An absolute URL on this receiver. */
	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/**
	 * Takes this long before answering every later delivery: a slow or hung application.
	 */
	Receiver answerAfter(Duration delay) {
		this.delay = delay;
		return this;
	}

	/** Answers every later delivery with this status. */
	Receiver answer(int status) {
		this.status = status;
		return this;
	}

	List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	List<Received> await(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.received) {
			while (this.received.size() < count) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("expected " + count + " deliveries but got " + this.received);
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.received, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
			return List.copyOf(this.received);
		}
	}

	Received awaitOne(Duration timeout) {
		return await(1, timeout).get(0);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			if (!this.delay.isZero()) {
				try {
					Thread.sleep(this.delay.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			Received delivery = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					exchange.getRequestHeaders().getFirst(K2SignatureVerifier.HEADER), body);
			// Recorded before answering: once the simulator has the answer (and records
			// the delivery), the test must find what the application received.
			synchronized (this.received) {
				this.received.add(delivery);
				this.received.notifyAll();
			}
			exchange.sendResponseHeaders(this.status, -1);
		}
	}

	/** One POST as the application received it. */
	record Received(String method, String path, String contentType, String signature, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * Verifies the signature with the API key and parses the body, as an application
		 * does.
		 */
		K2Payload verifiedPayload(String apiKey) {
			new K2SignatureVerifier(apiKey).verify(this.body, this.signature);
			return PARSER.parse(this.body);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " " + text();
		}

	}

}
