package io.k2connect;

import java.net.URI;
import java.util.Objects;

import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.event.K2Result;
import io.k2connect.event.UnknownPayload;
import io.k2connect.internal.K2Http;
import io.k2connect.internal.K2Json;
import io.k2connect.internal.Urls;
import io.k2connect.token.AccessToken;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * {@link K2Client}'s {@link K2Transport}: a create ({@code POST} JSON, answered by {@code 201}
 * and a {@code Location}) and a status read ({@code GET} the location), over the client's
 * {@link K2Http}.
 *
 * <p>It adds the bearer token (the caller's own, or the managed one), and when K2 refuses a
 * managed token with 401 it fetches a new one and tries once more.
 */
final class ClientTransport implements K2Transport {

	private final K2Http http;

	private final TokenCache tokens;

	private final URI baseUrl;

	private final ApiVersion apiVersion;

	private final K2PayloadParser parser = new K2PayloadParser();

	ClientTransport(K2Http http, TokenCache tokens, URI baseUrl, ApiVersion apiVersion) {
		this.http = http;
		this.tokens = tokens;
		this.baseUrl = baseUrl;
		this.apiVersion = apiVersion;
	}

	/**
	 * The path of an operation that exists in both API versions, under the configured one.
	 * @param collection the collection, e.g. {@code /incoming_payments}
	 * @return e.g. {@code /api/v1/incoming_payments}
	 */
	@Override
	public String versioned(String collection) {
		return this.apiVersion.pathPrefix() + collection;
	}

	/** The K2 base URL every path is resolved against. */
	@Override
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Posts a create request and returns where K2 keeps the new resource.
	 * @param path the API path, e.g. {@code /api/v1/incoming_payments}
	 * @param body the JSON body
	 * @param options per-call options
	 * @return the resource location from the {@code Location} header
	 * @throws K2ApiException when K2 answers an error, or a success without {@code Location}
	 */
	@Override
	public ResourceLocation create(String path, ObjectNode body, RequestOptions options) {
		URI uri = Urls.join(this.baseUrl, path);
		K2Http.Request request = new K2Http.Request(HttpMethod.POST, uri, "application/json",
				K2Json.mapper().writeValueAsBytes(body), null, false);
		K2Http.Response response = authorised(request, options);
		String location = response.headers().getFirst(HttpHeaders.LOCATION);
		URI resolved = (location != null) ? Urls.tryParse(location) : null;
		if (resolved == null) {
			throw new K2ApiException("K2 answered " + response.status() + " to " + request.describe()
					+ " without a valid Location header", response.status(), null, null, null, null, null);
		}
		try {
			return ResourceLocation.of(uri.resolve(resolved));
		}
		catch (K2ValidationException ex) {
			throw new K2ApiException("K2 answered " + response.status() + " to " + request.describe()
					+ " with a Location that names no resource: " + location, response.status(), null, null, null,
					null, null);
		}
	}

	/**
	 * Reads the status document of a resource ({@code GET} its location).
	 * @param location where the resource lives; must be on the configured base URL's host, so the
	 * token is never sent elsewhere
	 * @param options per-call options
	 * @return the response body
	 */
	private byte[] get(ResourceLocation location, RequestOptions options) {
		Objects.requireNonNull(location, "location must not be null");
		Objects.requireNonNull(options, "options must not be null");
		if (!Urls.sameOrigin(location.location(), this.baseUrl)) {
			throw new K2ValidationException("location",
					"must be on the configured base URL " + this.baseUrl + " (the access token is only sent there)");
		}
		K2Http.Request request = new K2Http.Request(HttpMethod.GET, location.location(), null, null, null, true);
		return authorised(request, options).body();
	}

	/**
	 * Reads the status document of a resource and returns it as the result record its
	 * callback carries.
	 * @param location where the resource lives (see {@link #get})
	 * @param resultType the record the document must be
	 * @param options per-call options
	 * @return the typed status document
	 * @throws K2ApiException when the body is not a status document of that type
	 */
	@Override
	public <T extends K2Result> T status(ResourceLocation location, Class<T> resultType, RequestOptions options) {
		byte[] body = get(location, options);
		String request = "GET " + location.location().getRawPath();
		K2Payload payload;
		try {
			payload = this.parser.parse(body);
		}
		catch (K2PayloadException ex) {
			throw new K2ApiException("K2 answered " + request + " with a body that is not a status document: "
					+ ex.getMessage(), 200, null, null, null, null, null);
		}
		if (!resultType.isInstance(payload)) {
			String actual = (payload instanceof K2Result result) ? result.type()
					: (payload instanceof UnknownPayload unknown) ? unknown.type() : null;
			actual = (actual != null) ? actual : payload.getClass().getSimpleName();
			throw new K2ApiException("K2 answered " + request + " with a '" + actual + "' document where "
					+ resultType.getSimpleName() + " was expected", 200, null, null, null, null, null);
		}
		return resultType.cast(payload);
	}

	private K2Http.Response authorised(K2Http.Request request, RequestOptions options) {
		Objects.requireNonNull(options, "options must not be null");
		if (options.accessToken() != null) {
			return this.http.execute(request.withBearerToken(options.accessToken()));
		}
		AccessToken token = this.tokens.get();
		try {
			return this.http.execute(request.withBearerToken(token.accessToken()));
		}
		catch (K2AuthenticationException ex) {
			if (ex.status() != 401) {
				throw ex;
			}
			// K2 refused a token we believed valid (revoked, or expired early): one fresh try.
			// Safe even for payments: a 401 means K2 did not act on the request.
			this.tokens.invalidate(token.accessToken());
			return this.http.execute(request.withBearerToken(this.tokens.get().accessToken()));
		}
	}

}
