package io.k2connect;

import java.net.URI;

import io.k2connect.event.K2Result;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the services reach K2: the two authorised calls every K2 operation is made of, a create
 * and a status read. {@link K2Client} supplies the implementation (managed tokens, retries that
 * never repeat a payment, typed errors) and hands out services built on it; an application
 * rarely needs this type, except to run a service against a stand-in of its own.
 *
 * <p>Implementations must be thread-safe.
 */
public interface K2Transport {

	/** The K2 base URL every path is resolved against, e.g. {@code https://sandbox.kopokopo.com}. */
	URI baseUrl();

	/**
	 * The path of an operation that exists in both API versions, under the configured one.
	 * @param collection the collection, e.g. {@code /incoming_payments}
	 * @return e.g. {@code /api/v2/incoming_payments}
	 */
	String versioned(String collection);

	/**
	 * Posts a create request ({@code POST}, JSON) and returns where K2 keeps the new resource.
	 * A request that moves money must never be sent twice: retry only when K2 cannot have
	 * received it.
	 * @param path the API path, e.g. {@code /api/v1/payments}
	 * @param body the JSON body
	 * @param options per-call options
	 * @return the resource location from the {@code Location} header
	 * @throws K2ApiException when K2 answers an error, or a success without a usable
	 * {@code Location}
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 */
	ResourceLocation create(String path, ObjectNode body, RequestOptions options);

	/**
	 * Reads a resource's status document ({@code GET} its location) as the record its callback
	 * carries.
	 * @param <T> the record type
	 * @param location where the resource lives; on the base URL's origin only, so that the
	 * access token is never sent elsewhere
	 * @param resultType the record the document must be
	 * @param options per-call options
	 * @return the typed status document
	 * @throws K2ApiException when K2 answers an error or a document of another type
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 */
	<T extends K2Result> T status(ResourceLocation location, Class<T> resultType, RequestOptions options);

}
