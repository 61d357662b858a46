package io.k2connect;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.k2connect.event.K2Payload;
import io.k2connect.event.K2PayloadParser;
import io.k2connect.event.K2Result;
import io.k2connect.event.UnknownPayload;
import io.k2connect.internal.ClientCredentials;
import io.k2connect.internal.FormBody;
import io.k2connect.internal.K2Http;
import io.k2connect.internal.K2Json;
import io.k2connect.internal.Urls;
import io.k2connect.observation.K2ClientObservationContext;
import io.k2connect.observation.K2ClientObservationDocumentation;
import io.k2connect.token.AccessToken;
import io.k2connect.token.TokenService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * {@link K2Client}'s {@link K2Transport}: a create ({@code POST} JSON, answered by
 * {@code 201} and a {@code Location}), a status read ({@code GET} the location) and an
 * action on a resource ({@code POST} JSON, answered by {@code 200}), over the client's
 * {@link K2Http}.
 *
 * <p>
 * It adds the bearer token (the caller's own, or the managed one), and when K2 refuses a
 * managed token with 401 it fetches a new one and tries once more.
 */
final class ClientTransport implements K2Transport {

	private final K2Http http;

	private final ClientCredentials credentials;

	private final TokenService tokenService;

	private final TokenCache tokens;

	private final URI baseUrl;

	private final ApiVersion apiVersion;

	private final K2PayloadParser parser = new K2PayloadParser();

	private static final Log logger = LogFactory.getLog(ClientTransport.class);

	private final @Nullable K2CreateObserver createObserver;

	private final ClientObservations observations;

	ClientTransport(K2Http http, ClientCredentials credentials, URI baseUrl, ApiVersion apiVersion, Clock clock,
			Duration tokenRefreshSkew, @Nullable K2CreateObserver createObserver, ClientObservations observations) {
		this.http = http;
		this.observations = observations;
		this.createObserver = createObserver;
		this.credentials = credentials;
		// The token service calls K2 through this transport; the cache fetches through
		// it.
		this.tokenService = new TokenService(this, clock);
		this.tokens = new TokenCache(this.tokenService::requestAccessToken, clock, tokenRefreshSkew);
		this.baseUrl = baseUrl;
		this.apiVersion = apiVersion;
	}

	/**
	 * The path of an operation that exists in both API versions, under the configured
	 * one.
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
	 * @throws K2ApiException when K2 answers an error, or a success without
	 * {@code Location}
	 */
	@Override
	public ResourceLocation create(String path, ObjectNode body, RequestOptions options) {
		ResourceLocation created = this.observations.observe(ClientObservations.create(path), "POST", null,
				(context) -> {
					ResourceLocation location = created(path, body, options, context);
					context.setResourceId(location.id());
					return location;
				});
		observe(path, created);
		return created;
	}

	private ResourceLocation created(String path, ObjectNode body, RequestOptions options,
			K2ClientObservationContext context) {
		URI uri = Urls.join(this.baseUrl, path);
		K2Http.Request request = jsonPost(uri, body);
		K2Http.Response response = authorised(request, options, context);
		String location = response.headers().getFirst(HttpHeaders.LOCATION);
		URI resolved = (location != null) ? Urls.tryParse(location) : null;
		if (resolved == null) {
			throw K2ApiException.malformedAnswer(response.status(), "K2 answered " + response.status() + " to "
					+ request.describe() + " without a valid Location header");
		}
		try {
			return ResourceLocation.of(uri.resolve(resolved));
		}
		catch (K2ValidationException ex) {
			throw K2ApiException.malformedAnswer(response.status(), "K2 answered " + response.status() + " to "
					+ request.describe() + " with a Location that names no resource: " + location);
		}
	}

	private void observe(String path, ResourceLocation created) {
		K2CreateObserver observer = this.createObserver;
		if (observer == null) {
			return;
		}
		try {
			observer.created(path, created);
		}
		catch (RuntimeException ex) {
			// The request was made: its caller must get the location whatever happens
			// here.
			logger.warn("The K2 create observer failed on " + created.location() + "; the request was created", ex);
		}
	}

	/**
	 * Reads the status document of a resource as sent and as parsed.
	 * @param location where the resource lives (see {@link #get})
	 * @return the document
	 * @throws K2ApiException when K2 answers an error or a body that is no JSON object
	 */
	StatusDocument statusDocument(ResourceLocation location) {
		byte[] body = get(location, RequestOptions.defaults());
		try {
			return new StatusDocument(body, this.parser.parse(body));
		}
		catch (K2PayloadException ex) {
			throw K2ApiException.malformedAnswer(200, "K2 answered GET " + location.location().getRawPath()
					+ " with a body that is not a status document: " + ex.getMessage());
		}
	}

	/**
	 * Reads the status document of a resource ({@code GET} its location).
	 * @param location where the resource lives; must be on the configured base URL's
	 * host, so the token is never sent elsewhere
	 * @param options per-call options
	 * @return the response body
	 */
	private byte[] get(ResourceLocation location, RequestOptions options) {
		Objects.requireNonNull(location, "location must not be null");
		Objects.requireNonNull(options, "options must not be null");
		requireBaseUrlOrigin("location", location.location());
		K2Http.Request request = new K2Http.Request(HttpMethod.GET, location.location(), null, null, null, true);
		return this.observations.observe(ClientObservations.status(location.location()), "GET",
				ClientObservations.resourceId(location.location()),
				(context) -> authorised(request, options, context).body());
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
			throw K2ApiException.malformedAnswer(200,
					"K2 answered " + request + " with a body that is not a status document: " + ex.getMessage());
		}
		if (!resultType.isInstance(payload)) {
			String actual = (payload instanceof K2Result result) ? result.type()
					: (payload instanceof UnknownPayload unknown) ? unknown.type() : null;
			actual = (actual != null) ? actual : payload.getClass().getSimpleName();
			throw K2ApiException.malformedAnswer(200, "K2 answered " + request + " with a '" + actual
					+ "' document where " + resultType.getSimpleName() + " was expected");
		}
		return resultType.cast(payload);
	}

	/**
	 * Posts an action on an existing resource, answered by 200 and a body.
	 * @param url the absolute URL, on the base URL's origin
	 * @param body the JSON body
	 * @param options per-call options
	 * @return K2's 2xx answer
	 */
	@Override
	public Answer post(URI url, ObjectNode body, RequestOptions options) {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(body, "body must not be null");
		requireBaseUrlOrigin("url", url);
		K2Http.Request request = jsonPost(url, body);
		return this.observations.observe(ClientObservations.action(url), "POST", null,
				(context) -> answer(authorised(request, options, context)));
	}

	private void requireBaseUrlOrigin(String field, URI url) {
		if (!url.isAbsolute() || !Urls.sameOrigin(url, this.baseUrl)) {
			throw new K2ValidationException(field,
					"must be on the configured base URL " + this.baseUrl + " (the access token is only sent there)");
		}
	}

	@Override
	public Answer oauth(String path, Map<String, String> parameters, Encoding encoding) {
		Objects.requireNonNull(parameters, "parameters must not be null");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("client_id", this.credentials.clientId());
		fields.put("client_secret", this.credentials.clientSecret());
		fields.putAll(parameters);
		String contentType;
		byte[] body;
		if (encoding == Encoding.FORM) {
			FormBody form = new FormBody();
			fields.forEach(form::add);
			contentType = FormBody.CONTENT_TYPE;
			body = form.toBytes();
		}
		else {
			contentType = "application/json";
			body = K2Json.mapper().writeValueAsBytes(fields);
		}
		K2Http.Request request = new K2Http.Request(HttpMethod.POST, Urls.join(this.baseUrl, path), contentType, body,
				null, true);
		return this.observations.observe(ClientObservations.oauth(path), "POST", null,
				(context) -> answer(status(context, this.http.execute(request))));
	}

	@Override
	public Answer oauthRead(String path, String accessToken) {
		Objects.requireNonNull(accessToken, "accessToken must not be null");
		K2Http.Request request = new K2Http.Request(HttpMethod.GET, Urls.join(this.baseUrl, path), null, null,
				accessToken, true);
		return this.observations.observe(ClientObservations.oauth(path), "GET", null,
				(context) -> answer(status(context, this.http.execute(request))));
	}

	/** The OAuth endpoints, with this transport's credentials. */
	TokenService tokenService() {
		return this.tokenService;
	}

	/** The managed token: cached, or fetched now. */
	AccessToken accessToken() {
		return this.tokens.get();
	}

	/**
	 * A JSON {@code POST}, never safe to repeat: a create may move money and an action
	 * such as a cancellation changes the resource.
	 */
	private static K2Http.Request jsonPost(URI url, ObjectNode body) {
		return new K2Http.Request(HttpMethod.POST, url, "application/json", K2Json.mapper().writeValueAsBytes(body),
				null, false);
	}

	private static Answer answer(K2Http.Response response) {
		return new Answer(response.status(), response.body());
	}

	private K2Http.Response authorised(K2Http.Request request, RequestOptions options,
			K2ClientObservationContext context) {
		Objects.requireNonNull(options, "options must not be null");
		if (options.accessToken() != null) {
			return status(context, this.http.execute(request.withBearerToken(options.accessToken())));
		}
		AccessToken token = this.tokens.get();
		try {
			return status(context, this.http.execute(request.withBearerToken(token.accessToken())));
		}
		catch (K2AuthenticationException ex) {
			if (ex.status() != 401) {
				throw ex;
			}
			// K2 refused a token we believed valid (revoked, or expired early): one fresh
			// try. Safe even for payments: a 401 means K2 did not act on the request.
			this.observations.event(K2ClientObservationDocumentation.Events.TOKEN_REJECTED);
			this.tokens.invalidate(token.accessToken());
			return status(context, this.http.execute(request.withBearerToken(this.tokens.get().accessToken())));
		}
	}

	private static K2Http.Response status(K2ClientObservationContext context, K2Http.Response response) {
		context.setStatus(response.status());
		return response;
	}

}
