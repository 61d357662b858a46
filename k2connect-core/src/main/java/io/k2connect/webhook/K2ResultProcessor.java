package io.k2connect.webhook;

import java.util.Objects;

import io.k2connect.K2PayloadException;
import io.k2connect.K2SignatureException;
import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import org.jspecify.annotations.Nullable;

/**
 * Verifies, then parses, a webhook event or callback result received from K2: the Java
 * counterpart of the Python SDK's {@code ResultHandler.process}. The body is parsed only
 * after its {@value K2SignatureVerifier#HEADER} has been checked against the raw bytes,
 * so a forged body is never looked at.
 *
 * <p>
 * Skipping verification is possible only through the explicitly named
 * {@link #parseWithoutVerification(byte[])}. Instances are immutable and thread-safe.
 */
public final class K2ResultProcessor {

	private final K2SignatureVerifier verifier;

	private final K2PayloadParser parser;

	/**
	 * A processor verifying with {@code verifier} and parsing with {@code parser}.
	 * @param verifier the signature verifier holding the API key(s)
	 * @param parser the payload parser
	 */
	public K2ResultProcessor(K2SignatureVerifier verifier, K2PayloadParser parser) {
		this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
		this.parser = Objects.requireNonNull(parser, "parser must not be null");
	}

	/**
	 * Verifies the signature of a body received from K2 and parses it.
	 * @param body the request body exactly as received
	 * @param signatureHeader the {@value K2SignatureVerifier#HEADER} header, or
	 * {@code null} if the request had none
	 * @return the typed payload
	 * @throws K2SignatureException if the signature is missing, malformed or wrong; the
	 * body was not parsed
	 * @throws K2PayloadException if the body is correctly signed but not a JSON object
	 */
	public K2Payload process(byte[] body, @Nullable String signatureHeader) {
		this.verifier.verify(body, signatureHeader);
		return this.parser.parse(body);
	}

	/**
	 * Parses a body <em>without</em> checking its signature. Only for bodies whose origin
	 * is established otherwise (e.g. a status document fetched from K2 over HTTPS, or a
	 * test); never for a request that arrived at a webhook endpoint.
	 * @param body the body
	 * @return the typed payload
	 * @throws K2PayloadException if the body is not a JSON object
	 */
	public K2Payload parseWithoutVerification(byte[] body) {
		return this.parser.parse(body);
	}

	@Override
	public String toString() {
		return "K2ResultProcessor[" + this.verifier + "]";
	}

}
