package io.k2connect.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import io.k2connect.K2Client;
import io.k2connect.model.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * A stateful stand-in for the K2 API, in process, on a loopback port: OAuth, every v1 and
 * v2 create and status endpoint (send money, external recipients, transfer accounts,
 * reversals and payment links included), signed results posted to callback URLs, signed
 * webhooks posted to subscriptions, and fault injection for tests. See the module's
 * README for every endpoint and magic value.
 *
 * <pre>{@code
 * try (K2Simulator k2 = K2Simulator.builder().callbackDelay(Duration.ofMillis(50)).start()) {
 *     K2Client client = k2.clientBuilder().build();
 *     client.receivePayments().createPaymentRequest(PaymentRequest.builder()
 *         .tillNumber("K000000").phoneNumber("0712345678").amount(new BigDecimal("250"))
 *         .callbackUrl("http://127.0.0.1:8080/k2/webhooks").build());
 *     Delivery result = k2.awaitDeliveries(1, Duration.ofSeconds(5)).get(0);
 * }
 * }</pre>
 *
 * <p>
 * Everything is kept in memory. The simulator is thread-safe; its threads are daemons.
 * {@link #toString()} never shows the secret or the API key.
 */
public final class K2Simulator implements AutoCloseable {

	/** The client id when none is given. */
	public static final String DEFAULT_CLIENT_ID = "sim-client-id";

	/** The client secret when none is given. */
	public static final String DEFAULT_CLIENT_SECRET = "sim-client-secret";

	/** The API key (the key of every signature) when none is given. */
	public static final String DEFAULT_API_KEY = "sim-api-key";

	/**
	 * The port of the standalone simulator ({@link #main(String[])}) when none is given.
	 */
	public static final int DEFAULT_STANDALONE_PORT = 8089;

	/**
	 * The JDK server writes an answer's headers and body separately, so with Nagle's
	 * algorithm every keep-alive request waits about 40 ms for the client's delayed ACK.
	 * The JDK reads this property once, when it creates its first server in the JVM: set
	 * here, it takes effect unless a JDK server was created before this class was loaded
	 * (see the README).
	 */
	private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

	static {
		if (System.getProperty(NODELAY_PROPERTY) == null) {
			System.setProperty(NODELAY_PROPERTY, "true");
		}
	}

	private final SimulatorConfig config;

	private final HttpServer server;

	private final URI baseUrl;

	private final ExecutorService httpExecutor;

	private final ScheduledExecutorService scheduler;

	private final SimulatorState state = new SimulatorState();

	private final Outbox outbox;

	private final SimulatorFaults faults;

	private final Outcomes outcomes;

	private final PaymentLinks paymentLinks;

	private final Router router;

	private final AtomicBoolean closed = new AtomicBoolean();

	private K2Simulator(SimulatorConfig config) {
		this.config = config;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not listen on " + InetAddress.getLoopbackAddress().getHostAddress() + ":" + config.port(),
					ex);
		}
		InetSocketAddress address = this.server.getAddress();
		this.baseUrl = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
		this.httpExecutor = Executors.newCachedThreadPool(new DaemonThreads("k2-simulator-server"));
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2,
				new DaemonThreads("k2-simulator-scheduler"));
		scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler = scheduler;
		this.outbox = new Outbox(config, this.scheduler, this.state.epoch);
		this.faults = new SimulatorFaults(this.outbox);
		this.outcomes = new Outcomes(config, this.baseUrl.toString(), this.state, this.outbox, this.scheduler);
		TokenStore tokens = new TokenStore(config.tokenLifetime(), config.clock());
		this.paymentLinks = new PaymentLinks(config.clock(), this.baseUrl.toString(), this.state, this.outcomes);
		ApiEndpoints api = new ApiEndpoints(this.baseUrl.toString(), config.clock(), this.state, this.outcomes,
				this.paymentLinks);
		this.router = new Router(config, this.faults, new OAuthEndpoints(config, tokens), tokens, api,
				new AdminEndpoints(this));
		this.server.setExecutor(this.httpExecutor);
		this.server.createContext("/", this.router);
		startAsDaemon(this.server);
	}

	/** Starts configuring a simulator; {@link Builder#start()} starts it. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Where the simulator listens, e.g. {@code http://127.0.0.1:54321}; give it to
	 * {@code K2Client.Builder#baseUrl}.
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The port the simulator listens on (the one chosen by the system when built with
	 * port 0).
	 */
	public int port() {
		return this.baseUrl.getPort();
	}

	/** The OAuth client id that {@code /oauth/token} accepts. */
	public String clientId() {
		return this.config.clientId();
	}

	/** The OAuth client secret that {@code /oauth/token} accepts. */
	public String clientSecret() {
		return this.config.clientSecret();
	}

	/**
	 * The client secret when the simulator may show it (at {@code GET /simulator}, in the
	 * banner): the public default or a generated one, never one given to the builder.
	 */
	@Nullable String shownClientSecret() {
		return this.config.showsClientSecret() ? clientSecret() : null;
	}

	/**
	 * The API key every result and webhook is signed with; give it to
	 * {@code K2SignatureVerifier}.
	 */
	public String apiKey() {
		return this.config.apiKey();
	}

	/** The API key when the simulator may show it; see {@link #shownClientSecret()}. */
	@Nullable String shownApiKey() {
		return this.config.showsApiKey() ? apiKey() : null;
	}

	/**
	 * A {@link K2Client} builder already pointed at this simulator, with its credentials
	 * and API key; add timeouts or retries as needed and {@code build()} it.
	 * @return a new builder
	 */
	public K2Client.Builder clientBuilder() {
		return K2Client.builder()
			.clientId(clientId())
			.clientSecret(clientSecret())
			.apiKey(apiKey())
			.baseUrl(this.baseUrl);
	}

	/**
	 * The requests received since start or the last {@link #reset()}, oldest first,
	 * including those that faults failed or dropped: the latest
	 * {@link Builder#maxRecordedRequests(int)}, each with at most
	 * {@link Builder#maxRecordedBodySize(int)} bytes of its body.
	 * @return an immutable snapshot
	 */
	public List<RecordedRequest> requests() {
		return this.router.requests();
	}

	/**
	 * The requests with the given method and path.
	 * @param method e.g. {@code POST}
	 * @param path e.g. {@code /api/v1/payments}
	 * @return an immutable snapshot, oldest first
	 */
	public List<RecordedRequest> requests(String method, String path) {
		return requests().stream().filter((request) -> request.is(method, path)).toList();
	}

	/**
	 * Every delivery attempt (results and webhooks) finished since start or the last
	 * {@link #reset()}, in the order they finished.
	 * @return an immutable snapshot
	 */
	public List<Delivery> deliveries() {
		return this.outbox.deliveries();
	}

	/**
	 * Waits until at least {@code count} delivery attempts have finished.
	 * @param count how many to wait for
	 * @param timeout how long to wait at most
	 * @return all deliveries so far (at least {@code count})
	 * @throws IllegalStateException when the timeout passes first; the message lists what
	 * arrived
	 */
	public List<Delivery> awaitDeliveries(int count, Duration timeout) {
		return awaitDeliveries((delivery) -> true, count, timeout);
	}

	/**
	 * Waits until at least {@code count} finished delivery attempts match {@code filter},
	 * e.g. {@code d -> d.type().equals("incoming_payment")}.
	 * @param filter which deliveries count
	 * @param count how many to wait for
	 * @param timeout how long to wait at most
	 * @return the matching deliveries so far (at least {@code count})
	 * @throws IllegalStateException when the timeout passes first; the message lists what
	 * arrived
	 */
	public List<Delivery> awaitDeliveries(Predicate<Delivery> filter, int count, Duration timeout) {
		Objects.requireNonNull(filter, "filter must not be null");
		Objects.requireNonNull(timeout, "timeout must not be null");
		return this.outbox.await(filter, count, timeout);
	}

	/**
	 * Fault injection for the requests the simulator receives and the deliveries it
	 * makes.
	 */
	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * A customer pays a till through Lipa Na M-PESA: the payment is recorded (polling
	 * returns it) and a signed {@code buygoods_transaction_received} webhook goes to
	 * every subscription for that till or for the company. The payer is called John Doe.
	 * @param tillNumber the till, e.g. {@code 555555}
	 * @param amount the amount, positive with at most two decimals
	 * @param phoneNumber the payer's phone in any Kenyan form ({@code 0712345678},
	 * {@code +254712345678}...)
	 * @return the recorded transaction
	 * @throws IllegalArgumentException when an argument breaks these rules
	 */
	public TillTransaction customerPaysTill(String tillNumber, BigDecimal amount, String phoneNumber) {
		return customerPaysTill(tillNumber, amount, phoneNumber, "John", null, "Doe");
	}

	/**
	 * A customer with the given names pays a till; see
	 * {@link #customerPaysTill(String, BigDecimal, String)}.
	 * @param tillNumber the till, e.g. {@code 555555}
	 * @param amount the amount, positive with at most two decimals
	 * @param phoneNumber the payer's phone in any Kenyan form
	 * @param firstName the payer's first name, or {@code null}
	 * @param middleName the payer's middle name, or {@code null}
	 * @param lastName the payer's last name, or {@code null}
	 * @return the recorded transaction
	 * @throws IllegalArgumentException when an argument breaks these rules
	 */
	public TillTransaction customerPaysTill(String tillNumber, BigDecimal amount, String phoneNumber,
			@Nullable String firstName, @Nullable String middleName, @Nullable String lastName) {
		if (tillNumber == null || tillNumber.isBlank()) {
			throw new IllegalArgumentException("tillNumber must not be blank");
		}
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("amount must be positive with at most 2 decimals but was " + amount);
		}
		PhoneNumber phone = PhoneNumber.tryParse(phoneNumber);
		if (phone == null) {
			throw new IllegalArgumentException("phoneNumber " + PhoneNumber.RULE + " but was " + phoneNumber);
		}
		return this.outcomes.tillPayment(tillNumber.strip(), amount, phone.e164(), firstName, middleName, lastName);
	}

	/**
	 * A customer pays a payment link ({@code POST /api/v2/payment_links}) in full: the
	 * payment is recorded as a till payment to the link's till, the signed
	 * {@code payment_link} result (its {@code payment_link.status} {@code Paid}) goes to
	 * the link's callback URL, then {@code buygoods_transaction_received} to the matching
	 * subscriptions. The payer is called John Doe.
	 * @param link the link's {@code Location} or its id
	 * @param phoneNumber the payer's phone in any Kenyan form
	 * @return the recorded transaction
	 * @throws IllegalArgumentException when there is no such link or the phone is invalid
	 * @throws IllegalStateException when the link was paid, cancelled or has expired (its
	 * {@code expires_at} by the simulator's clock)
	 */
	public TillTransaction payPaymentLink(String link, String phoneNumber) {
		return payPaymentLink(link, phoneNumber, "John", null, "Doe");
	}

	/**
	 * A customer with the given names pays a payment link; see
	 * {@link #payPaymentLink(String, String)}.
	 * @param link the link's {@code Location} or its id
	 * @param phoneNumber the payer's phone in any Kenyan form
	 * @param firstName the payer's first name, or {@code null}
	 * @param middleName the payer's middle name, or {@code null}
	 * @param lastName the payer's last name, or {@code null}
	 * @return the recorded transaction
	 * @throws IllegalArgumentException when there is no such link or the phone is invalid
	 * @throws IllegalStateException when the link was paid, cancelled or has expired
	 */
	public TillTransaction payPaymentLink(String link, String phoneNumber, @Nullable String firstName,
			@Nullable String middleName, @Nullable String lastName) {
		if (link == null || link.isBlank()) {
			throw new IllegalArgumentException("link must not be blank");
		}
		PhoneNumber phone = PhoneNumber.tryParse(phoneNumber);
		if (phone == null) {
			throw new IllegalArgumentException("phoneNumber " + PhoneNumber.RULE + " but was " + phoneNumber);
		}
		String trimmed = link.strip();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
		return this.paymentLinks.pay(id, phone.e164(), firstName, middleName, lastName);
	}

	/**
	 * Every till payment recorded since start or the last {@link #reset()}, oldest first.
	 */
	public List<TillTransaction> transactions() {
		return List.copyOf(this.state.transactions);
	}

	/**
	 * Forgets every resource, subscription, till payment, recorded request and delivery,
	 * and every fault (held deliveries are dropped). Results still pending from before
	 * are never delivered. Issued tokens stay valid, so clients built earlier keep
	 * working.
	 */
	public void reset() {
		this.state.reset();
		this.outbox.clear();
		this.faults.forget();
		this.router.clear();
	}

	/**
	 * Stops listening and stops every thread; pending results are never delivered.
	 * Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.stop(0);
			this.scheduler.shutdownNow();
			this.outbox.close();
			this.httpExecutor.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "K2Simulator[baseUrl=" + this.baseUrl + ", clientId=" + clientId() + "]";
	}

	/**
	 * Runs a simulator until the process is stopped, for use outside Java:
	 * {@code java -jar k2connect-simulator-<version>-all.jar --port=8089}. Options:
	 * {@code --port}, {@code --client-id}, {@code --client-secret}, {@code --api-key},
	 * {@code --callback-delay} (milliseconds), {@code --token-lifetime} (seconds),
	 * {@code --redeliveries}, {@code --max-request-body-size},
	 * {@code --max-recorded-requests}, {@code --max-recorded-body-size} (bytes),
	 * {@code --help}.
	 * @param args the options, each {@code --name=value}
	 * @throws InterruptedException never in practice: the main thread waits until
	 * shutdown
	 */
	public static void main(String[] args) throws InterruptedException {
		CommandLine commandLine;
		try {
			commandLine = CommandLine.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(CommandLine.USAGE);
			System.exit(2);
			return;
		}
		if (commandLine.help()) {
			System.out.println(CommandLine.USAGE);
			return;
		}
		K2Simulator simulator = commandLine.builder().start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "k2-simulator-shutdown"));
		System.out.println(commandLine.banner(simulator));
		stopped.await();
	}

	/**
	 * Starts the server from a daemon thread: the JDK server's dispatcher thread inherits
	 * the daemon flag from the thread that starts it, and a forgotten simulator must not
	 * keep the JVM alive.
	 */
	private static void startAsDaemon(HttpServer server) {
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Thread starter = new Thread(() -> {
			try {
				server.start();
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		}, "k2-simulator-start");
		starter.setDaemon(true);
		starter.start();
		try {
			starter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			server.stop(0);
			throw new IllegalStateException("Interrupted while starting the simulator", ex);
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	/**
	 * Configures a {@link K2Simulator}. Defaults: the fixed dev credentials
	 * ({@value #DEFAULT_CLIENT_ID}, {@value #DEFAULT_CLIENT_SECRET},
	 * {@value #DEFAULT_API_KEY}), a free port, results 500 ms after a create, one-hour
	 * tokens, the system clock, no redelivery, request bodies up to 1 MiB, the last 1000
	 * requests recorded with up to 16 KiB of each body.
	 */
	public static final class Builder {

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private String apiKey = DEFAULT_API_KEY;

		/**
		 * Whether the admin page may show the secret: not when it was given, so it may be
		 * a real one.
		 */
		private boolean showsClientSecret = true;

		private boolean showsApiKey = true;

		private int port;

		private Duration callbackDelay = Duration.ofMillis(500);

		private Duration tokenLifetime = Duration.ofHours(1);

		private Clock clock = Clock.systemUTC();

		private int redeliveries;

		private Duration redeliveryDelay = Duration.ofSeconds(1);

		private Duration deliveryTimeout = Duration.ofSeconds(10);

		private int maxRecordedRequests = 1000;

		private int maxRecordedBodySize = 16 * 1024;

		private int maxRequestBodySize = 1024 * 1024;

		private Builder() {
		}

		/**
		 * The OAuth client id to accept; default {@value K2Simulator#DEFAULT_CLIENT_ID}.
		 */
		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		/**
		 * The OAuth client secret to accept; default
		 * {@value K2Simulator#DEFAULT_CLIENT_SECRET}.
		 */
		public Builder clientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
			this.showsClientSecret = false;
			return this;
		}

		/**
		 * The API key to sign results and webhooks with; default
		 * {@value K2Simulator#DEFAULT_API_KEY}.
		 */
		public Builder apiKey(String apiKey) {
			this.apiKey = apiKey;
			this.showsApiKey = false;
			return this;
		}

		/**
		 * A random client id, client secret and API key, new for this simulator, instead
		 * of the public defaults: nothing signed with
		 * {@value K2Simulator#DEFAULT_API_KEY} by anyone else passes a verifier that
		 * trusts this simulator's key. Replaces credentials set before.
		 */
		public Builder generatedCredentials() {
			SecureRandom random = new SecureRandom();
			this.clientId = "sim-client-" + randomText(random, 6);
			this.clientSecret = randomText(random, 32);
			this.apiKey = randomText(random, 32);
			this.showsClientSecret = true;
			this.showsApiKey = true;
			return this;
		}

		/**
		 * The loopback port to listen on; 0 (the default) lets the system pick a free
		 * one.
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * How long after a create call its result is posted; default 500 ms, zero
		 * allowed.
		 */
		public Builder callbackDelay(Duration callbackDelay) {
			this.callbackDelay = callbackDelay;
			return this;
		}

		/** How long an access token lives; default one hour, as K2's. */
		public Builder tokenLifetime(Duration tokenLifetime) {
			this.tokenLifetime = tokenLifetime;
			return this;
		}

		/**
		 * The clock for token expiry and for the times in documents; default the system
		 * UTC clock. A test can pass a clock it moves forward to expire tokens without
		 * waiting.
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * How often a delivery the application did not accept (no answer, or not 2xx) is
		 * attempted again; default 0. K2 documents no retry schedule, so the simulator
		 * does not retry unless asked to.
		 */
		public Builder redeliveries(int redeliveries) {
			this.redeliveries = redeliveries;
			return this;
		}

		/** How long to wait before each redelivery; default 1 s. */
		public Builder redeliveryDelay(Duration redeliveryDelay) {
			this.redeliveryDelay = redeliveryDelay;
			return this;
		}

		/** How long to wait for the application to answer a delivery; default 10 s. */
		public Builder deliveryTimeout(Duration deliveryTimeout) {
			this.deliveryTimeout = deliveryTimeout;
			return this;
		}

		/**
		 * How many requests {@link K2Simulator#requests()} keeps; the oldest are dropped
		 * first; default 1000, 0 records none.
		 */
		public Builder maxRecordedRequests(int maxRecordedRequests) {
			this.maxRecordedRequests = maxRecordedRequests;
			return this;
		}

		/**
		 * How many bytes of each request's body {@link K2Simulator#requests()} keeps;
		 * longer bodies are cut and marked {@link RecordedRequest#bodyTruncated()};
		 * default 16 KiB. Handling always sees the whole body.
		 */
		public Builder maxRecordedBodySize(int maxRecordedBodySize) {
			this.maxRecordedBodySize = maxRecordedBodySize;
			return this;
		}

		/**
		 * The largest request body the simulator reads; a larger one is answered 413
		 * without being read; default 1 MiB.
		 */
		public Builder maxRequestBodySize(int maxRequestBodySize) {
			this.maxRequestBodySize = maxRequestBodySize;
			return this;
		}

		/**
		 * Starts the simulator.
		 * @return the running simulator; close it when done
		 * @throws IllegalArgumentException when a setting is invalid
		 * @throws UncheckedIOException when the port cannot be bound
		 */
		public K2Simulator start() {
			requireText(this.clientId, "clientId");
			requireText(this.clientSecret, "clientSecret");
			requireText(this.apiKey, "apiKey");
			requireBetween(this.port, 0, 65535, "port");
			requireNotNegative(this.callbackDelay, "callbackDelay");
			requireNotNegative(this.redeliveryDelay, "redeliveryDelay");
			requirePositive(this.tokenLifetime, "tokenLifetime");
			requirePositive(this.deliveryTimeout, "deliveryTimeout");
			Objects.requireNonNull(this.clock, "clock must not be null");
			requireBetween(this.redeliveries, 0, 10, "redeliveries");
			requireNotNegative(this.maxRecordedRequests, "maxRecordedRequests");
			requireNotNegative(this.maxRecordedBodySize, "maxRecordedBodySize");
			// One byte more than the limit is read to tell a body of exactly the limit
			// from a larger one.
			requireBetween(this.maxRequestBodySize, 1, Integer.MAX_VALUE - 1, "maxRequestBodySize");
			return new K2Simulator(new SimulatorConfig(this.clientId, this.clientSecret, this.showsClientSecret,
					this.apiKey, this.showsApiKey, this.port, this.callbackDelay, this.tokenLifetime, this.clock,
					this.redeliveries, this.redeliveryDelay, this.deliveryTimeout, this.maxRecordedRequests,
					this.maxRecordedBodySize, this.maxRequestBodySize));
		}

		private static String randomText(SecureRandom random, int bytes) {
			byte[] value = new byte[bytes];
			random.nextBytes(value);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
		}

		private static void requireBetween(int value, int min, int max, String name) {
			if (value < min || value > max) {
				throw new IllegalArgumentException(
						name + " must be between " + min + " and " + max + " but was " + value);
			}
		}

		private static void requireNotNegative(int value, String name) {
			if (value < 0) {
				throw new IllegalArgumentException(name + " must not be negative but was " + value);
			}
		}

		private static void requireText(@Nullable String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
		}

		private static void requireNotNegative(@Nullable Duration value, String name) {
			if (value == null || value.isNegative()) {
				throw new IllegalArgumentException(name + " must not be negative");
			}
		}

		private static void requirePositive(@Nullable Duration value, String name) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
		}

		@Override
		public String toString() {
			return "K2Simulator.Builder[clientId=" + this.clientId + ", port=" + this.port + "]";
		}

	}

}
