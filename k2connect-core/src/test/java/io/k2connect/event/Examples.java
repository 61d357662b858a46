package io.k2connect.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the K2 example payloads that the tests share (copied from
 * k2connect-core/src/test/resources/k2-api/examples).
 */
public final class Examples {

	private Examples() {
	}

	/** The exact bytes of {@code /k2-api/examples/<name>} on the test classpath. */
	public static byte[] bytes(String name) {
		try (InputStream in = Examples.class.getResourceAsStream("/k2-api/examples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No example " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
