package io.k2connect;

import java.net.URI;
import java.util.Map;

import io.k2connect.event.K2Result;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the services reach K2: the two authorised calls every K2 operation is made of, a
 * create and a status read, an action on an existing resource, and the OAuth calls of
 * {@link io.k2connect.token.TokenService}. {@link K2Client} supplies the implementation
 * (managed tokens, retries that never repeat a payment, typed errors) and hands out
 * services built on it; an application rarely needs this type, except to run a service
 * against a stand-in of its own.
 *
 * <p>
 * Implementations must be thread-safe.
 */
public interface K2Transport {

	/**
	 * The K2 base URL every path is resolved against, e.g.
	 * {@code https://sandbox.kopokopo.com}.
	 */
	URI baseUrl();

	/**
	 * The path of an operation that exists in both API versions, under the configured
	 * one.
	 * @param collection the collection, e.g. {@code /incoming_payments}
	 * @return e.g. {@code /api/v2/incoming_payments}
	 */
	String versioned(String collection);

	/**
	 * Posts a create request ({@code POST}, JSON) and returns where K2 keeps the new
	 * resource. A request that moves money must never be sent twice: retry only when K2
	 * cannot have received it.
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
	 * Reads a resource's status document ({@code GET} its location) as the record its
	 * callback carries.
	 * @param <T> the record type
	 * @param location where the resource lives; on the base URL's origin only, so that
	 * the access token is never sent elsewhere
	 * @param resultType the record the document must be
	 * @param options per-call options
	 * @return the typed status document
	 * @throws K2ApiException when K2 answers an error or a document of another type
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 */
	<T extends K2Result> T status(ResourceLocation location, Class<T> resultType, RequestOptions options);

	/**
	 * Posts an action on an existing resource ({@code POST}, JSON) that K2 answers with
	 * {@code 200} and a JSON body rather than {@code 201} and a {@code Location}, e.g.
	 * cancelling a payment link ({@code POST <location>/cancel}, docs/k2-api.md §13.3).
	 * Authorised like {@link #create}, and like it never repeated unless K2 cannot have
	 * received it.
	 * @param url the absolute URL; on the base URL's origin only, so that the access
	 * token is never sent elsewhere
	 * @param body the JSON body
	 * @param options per-call options
	 * @return K2's 2xx answer
	 * @throws K2ApiException when K2 answers an error
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 */
	Answer post(URI url, ObjectNode body, RequestOptions options);

	/**
	 * Posts to one of K2's OAuth endpoints as the application: the implementation adds
	 * the client id and secret to the parameters (first, in that order), so that the
	 * caller never holds the secret. OAuth calls change nothing a repeat could harm, so
	 * they are retried like reads.
	 * @param path the OAuth path, e.g. {@code /oauth/token}
	 * @param parameters the parameters besides the credentials, in the order they are
	 * sent
	 * @param encoding how the parameters are sent
	 * @return K2's 2xx answer
	 * @throws K2ApiException when K2 answers an error
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 */
	Answer oauth(String path, Map<String, String> parameters, Encoding encoding);

	/**
	 * Reads an OAuth resource ({@code GET}) with the given access token as bearer, e.g.
	 * {@code /oauth/token/info}.
	 * @param path the OAuth path
	 * @param accessToken the token to present
	 * @return K2's 2xx answer
	 * @throws K2ApiException when K2 answers an error
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 */
	Answer oauthRead(String path, String accessToken);

	/** How {@link #oauth} sends its parameters. */
	enum Encoding {

		/**
		 * {@code application/x-www-form-urlencoded}, as {@code /oauth/token} and
		 * {@code /oauth/revoke} take them.
		 */
		FORM,

		/** A JSON object of strings, as {@code /oauth/introspect} takes them. */
		JSON

	}

	/**
	 * A successful answer of an OAuth endpoint.
	 *
	 * @param status the 2xx status
	 * @param body the body, empty when there was none
	 */
	record Answer(int status, byte[] body) {

	}

}
