package io.k2connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import io.k2connect.event.K2PayloadParser;
import io.k2connect.internal.ClientCredentials;
import io.k2connect.internal.K2Http;
import io.k2connect.internal.Urls;
import io.k2connect.internal.Validator;
import io.k2connect.notification.NotificationService;
import io.k2connect.observation.K2ClientObservationConvention;
import io.k2connect.observation.K2ClientObservationDocumentation;
import io.k2connect.pay.PayService;
import io.k2connect.paymentlink.PaymentLinkService;
import io.k2connect.polling.PollingService;
import io.k2connect.receive.ReceivePaymentsService;
import io.k2connect.recipient.ExternalRecipientService;
import io.k2connect.reversal.ReversalService;
import io.k2connect.sendmoney.SendMoneyService;
import io.k2connect.subscription.WebhookService;
import io.k2connect.token.AccessToken;
import io.k2connect.token.TokenService;
import io.k2connect.transfer.TransferService;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The entry point to the K2 API: one client per K2 application (client id and secret),
 * leading to one service per area of the API.
 *
 * <pre>{@code
 * K2Client k2 = K2Client.builder()
 *     .clientId(System.getenv("K2_CLIENT_ID"))
 *     .clientSecret(System.getenv("K2_CLIENT_SECRET"))
 *     .baseUrl("https://sandbox.kopokopo.com")
 *     .build();
 * ResourceLocation stk = k2.receivePayments().createPaymentRequest(PaymentRequest.builder()
 *     .tillNumber("K000000").phoneNumber("0712345678").amount(new BigDecimal("250"))
 *     .callbackUrl("https://example.com/k2/webhooks").build());
 * }</pre>
 *
 * <p>
 * The client is immutable and thread-safe; build one and share it. Building it makes no
 * network call and creates no HTTP client: that happens on the first call to K2. It
 * fetches its access token on first use, caches it until shortly before it expires, and
 * refreshes it when K2 refuses it. Several clients with different credentials can live
 * side by side: nothing is static. {@link #toString()} never shows the client secret, the
 * API key or a token.
 */
public final class K2Client {

	/** The K2 sandbox, the default base URL. */
	public static final URI SANDBOX_URL = URI.create("https://sandbox.kopokopo.com");

	/** The K2 production API. */
	public static final URI PRODUCTION_URL = URI.create("https://api.kopokopo.com");

	/** The SDK version, as it appears in the {@code User-Agent}. */
	public static final String VERSION = readVersion();

	private final URI baseUrl;

	private final String clientId;

	private final ClientTransport transport;

	private final TokenService tokens;

	private final ReceivePaymentsService receivePayments;

	private final PayService pay;

	private final TransferService transfers;

	private final WebhookService webhooks;

	private final NotificationService notifications;

	private final PollingService polling;

	private final SendMoneyService sendMoney;

	private final ExternalRecipientService externalRecipients;

	private final ReversalService reversals;

	private final PaymentLinkService paymentLinks;

	private final @Nullable K2ResultProcessor resultProcessor;

	private K2Client(Builder builder, URI baseUrl) {
		this.baseUrl = baseUrl;
		this.clientId = Objects.requireNonNull(builder.clientId);
		ClientCredentials credentials = new ClientCredentials(this.clientId,
				Objects.requireNonNull(builder.clientSecret));
		String userAgent = "k2connect-java/" + VERSION
				+ ((builder.userAgentSuffix != null) ? " " + builder.userAgentSuffix : "");
		// The HTTP client is made on the first call, from the settings as they are now: a
		// builder changed after build() must not change this client.
		Duration connectTimeout = builder.connectTimeout;
		Duration readTimeout = builder.readTimeout;
		Supplier<RestClient.Builder> restClientSource = builder.restClientBuilder;
		List<String> apiKeys = builder.apiKeys();
		List<String> secrets = new ArrayList<>(apiKeys);
		secrets.add(credentials.clientSecret());
		K2Http http = new K2Http(() -> restClient(connectTimeout, readTimeout, restClientSource), builder.maxRetries,
				builder.retryBackoff, userAgent, builder.clock, secrets, builder.observationRegistry);
		ClientTransport transport = new ClientTransport(http, credentials, baseUrl, builder.apiVersion, builder.clock,
				builder.tokenRefreshSkew, builder.createObserver,
				new ClientObservations(builder.observationRegistry, builder.observationConvention, builder.apiVersion));
		this.transport = transport;
		this.tokens = transport.tokenService();
		this.receivePayments = new ReceivePaymentsService(transport);
		this.pay = new PayService(transport);
		this.transfers = new TransferService(transport);
		this.webhooks = new WebhookService(transport);
		this.notifications = new NotificationService(transport);
		this.polling = new PollingService(transport);
		this.sendMoney = new SendMoneyService(transport);
		this.externalRecipients = new ExternalRecipientService(transport);
		this.reversals = new ReversalService(transport);
		this.paymentLinks = new PaymentLinkService(transport);
		this.resultProcessor = apiKeys.isEmpty() ? null
				: new K2ResultProcessor(new K2SignatureVerifier(apiKeys), new K2PayloadParser());
	}

	/**
	 * Reads the status document of a request this client (or another with the same
	 * credentials) created, whatever its kind: the raw body, and what it parses to. For a
	 * request with a callback this is the same record the callback carries, so an
	 * application can fetch a result whose callback never came.
	 * @param location the request's location, as its create call returned it; on the base
	 * URL's origin only
	 * @return the document
	 * @throws K2ApiException when K2 answers an error or a body that is no JSON object
	 * @throws K2ConnectionException when K2 cannot be reached or does not answer in time
	 * @throws K2ValidationException when the location is on another origin
	 */
	public StatusDocument statusDocument(ResourceLocation location) {
		Objects.requireNonNull(location, "location must not be null");
		return this.transport.statusDocument(location);
	}

	/**
	 * Starts building a client. {@code clientId} and {@code clientSecret} are required.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** The OAuth endpoints: request, revoke and inspect tokens by hand. */
	public TokenService tokens() {
		return this.tokens;
	}

	/**
	 * M-PESA STK push payment requests ({@code /api/v2/incoming_payments}, or v1 with
	 * {@link ApiVersion#V1}; docs/k2-api.md §4).
	 */
	public ReceivePaymentsService receivePayments() {
		return this.receivePayments;
	}

	/**
	 * PAY: recipients and outgoing payments ({@code /api/v1/pay_recipients},
	 * {@code /api/v1/payments}, docs/k2-api.md §5; v1 only, replaced in v2 by
	 * {@link #sendMoney()} and {@link #externalRecipients()}).
	 */
	public PayService pay() {
		return this.pay;
	}

	/**
	 * Transfer accounts ({@code /api/v2/merchant_bank_accounts},
	 * {@code /api/v2/merchant_wallets}, docs/k2-api.md §11; v1 paths with
	 * {@link ApiVersion#V1}) and v1 settlement transfers
	 * ({@code /api/v1/settlement_transfers}, §6.3, replaced in v2 by
	 * {@link #sendMoney()}).
	 */
	public TransferService transfers() {
		return this.transfers;
	}

	/**
	 * Webhook subscriptions ({@code /api/v2/webhook_subscriptions}, or v1 with
	 * {@link ApiVersion#V1}; docs/k2-api.md §3).
	 */
	public WebhookService webhooks() {
		return this.webhooks;
	}

	/**
	 * Transaction SMS notifications ({@code /api/v1/transaction_sms_notifications},
	 * docs/k2-api.md §8; v1 only, deprecated in v2, which has no replacement: Python 2.0
	 * still calls this v1 path).
	 */
	public NotificationService notifications() {
		return this.notifications;
	}

	/**
	 * Polling: ask K2 to replay received transactions ({@code /api/v2/polling}, or v1
	 * with {@link ApiVersion#V1}; docs/k2-api.md §7).
	 */
	public PollingService polling() {
		return this.polling;
	}

	/**
	 * Send money (v2): to external recipients, to your own accounts, or a sweep
	 * ({@code /api/v2/send_money}, docs/k2-api.md §9).
	 */
	public SendMoneyService sendMoney() {
		return this.sendMoney;
	}

	/**
	 * External recipients (v2): save someone you send money to
	 * ({@code /api/v2/external_recipients}, docs/k2-api.md §10).
	 */
	public ExternalRecipientService externalRecipients() {
		return this.externalRecipients;
	}

	/**
	 * Reversals (v2): give back a received transaction ({@code /api/v2/reversals},
	 * docs/k2-api.md §12).
	 */
	public ReversalService reversals() {
		return this.reversals;
	}

	/**
	 * Payment links (v2): create, read and cancel links a customer opens to pay
	 * ({@code /api/v2/payment_links}, docs/k2-api.md §13).
	 */
	public PaymentLinkService paymentLinks() {
		return this.paymentLinks;
	}

	/**
	 * Verifies and parses webhooks and callbacks with the client's API key and any
	 * {@linkplain Builder#additionalApiKeys(Collection) additional keys}:
	 * {@code client.resultProcessor().process(rawBody, signatureHeader)}.
	 * @return the result processor
	 * @throws K2ValidationException when the client was built without an
	 * {@link Builder#apiKey(String) apiKey} (or additional keys)
	 */
	public K2ResultProcessor resultProcessor() {
		if (this.resultProcessor == null) {
			throw new K2ValidationException("apiKey",
					"must be set on K2Client.builder() to verify webhook and callback signatures");
		}
		return this.resultProcessor;
	}

	/**
	 * The token the services use now: the cached one, or a new one if there is none or it
	 * is about to expire. Calls K2 at most once per token lifetime.
	 * @return the current access token
	 */
	public AccessToken accessToken() {
		return this.transport.accessToken();
	}

	/** The base URL every call goes to. */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/** The OAuth client id. */
	public String clientId() {
		return this.clientId;
	}

	@Override
	public String toString() {
		return "K2Client[baseUrl=" + this.baseUrl + ", clientId=" + this.clientId + "]";
	}

	private static RestClient restClient(Duration connectTimeout, Duration readTimeout,
			@Nullable Supplier<RestClient.Builder> source) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			// K2 is plain REST; HTTP/1.1 avoids h2c upgrade surprises on loopback
			// simulators.
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		RestClient.Builder restClientBuilder = (source != null) ? source.get().clone() : RestClient.builder();
		return restClientBuilder.requestFactory(requestFactory).build();
	}

	private static String readVersion() {
		try (InputStream in = K2Client.class.getResourceAsStream("k2connect.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * Builds a {@link K2Client}. Every setting is checked in {@link #build()}, which
	 * lists all broken ones in one {@link K2ValidationException}.
	 */
	public static final class Builder {

		private @Nullable String clientId;

		private @Nullable String clientSecret;

		private @Nullable String apiKey;

		private List<String> additionalApiKeys = List.of();

		private @Nullable String baseUrl = SANDBOX_URL.toString();

		private ApiVersion apiVersion = ApiVersion.V2;

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration readTimeout = Duration.ofSeconds(30);

		private int maxRetries = 2;

		private Duration retryBackoff = Duration.ofMillis(500);

		private Duration tokenRefreshSkew = Duration.ofSeconds(60);

		private Clock clock = Clock.systemUTC();

		private @Nullable String userAgentSuffix;

		private @Nullable Supplier<RestClient.Builder> restClientBuilder;

		private @Nullable K2CreateObserver createObserver;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable K2ClientObservationConvention observationConvention;

		private Builder() {
		}

		/**
		 * Where each K2 operation is observed
		 * ({@link K2ClientObservationDocumentation#CLIENT_OPERATION}: a timer
		 * {@code k2.client.operations} tagged by operation, outcome, status and API
		 * version, with retries and refused tokens as events); none by default. The
		 * Spring Boot starter gives it the application's registry.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Names and tags the observations differently from
		 * {@link io.k2connect.observation.DefaultK2ClientObservationConvention}.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable K2ClientObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Told of every request this client creates at K2, e.g. to remember the ones
		 * whose result is awaited.
		 * @param createObserver the observer, or {@code null} for none
		 * @return this builder
		 */
		public Builder createObserver(@Nullable K2CreateObserver createObserver) {
			this.createObserver = createObserver;
			return this;
		}

		/** The OAuth application's client id. Required. */
		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		/** The OAuth application's client secret. Required; never logged or shown. */
		public Builder clientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
			return this;
		}

		/**
		 * The application's API key, which signs webhooks and callbacks; needed only for
		 * {@link K2Client#resultProcessor()}. Never logged or shown.
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			return this;
		}

		/**
		 * API keys that are accepted besides {@link #apiKey(String)}, for key rotation: a
		 * webhook or callback signed with any of them verifies through
		 * {@link K2Client#resultProcessor()}. Default none; never logged or shown.
		 */
		public Builder additionalApiKeys(Collection<String> additionalApiKeys) {
			Objects.requireNonNull(additionalApiKeys, "additionalApiKeys must not be null");
			this.additionalApiKeys = new ArrayList<>(additionalApiKeys);
			return this;
		}

		/**
		 * The K2 base URL, without {@code /api/...}; default
		 * {@link K2Client#SANDBOX_URL}. Must be {@code https://}; {@code http://} is
		 * accepted only for loopback hosts (localhost, 127.0.0.0/8, ::1), for the
		 * simulator and tests.
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/** The K2 base URL; see {@link #baseUrl(String)}. */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = (baseUrl != null) ? baseUrl.toString() : null;
			return this;
		}

		/**
		 * The API version for STK push, webhook subscriptions, polling and transfer
		 * accounts, which K2 serves under both {@code /api/v1} and {@code /api/v2};
		 * default {@link ApiVersion#V2}. PAY, settlements and SMS notifications exist in
		 * v1 only and always use it; send money, external recipients, reversals and
		 * payment links exist in v2 only.
		 */
		public Builder apiVersion(ApiVersion apiVersion) {
			this.apiVersion = apiVersion;
			return this;
		}

		/** How long to wait for a connection; default 5 s. */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/** How long to wait for K2's answer; default 30 s. */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * How often a failed call is retried, 0 to 10; default 2. GETs and token calls
		 * retry on connection failures, timeouts, 429 and 5xx; calls that create
		 * resources or move money only when the connection was never established.
		 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * The first retry's delay, doubled for each further retry (with jitter, at most 8
		 * s); default 500 ms.
		 */
		public Builder retryBackoff(Duration retryBackoff) {
			this.retryBackoff = retryBackoff;
			return this;
		}

		/** How long before its expiry a cached token is replaced; default 60 s. */
		public Builder tokenRefreshSkew(Duration tokenRefreshSkew) {
			this.tokenRefreshSkew = tokenRefreshSkew;
			return this;
		}

		/**
		 * The clock for token expiry; default the system UTC clock. Tests pass a fixed or
		 * fake one.
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Text appended to the {@code User-Agent}
		 * ({@code k2connect-java/<version> <suffix>}), e.g. your app's name.
		 */
		public Builder userAgentSuffix(String userAgentSuffix) {
			this.userAgentSuffix = userAgentSuffix;
			return this;
		}

		/**
		 * A {@link RestClient.Builder} to start from, e.g. Spring Boot's (observations,
		 * customizers). It is copied now and never changed; the client sets its own
		 * request factory (timeouts) on the copy.
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			RestClient.Builder copy = Objects.requireNonNull(restClientBuilder, "restClientBuilder must not be null")
				.clone();
			this.restClientBuilder = () -> copy;
			return this;
		}

		/**
		 * Where to get the {@link RestClient.Builder} to start from, asked once, on the
		 * first call to K2 rather than at start-up (creating Boot's builder sets up TLS).
		 * The builder it returns is cloned, never changed.
		 */
		public Builder restClientBuilder(Supplier<RestClient.Builder> restClientBuilder) {
			this.restClientBuilder = Objects.requireNonNull(restClientBuilder, "restClientBuilder must not be null");
			return this;
		}

		/**
		 * Builds the client. Makes no network call.
		 * @return the client
		 * @throws K2ValidationException naming every setting that breaks a rule
		 */
		public K2Client build() {
			Validator v = new Validator();
			v.requiredText("clientId", this.clientId);
			v.requiredText("clientSecret", this.clientSecret);
			v.check(this.apiKey == null || !this.apiKey.isBlank(), "apiKey", "must not be blank when set");
			for (int i = 0; i < this.additionalApiKeys.size(); i++) {
				String key = this.additionalApiKeys.get(i);
				v.check(key != null && !key.isBlank(), "additionalApiKeys[" + i + "]", "must not be blank");
			}
			URI url = Urls.tryParse(this.baseUrl);
			if (url == null) {
				v.check(false, "baseUrl", "must not be blank");
			}
			else {
				v.check(Urls.isSecure(url), "baseUrl", Urls.SECURE_RULE);
			}
			v.check(positive(this.connectTimeout), "connectTimeout", "must be positive");
			v.check(positive(this.readTimeout), "readTimeout", "must be positive");
			v.check(this.maxRetries >= 0 && this.maxRetries <= 10, "maxRetries", "must be between 0 and 10");
			v.check(this.retryBackoff != null && !this.retryBackoff.isNegative(), "retryBackoff",
					"must not be negative");
			v.check(this.tokenRefreshSkew != null && !this.tokenRefreshSkew.isNegative(), "tokenRefreshSkew",
					"must not be negative");
			v.check(this.clock != null, "clock", "is required");
			v.check(this.apiVersion != null, "apiVersion", "is required");
			v.throwIfInvalid();
			return new K2Client(this, Objects.requireNonNull(url));
		}

		/** The API key first, then the additional ones, each once. */
		private List<String> apiKeys() {
			Set<String> keys = new LinkedHashSet<>();
			if (this.apiKey != null) {
				keys.add(this.apiKey);
			}
			keys.addAll(this.additionalApiKeys);
			return List.copyOf(keys);
		}

		private static boolean positive(@Nullable Duration duration) {
			return duration != null && !duration.isNegative() && !duration.isZero();
		}

		@Override
		public String toString() {
			return "K2Client.Builder[baseUrl=" + this.baseUrl + ", clientId=" + this.clientId + ", clientSecret="
					+ ((this.clientSecret != null) ? "****" : "null") + ", apiKey="
					+ ((this.apiKey != null) ? "****" : "null") + ", additionalApiKeys=" + this.additionalApiKeys.size()
					+ "]";
		}

	}

}
