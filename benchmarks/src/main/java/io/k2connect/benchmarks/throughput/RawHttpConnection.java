package io.k2connect.benchmarks.throughput;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 keep-alive connection for the load driver's {@code raw}
 * client: one socket, requests written from prepared bytes, responses read with
 * {@code Content-Length} or chunked bodies. It does a small fraction of the JDK
 * {@code HttpClient}'s work per request, so that on a small machine more of the CPU goes
 * to the server being measured (the role {@code wrk} plays elsewhere). Not thread-safe:
 * one per load thread.
 *
 * <p>
 * When the server closes the connection (Tomcat does after
 * {@code server.tomcat.max-keep-alive-requests}, 100 by default, and says so with
 * {@code Connection: close}) the next request opens a new one; a request that finds a
 * reused connection closed before any answer is sent again, once, on a new one.
 */
final class RawHttpConnection implements Closeable {

	/** The answer: status code and body. */
	record Reply(int status, byte[] body) {
	}

	private final InetSocketAddress address;

	private final String hostHeader;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	private byte[] buffer = new byte[4096];

	/** Whether the current exchange has read a status line. */
	private boolean answered;

	RawHttpConnection(URI base) {
		this.address = new InetSocketAddress(base.getHost(), base.getPort());
		this.hostHeader = base.getHost() + ":" + base.getPort();
	}

	/**
	 * Posts a JSON body.
	 * @param path the request path
	 * @param signatureHeader the signature header name
	 * @param signature its value
	 * @param body the body
	 * @return the answer
	 * @throws IOException when the exchange fails
	 */
	Reply post(String path, String signatureHeader, String signature, byte[] body) throws IOException {
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.hostHeader
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n" + signatureHeader
				+ ": " + signature + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		int length = headBytes.length + body.length;
		if (this.buffer.length < length) {
			this.buffer = new byte[length];
		}
		System.arraycopy(headBytes, 0, this.buffer, 0, headBytes.length);
		System.arraycopy(body, 0, this.buffer, headBytes.length, body.length);
		boolean reusing = this.socket != null;
		try {
			return exchange(length);
		}
		catch (IOException ex) {
			close();
			if (!reusing || this.answered) {
				throw ex;
			}
			// The server closed an idle keep-alive connection before answering: not
			// processed, send again.
			return exchange(length);
		}
	}

	private Reply exchange(int length) throws IOException {
		if (this.socket == null) {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.connect(this.address, 5000);
			this.socket.setSoTimeout(30_000);
			this.out = this.socket.getOutputStream();
			this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
		}
		this.answered = false;
		this.out.write(this.buffer, 0, length);
		this.out.flush();
		String statusLine = readLine(true);
		this.answered = true;
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		String line;
		while (!(line = readLine(false)).isEmpty()) {
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> contentLength = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] body;
		if (chunked) {
			ByteArrayOutputStream chunks = new ByteArrayOutputStream();
			while (true) {
				String size = readLine(false);
				int semicolon = size.indexOf(';');
				int chunkLength = Integer.parseInt((semicolon >= 0) ? size.substring(0, semicolon) : size, 16);
				if (chunkLength == 0) {
					while (!readLine(false).isEmpty()) {
						// trailers
					}
					break;
				}
				chunks.write(this.in.readNBytes(chunkLength));
				readLine(false);
			}
			body = chunks.toByteArray();
		}
		else if (contentLength >= 0) {
			body = this.in.readNBytes((int) contentLength);
			if (body.length < contentLength) {
				throw new EOFException("Connection closed in the middle of a response body");
			}
		}
		else {
			body = this.in.readAllBytes();
			close = true;
		}
		if (close) {
			close();
		}
		return new Reply(status, body);
	}

	/**
	 * A CRLF-terminated line without its terminator; EOF before any byte of a status line
	 * is an EOFException.
	 */
	private String readLine(boolean statusLine) throws IOException {
		StringBuilder line = new StringBuilder(64);
		int c;
		while ((c = this.in.read()) != -1) {
			if (c == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) c);
		}
		if (statusLine && line.length() == 0) {
			throw new EOFException("Connection closed before the response");
		}
		throw new IOException("Connection closed in the middle of a response");
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
			this.socket = null;
		}
	}

}
