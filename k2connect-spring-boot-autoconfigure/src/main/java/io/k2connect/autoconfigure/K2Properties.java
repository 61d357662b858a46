package io.k2connect.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.k2connect.ApiVersion;
import io.k2connect.model.Scope;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the K2 client and webhook endpoint, bound from {@code k2.*}.
 *
 * <p>
 * {@link #toString()} never shows the client secret or the API keys.
 */
@ConfigurationProperties("k2")
public class K2Properties {

	/**
	 * OAuth client id of the K2 application. Setting it switches the K2
	 * auto-configuration on.
	 */
	private @Nullable String clientId;

	/**
	 * OAuth client secret of the K2 application. Required with client-id.
	 */
	private @Nullable String clientSecret;

	/**
	 * API key of the K2 application: it signs webhooks and callbacks
	 * (X-KopoKopo-Signature). Required when the webhook endpoint is enabled.
	 */
	private @Nullable String apiKey;

	/**
	 * K2 base URL, without /api. https only; http only for loopback hosts (the
	 * simulator).
	 */
	private URI baseUrl = URI.create("https://sandbox.kopokopo.com");

	/**
	 * API version for STK push, webhook subscriptions, polling and transfer accounts,
	 * which K2 serves under both /api/v1 and /api/v2. PAY, settlements and SMS
	 * notifications are v1 only; send money, reversals and payment links v2 only.
	 */
	private ApiVersion apiVersion = ApiVersion.V2;

	private final Http http = new Http();

	private final Token token = new Token();

	private final Webhook webhook = new Webhook();

	private final Recovery recovery = new Recovery();

	private final Reconciliation reconciliation = new Reconciliation();

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public ApiVersion getApiVersion() {
		return this.apiVersion;
	}

	public void setApiVersion(ApiVersion apiVersion) {
		this.apiVersion = apiVersion;
	}

	public Http getHttp() {
		return this.http;
	}

	public Token getToken() {
		return this.token;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Recovery getRecovery() {
		return this.recovery;
	}

	public Reconciliation getReconciliation() {
		return this.reconciliation;
	}

	@Override
	public String toString() {
		return "K2Properties[clientId=" + this.clientId + ", clientSecret=" + mask(this.clientSecret) + ", apiKey="
				+ mask(this.apiKey) + ", baseUrl=" + this.baseUrl + ", webhook.enabled=" + this.webhook.enabled
				+ ", webhook.path=" + this.webhook.path + "]";
	}

	private static String mask(@Nullable String secret) {
		return (secret != null) ? "****" : "null";
	}

	/** HTTP settings of the K2 client. */
	public static class Http {

		/**
		 * How long to wait for a connection to K2.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * How long to wait for K2's answer.
		 */
		private Duration readTimeout = Duration.ofSeconds(30);

		/**
		 * How often a failed call is retried. GETs and token calls retry on connection
		 * failures, timeouts, 429 and 5xx; calls that move money only when the connection
		 * was never made.
		 */
		private int maxRetries = 2;

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

	}

	/** Access token management. */
	public static class Token {

		/**
		 * How long before its expiry a cached access token is replaced.
		 */
		private Duration refreshSkew = Duration.ofSeconds(60);

		public Duration getRefreshSkew() {
			return this.refreshSkew;
		}

		public void setRefreshSkew(Duration refreshSkew) {
			this.refreshSkew = refreshSkew;
		}

	}

	/** The endpoint that receives K2's signed webhooks and callbacks. */
	public static class Webhook {

		/**
		 * Whether to register the webhook endpoint (servlet web applications only).
		 */
		private boolean enabled = true;

		/**
		 * Path of the webhook endpoint (a plain path starting with '/', no patterns);
		 * give K2 this URL as webhook and callback URL.
		 */
		private String path = "/k2/webhooks";

		/**
		 * Absolute URL at which K2 reaches the webhook endpoint (through any proxy), e.g.
		 * https://shop.example/k2/webhooks; its path must end with the endpoint's path.
		 * The reconciliation gives it to K2 as the callback of its polling requests.
		 */
		private @Nullable URI publicUrl;

		/**
		 * Largest webhook body accepted; larger ones are answered with 413.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Further API keys whose signatures are accepted, for key rotation.
		 */
		private List<String> additionalApiKeys = new ArrayList<>();

		/**
		 * Where delivered keys are remembered, so that repeats are recognised: 'auto'
		 * uses the application's DataSource when it has exactly one (k2.webhook.jdbc.*),
		 * memory otherwise.
		 */
		private DeliveryStore deliveryStore = DeliveryStore.AUTO;

		/**
		 * When listeners run: 'sync' before the endpoint answers (a listener failure
		 * answers 500, so that K2 delivers again), 'async' after the delivery is stored
		 * and answered, with retries and dead deliveries (k2.webhook.retry.*,
		 * k2.webhook.inbox.*).
		 */
		private Processing processing = Processing.SYNC;

		private final Retry retry = new Retry();

		private final Inbox inbox = new Inbox();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public @Nullable URI getPublicUrl() {
			return this.publicUrl;
		}

		public void setPublicUrl(@Nullable URI publicUrl) {
			this.publicUrl = publicUrl;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public List<String> getAdditionalApiKeys() {
			return this.additionalApiKeys;
		}

		public void setAdditionalApiKeys(List<String> additionalApiKeys) {
			this.additionalApiKeys = additionalApiKeys;
		}

		public DeliveryStore getDeliveryStore() {
			return this.deliveryStore;
		}

		public void setDeliveryStore(DeliveryStore deliveryStore) {
			this.deliveryStore = deliveryStore;
		}

		public Processing getProcessing() {
			return this.processing;
		}

		public void setProcessing(Processing processing) {
			this.processing = processing;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Inbox getInbox() {
			return this.inbox;
		}

		@Override
		public String toString() {
			return "Webhook[enabled=" + this.enabled + ", path=" + this.path + ", maxBodySize=" + this.maxBodySize
					+ ", additionalApiKeys=" + this.additionalApiKeys.size() + " keys, deliveryStore="
					+ this.deliveryStore + ", processing=" + this.processing + "]";
		}

	}

	/** When the webhook endpoint's listeners run. */
	public enum Processing {

		/** On the request, before the answer; K2 delivers again after a failure. */
		SYNC,

		/**
		 * After the delivery is stored and answered, by the inbox, with retries and dead
		 * deliveries.
		 */
		ASYNC

	}

	/**
	 * Recovery of results whose callback never came: the requests the client creates are
	 * remembered until their result reaches the webhook endpoint, and fetched from their
	 * location when it is late.
	 */
	public static class Recovery {

		/**
		 * Whether to recover results whose callback did not come (needs the webhook
		 * endpoint).
		 */
		private boolean enabled = true;

		/**
		 * How long a result may take to arrive before its request's location is asked.
		 */
		private Duration resultTimeout = Duration.ofMinutes(5);

		/**
		 * How long after its creation a request whose status stays pending is given up
		 * (reported once, then forgotten).
		 */
		private Duration giveUpAfter = Duration.ofHours(24);

		/**
		 * How often overdue requests are looked for.
		 */
		private Duration pollInterval = Duration.ofSeconds(30);

		/**
		 * Longest delay between two checks of a request that is still pending.
		 */
		private Duration maxInterval = Duration.ofHours(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getResultTimeout() {
			return this.resultTimeout;
		}

		public void setResultTimeout(Duration resultTimeout) {
			this.resultTimeout = resultTimeout;
		}

		public Duration getGiveUpAfter() {
			return this.giveUpAfter;
		}

		public void setGiveUpAfter(Duration giveUpAfter) {
			this.giveUpAfter = giveUpAfter;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

	}

	/**
	 * Reconciliation of till payments whose webhook never came: a polling request per
	 * interval replays the transactions of the window since the last reconciled one, and
	 * those not received as webhooks are published as recovered.
	 */
	public static class Reconciliation {

		/**
		 * Whether to reconcile till payments by polling (needs the webhook endpoint and
		 * k2.webhook.public-url; costs one polling request per interval).
		 */
		private boolean enabled = false;

		/**
		 * Which payments to reconcile: 'company' (every till) or 'till' (the one in
		 * k2.reconciliation.till).
		 */
		private Scope scope = Scope.COMPANY;

		/**
		 * The till number to reconcile, with scope 'till'.
		 */
		private @Nullable String till;

		/**
		 * Time between two runs; each asks K2 for one polling request.
		 */
		private Duration interval = Duration.ofMinutes(15);

		/**
		 * How far each window reaches back into the last reconciled one, for payments K2
		 * records late.
		 */
		private Duration overlap = Duration.ofMinutes(5);

		/**
		 * How far back a window reaches at most, e.g. after a long downtime; payments
		 * older than this are not recovered. With the overlap, it must be shorter than
		 * the delivery store's retention (k2.webhook.jdbc.retention).
		 */
		private Duration maxWindow = Duration.ofHours(12);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Scope getScope() {
			return this.scope;
		}

		public void setScope(Scope scope) {
			this.scope = scope;
		}

		public @Nullable String getTill() {
			return this.till;
		}

		public void setTill(@Nullable String till) {
			this.till = till;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getOverlap() {
			return this.overlap;
		}

		public void setOverlap(Duration overlap) {
			this.overlap = overlap;
		}

		public Duration getMaxWindow() {
			return this.maxWindow;
		}

		public void setMaxWindow(Duration maxWindow) {
			this.maxWindow = maxWindow;
		}

	}

	/** How the inbox retries deliveries whose listeners failed (async processing). */
	public static class Retry {

		/**
		 * Attempts of a delivery, the first included, before it is dead (kept, and
		 * replayable).
		 */
		private int maxAttempts = 10;

		/**
		 * Delay after the first failure; each further one multiplies it by the
		 * multiplier, up to the max interval, less a random jitter of up to half.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Longest delay between two attempts.
		 */
		private Duration maxInterval = Duration.ofMinutes(10);

		/**
		 * Growth of the delay from one attempt to the next.
		 */
		private double multiplier = 2.0;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

	}

	/** How the inbox dispatches stored deliveries (async processing). */
	public static class Inbox {

		/**
		 * Deliveries this instance dispatches to listeners at once.
		 */
		private int concurrency = 8;

		/**
		 * How often the inbox looks for due deliveries: retries, and those left by
		 * stopped instances.
		 */
		private Duration pollInterval = Duration.ofSeconds(1);

		/**
		 * How long shutdown waits for deliveries being dispatched; those still running
		 * after it are processed again once their claim runs out.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		/**
		 * Most deliveries the in-memory store holds (waiting, retrying or dead); when it
		 * is full the endpoint answers 503 so that K2 delivers later.
		 */
		private int capacity = 10_000;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

	}

	/** Where the webhook endpoint remembers the deliveries it processed. */
	public enum DeliveryStore {

		/**
		 * The application's DataSource when it has exactly one (and spring-jdbc is on the
		 * class path), memory otherwise.
		 */
		AUTO,

		/** In memory: repeats are recognised by this instance until it stops. */
		MEMORY,

		/**
		 * A table in the application's DataSource: repeats are recognised across restarts
		 * and by every instance sharing the database.
		 */
		JDBC

	}

}
