package io.k2connect.simulator;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 over one plain socket, for what {@code HttpClient} hides: which connection a
 * request used, and requests that announce a body they never send.
 */
final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	RawConnection(URI baseUrl) {
		try {
			this.socket = new Socket(baseUrl.getHost(), baseUrl.getPort());
			this.socket.setSoTimeout(10_000);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The form body of a token request with the simulator's credentials. */
	static String tokenForm(K2Simulator k2) {
		return tokenForm(k2.clientId(), k2.clientSecret());
	}

	static String tokenForm(String clientId, String clientSecret) {
		return "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + clientSecret;
	}

	/** Form-posts {@code body} and reads the whole answer. */
	Response post(String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n\r\n",
				bytes);
	}

	/**
	 * Form-posts {@code body} {@code count} times, one after the other, after one untimed
	 * warm-up post; each must be answered 200 with the connection kept open.
	 * @return how long the timed posts took
	 */
	Duration timePosts(int count, String path, String body) {
		assertThat(post(path, body).status()).isEqualTo(200);
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			Response response = post(path, body);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.keepsAlive()).isTrue();
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * Writes the request head and body in one write (so only the server's writes can be
	 * held back) and reads one answer: status line, headers, and a {@code Content-Length}
	 * body.
	 */
	Response send(String head, byte[] body) {
		try {
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = new byte[headBytes.length + body.length];
			System.arraycopy(headBytes, 0, request, 0, headBytes.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			this.out.write(request);
			this.out.flush();
			int status = Integer.parseInt(line().split(" ")[1]);
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String line = line(); !line.isEmpty(); line = line()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
			}
			int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
			return new Response(status, headers, new String(this.in.readNBytes(length), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new IOException("connection closed by the server");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/** One answer. */
	record Response(int status, Map<String, String> headers, String body) {

		/** Whether the server kept the connection open for the next request. */
		boolean keepsAlive() {
			return !headers().getOrDefault("Connection", "").toLowerCase(Locale.ROOT).contains("close");
		}

	}

}
