package io.k2connect.benchmarks.throughput;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.k2connect.webhook.K2SignatureVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The docs/architecture.md §6 throughput bar: the webhook endpoint must hold at least 95%
 * of the throughput of {@code /floor} (an empty Spring MVC POST endpoint that also
 * computes the body's HMAC and tree-parses it, see {@link StageController}) in the same
 * app under the same load, in every timed round. Its ratio to the empty endpoint itself
 * is reported next to it: the first form of the bar asked for 90% of that, which the
 * floor alone does not reach on a 2-core machine.
 *
 * <p>
 * Starts {@link ThroughputApp} in a child JVM (or uses {@code --url} of one already
 * running), then posts signed ~1 KB buygoods webhooks from {@code --threads} threads,
 * each a blocking JDK {@link HttpClient} call over HTTP/1.1 keep-alive (or, with
 * {@code --client raw}, a {@link RawHttpConnection} per thread), to {@code /empty},
 * {@code /floor} and to {@code /k2/webhooks}: a warm-up of each, then {@code --rounds}
 * timed rounds of each, alternating which goes first (ABBA) so that drift does not favour
 * either. Both endpoints get the same requests: same bodies, same headers, same client
 * code.
 *
 * <p>
 * With {@code --slices N}, each round's time per endpoint is served as {@code N} slices
 * that alternate between the endpoints (ABBA again), and the round's figures are the sums
 * of its slices. On a shared machine whose speed drifts by more than the bar within a
 * minute (the empty endpoint alone has moved from 34,700 to 43,700 req/s between two
 * 20-second rounds), slices a few seconds apart see the same machine, so a round's ratio
 * measures the endpoints rather than the drift; the work measured is the same.
 *
 * <p>
 * Every request carries a webhook with its own event id, signed in advance (the pool
 * holds {@code --pool} of them, used in turn; the pool is larger than the endpoint's
 * de-duplication memory of 100,000 keys, so an id comes round again only after the server
 * has forgotten it). A webhook counts only when the endpoint answers {@code "accepted"}:
 * a {@code "duplicate"} (which would skip publishing) counts as a failure, and at the end
 * the number of events the app's listener received must equal the number of accepted
 * webhooks (plus at most the webhooks whose answer was lost to an I/O error: POSTs are
 * not retried). The run is declared invalid (exception, non-zero exit) on any wrong
 * answer, on I/O errors above 0.01% of the requests, or on an event count out of those
 * bounds.
 *
 * <p>
 * Besides requests per second it reports the server's CPU time per request (from the OS,
 * for the child JVM, and on Linux by thread group, see {@link ServerThreads}), which does
 * not depend on how much of the machine the client takes.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.k2connect.benchmarks.throughput.LoadDriver \
 *     [--threads 16] [--warmup 30] [--duration 20] [--rounds 2] [--slices 1] [--client jdk|raw] [--pool 131072] \
 *     [--endpoints empty,floor,webhook[,empty-answer,stage-read,stage-verify,stage-parse]] \
 *     [--server-jvm "-Xms1g -Xmx1g"] [--url http://127.0.0.1:8080 [--server-pid PID]]
 * </pre>
 */
public final class LoadDriver {

	/**
	 * The first form of the bar, webhook against {@code /empty}: reported, no longer
	 * judged, since the floor alone stays below it on a 2-core machine.
	 */
	private static final double EMPTY_BAR = 0.90;

	/** The bar: webhook against {@code /floor}, in every round. */
	private static final double FLOOR_BAR = 0.95;

	private static final String WEBHOOK_PATH = "/k2/webhooks";

	private static final String EMPTY_PATH = "/empty";

	/** Latency histogram: 0.1 ms buckets up to 2 s, the last one catches the rest. */
	private static final int BUCKETS = 20_001;

	private final Options options;

	private final WebhookBodies bodies;

	private final HttpClient client;

	private final URI base;

	private final @Nullable ProcessHandle server;

	/**
	 * Next pool index per endpoint: only webhooks count towards the server's
	 * de-duplication memory.
	 */
	private final Map<Endpoint, AtomicLong> next = new java.util.EnumMap<>(Endpoint.class);

	private long acceptedWebhooks;

	/**
	 * Webhooks whose answer was lost to an I/O error: the server may or may not have
	 * published them.
	 */
	private long unansweredWebhooks;

	private LoadDriver(Options options, WebhookBodies bodies, URI base, @Nullable ProcessHandle server) {
		this.options = options;
		this.bodies = bodies;
		this.base = base;
		this.server = server;
		for (Endpoint endpoint : Endpoint.values()) {
			this.next.put(endpoint, new AtomicLong());
		}
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		System.out.printf("Generating %,d signed webhooks with distinct event ids...%n", options.pool);
		long t0 = System.nanoTime();
		WebhookBodies bodies = WebhookBodies.generate(options.pool, ThroughputApp.API_KEY);
		System.out.printf("  done in %.1f s; body size %d bytes%n", (System.nanoTime() - t0) / 1e9,
				bodies.body(0).length);

		ChildServer child = null;
		URI base;
		ProcessHandle serverProcess;
		if (options.url != null) {
			base = URI.create(options.url);
			serverProcess = (options.serverPid > 0) ? ProcessHandle.of(options.serverPid).orElse(null) : null;
			System.out.println("Using the server at " + base
					+ ((serverProcess != null) ? " (pid " + serverProcess.pid() + ")" : " (server CPU not measured)"));
		}
		else {
			child = ChildServer.start(options.serverJvmArgs);
			base = child.base;
			serverProcess = child.process.toHandle();
		}
		try {
			new LoadDriver(options, bodies, base, serverProcess).run();
		}
		finally {
			if (child != null) {
				child.stop();
			}
		}
	}

	private void run() throws Exception {
		waitUntilUp();
		sanityCheck();
		System.out.printf(
				"%nLoad: %d threads, %s, HTTP/1.1 keep-alive; %d s warm-up per endpoint, "
						+ "then %d round(s) of %d s per endpoint%s%n",
				this.options.threads, this.options.client.description, this.options.warmupSeconds, this.options.rounds,
				this.options.durationSeconds,
				(this.options.slices > 1) ? ", each in " + this.options.slices + " alternating slices" : "");
		System.out.printf("Machine: %d CPU(s) visible to the JVM, Java %s; client and server share them%n%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

		for (Endpoint endpoint : this.options.endpoints) {
			phase(endpoint, TimeUnit.SECONDS.toMillis(this.options.warmupSeconds), "warm-up", true);
		}

		Map<Endpoint, Totals> totals = new LinkedHashMap<>();
		for (Endpoint endpoint : this.options.endpoints) {
			totals.put(endpoint, new Totals());
		}
		List<Map<Endpoint, Totals>> rounds = new ArrayList<>();
		int slices = this.options.slices;
		long sliceMillis = TimeUnit.SECONDS.toMillis(this.options.durationSeconds) / slices;
		for (int round = 1; round <= this.options.rounds; round++) {
			Map<Endpoint, Totals> thisRound = new java.util.EnumMap<>(Endpoint.class);
			for (int slice = 0; slice < slices; slice++) {
				List<Endpoint> order = new ArrayList<>(this.options.endpoints);
				// ABBA over the whole run: every other slice starts with the other
				// endpoint.
				if (((round - 1) * slices + slice) % 2 == 1) {
					java.util.Collections.reverse(order);
				}
				for (Endpoint endpoint : order) {
					Totals phase = phase(endpoint, sliceMillis, "round " + round, slices == 1);
					thisRound.computeIfAbsent(endpoint, (key) -> new Totals()).add(phase);
					totals.get(endpoint).add(phase);
				}
			}
			if (slices > 1) {
				for (Endpoint endpoint : this.options.endpoints) {
					print("round " + round, endpoint, thisRound.get(endpoint));
				}
			}
			rounds.add(thisRound);
		}
		report(totals, ratios(rounds, Endpoint.WEBHOOK, Endpoint.EMPTY));
		if (this.options.endpoints.contains(Endpoint.FLOOR)) {
			reportFloor(totals, rounds);
		}
	}

	/**
	 * The bar (docs/architecture.md §6): the webhook endpoint against the floor, by
	 * round; and the floor against the empty endpoint, which says how much of the empty
	 * endpoint's throughput the unavoidable work takes on this machine.
	 */
	private static void reportFloor(Map<Endpoint, Totals> totals, List<Map<Endpoint, Totals>> rounds) {
		reportRatio(totals, rounds, Endpoint.FLOOR, Endpoint.EMPTY, null);
		reportRatio(totals, rounds, Endpoint.WEBHOOK, Endpoint.FLOOR, FLOOR_BAR);
	}

	/**
	 * The throughput of {@code a} over {@code b}, overall and by round, judged against
	 * {@code bar} in every round when there is one; and their server CPU per request.
	 */
	private static void reportRatio(Map<Endpoint, Totals> totals, List<Map<Endpoint, Totals>> rounds, Endpoint a,
			Endpoint b, @Nullable Double bar) {
		Totals ta = totals.get(a);
		Totals tb = totals.get(b);
		List<Double> byRound = ratios(rounds, a, b);
		String verdict = (bar == null) ? "" : String.format(" (bar: >= %.2f in every round) -> %s", bar,
				byRound.stream().allMatch((r) -> r >= bar) ? "MEETS THE BAR" : "MISSES THE BAR");
		System.out.printf("%s / %s throughput = %.3f, by round %s%s%n", a.path, b.path,
				ta.throughput() / tb.throughput(), formatted(byRound), verdict);
		if (ta.serverCpuNanos >= 0 && tb.serverCpuNanos >= 0) {
			System.out.printf("  server CPU per request: %.1f us vs %.1f us (%+.1f us)%n",
					ta.serverCpuNanos / 1e3 / ta.ok, tb.serverCpuNanos / 1e3 / tb.ok,
					(ta.serverCpuNanos / (double) ta.ok - tb.serverCpuNanos / (double) tb.ok) / 1e3);
		}
	}

	/** The throughput of {@code a} over that of {@code b}, one ratio per timed round. */
	private static List<Double> ratios(List<Map<Endpoint, Totals>> rounds, Endpoint a, Endpoint b) {
		return rounds.stream().map((round) -> round.get(a).throughput() / round.get(b).throughput()).toList();
	}

	private static List<String> formatted(List<Double> ratios) {
		return ratios.stream().map((r) -> String.format("%.3f", r)).toList();
	}

	private void report(Map<Endpoint, Totals> totals, List<Double> roundRatios) throws Exception {
		Totals empty = totals.get(Endpoint.EMPTY);
		Totals webhook = totals.get(Endpoint.WEBHOOK);
		System.out.printf("%nTotals over the timed rounds:%n");
		System.out.printf("  %-14s %10s %9s %9s %16s %16s %8s %10s%n", "endpoint", "req/s", "p50 ms", "p99 ms",
				"server CPU us/req", "client CPU us/req", "failed", "I/O errors");
		for (Map.Entry<Endpoint, Totals> entry : totals.entrySet()) {
			Totals t = entry.getValue();
			System.out.printf("  %-14s %,10.0f %9.2f %9.2f %16s %16.0f %8d %10d%n", entry.getKey().path, t.throughput(),
					t.percentile(0.50), t.percentile(0.99),
					(t.serverCpuNanos >= 0) ? String.format("%.0f", t.serverCpuNanos / 1e3 / t.ok) : "n/a",
					t.clientCpuNanos / 1e3 / t.ok, t.failed, t.ioErrors);
		}
		double ratio = webhook.throughput() / empty.throughput();
		boolean everyRound = roundRatios.stream().allMatch((r) -> r >= EMPTY_BAR);
		System.out.printf(
				"%nwebhook / empty throughput = %.3f, by round %s (%s >= %.2f in every round; for reference, the "
						+ "bar is against /floor)%n",
				ratio, formatted(roundRatios), everyRound ? "holds" : "not", EMPTY_BAR);
		if (empty.serverCpuNanos >= 0 && webhook.serverCpuNanos >= 0) {
			double emptyCpu = empty.serverCpuNanos / (double) empty.ok;
			double webhookCpu = webhook.serverCpuNanos / (double) webhook.ok;
			System.out.printf(
					"server CPU per request: webhook %.0f us vs empty %.0f us (+%.0f us, x%.2f); "
							+ "a server with the CPUs to itself would give about %.3f%n",
					webhookCpu / 1e3, emptyCpu / 1e3, (webhookCpu - emptyCpu) / 1e3, webhookCpu / emptyCpu,
					emptyCpu / webhookCpu);
		}
		if (empty.serverThreadNanos != null && webhook.serverThreadNanos != null) {
			System.out.printf("%nserver CPU by thread group, us per request (Linux /proc, 10 ms ticks):%n");
			System.out.printf("  %-16s %8s %8s %8s%n", "", "empty", "webhook", "delta");
			for (String group : ServerThreads.GROUPS) {
				double a = empty.serverThreadNanos.get(group) / 1e3 / empty.ok;
				double b = webhook.serverThreadNanos.get(group) / 1e3 / webhook.ok;
				System.out.printf("  %-16s %8.1f %8.1f %+8.1f%n", group, a, b, b - a);
			}
		}
		long events = publishedEvents();
		// A webhook whose answer was lost may have been published or not; nothing else
		// may differ.
		boolean eventsMatch = events >= this.acceptedWebhooks
				&& events <= this.acceptedWebhooks + this.unansweredWebhooks;
		System.out.printf(
				"webhooks accepted: %,d (and %d sent whose answer was lost to an I/O error); events the "
						+ "app's listener received: %,d -> %s%n",
				this.acceptedWebhooks, this.unansweredWebhooks, events,
				eventsMatch ? "every accepted webhook published once" : "MISMATCH");
		long ioErrors = totals.values().stream().mapToLong((t) -> t.ioErrors).sum();
		long failed = totals.values().stream().mapToLong((t) -> t.failed).sum();
		long ok = totals.values().stream().mapToLong((t) -> t.ok).sum();
		if (ioErrors > 0) {
			System.out.printf("note: %d request(s) failed with an I/O error (a connection the server closed, e.g. "
					+ "after Tomcat's 100 requests per keep-alive connection, as the client reused it); POSTs are "
					+ "not retried%n", ioErrors);
		}
		if (!eventsMatch || failed > 0 || ioErrors * 10_000 > ok) {
			throw new IllegalStateException("The run is not valid: wrong answers, I/O errors above 0.01% of "
					+ "requests, or events that do not match the accepted webhooks");
		}
	}

	/**
	 * Loads {@code endpoint} alone for {@code millis}; prints its figures when
	 * {@code print}.
	 */
	private Totals phase(Endpoint endpoint, long millis, String label, boolean print) throws Exception {
		URI uri = this.base.resolve(endpoint.path);
		AtomicLong next = this.next.get(endpoint);
		int threads = this.options.threads;
		long[][] histograms = new long[threads][BUCKETS];
		long[] ok = new long[threads];
		long[] failed = new long[threads];
		long[] ioErrors = new long[threads];
		AtomicReference<String> firstFailure = new AtomicReference<>();
		CountDownLatch start = new CountDownLatch(1);
		long durationNanos = TimeUnit.MILLISECONDS.toNanos(millis);
		long[] deadline = new long[1];
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int worker = t;
			Thread thread = new Thread(() -> {
				RawHttpConnection raw = (this.options.client == ClientKind.RAW) ? new RawHttpConnection(this.base)
						: null;
				try {
					start.await();
					long end = deadline[0];
					while (System.nanoTime() < end) {
						int index = (int) (next.getAndIncrement() % this.bodies.size());
						String signature = this.bodies.signature(index);
						byte[] body = this.bodies.body(index);
						HttpRequest request = (raw != null) ? null
								: HttpRequest.newBuilder(uri)
									.header("Content-Type", "application/json")
									.header(K2SignatureVerifier.HEADER, signature)
									.POST(HttpRequest.BodyPublishers.ofByteArray(body))
									.build();
						long sent = System.nanoTime();
						try {
							int status;
							byte[] answer;
							if (raw != null) {
								RawHttpConnection.Reply reply = raw.post(endpoint.path, K2SignatureVerifier.HEADER,
										signature, body);
								status = reply.status();
								answer = reply.body();
							}
							else {
								HttpResponse<byte[]> response = this.client.send(request,
										HttpResponse.BodyHandlers.ofByteArray());
								status = response.statusCode();
								answer = response.body();
							}
							long micros = (System.nanoTime() - sent) / 1000;
							histograms[worker][(int) Math.min(micros / 100, BUCKETS - 1)]++;
							if (status == 200 && (endpoint != Endpoint.WEBHOOK || accepted(answer))) {
								ok[worker]++;
							}
							else {
								failed[worker]++;
								firstFailure.compareAndSet(null,
										status + " " + new String(answer, StandardCharsets.UTF_8));
							}
						}
						catch (IOException ex) {
							ioErrors[worker]++;
							firstFailure.compareAndSet(null, ex.toString());
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					if (raw != null) {
						raw.close();
					}
				}
			}, "load-" + t);
			workers.add(thread);
			thread.start();
		}
		Map<String, Long> threadsBefore = (this.server != null) ? ServerThreads.snapshot(this.server.pid()) : null;
		long serverCpuBefore = serverCpuNanos();
		long clientCpuBefore = clientCpuNanos();
		long begin = System.nanoTime();
		deadline[0] = begin + durationNanos;
		start.countDown();
		for (Thread thread : workers) {
			thread.join();
		}
		long elapsed = System.nanoTime() - begin;
		long serverCpuAfter = serverCpuNanos();
		Map<String, Long> threadsAfter = (threadsBefore != null) ? ServerThreads.snapshot(this.server.pid()) : null;
		long clientCpuAfter = clientCpuNanos();

		Totals totals = new Totals();
		totals.ok = Arrays.stream(ok).sum();
		totals.failed = Arrays.stream(failed).sum();
		totals.ioErrors = Arrays.stream(ioErrors).sum();
		totals.nanos = elapsed;
		for (long[] histogram : histograms) {
			for (int i = 0; i < BUCKETS; i++) {
				totals.histogram[i] += histogram[i];
			}
		}
		totals.serverCpuNanos = (serverCpuBefore >= 0 && serverCpuAfter >= 0) ? serverCpuAfter - serverCpuBefore : -1;
		totals.clientCpuNanos = clientCpuAfter - clientCpuBefore;
		totals.serverThreadNanos = (threadsAfter != null) ? ServerThreads.minus(threadsAfter, threadsBefore) : null;
		if (endpoint == Endpoint.WEBHOOK) {
			this.acceptedWebhooks += totals.ok;
			this.unansweredWebhooks += totals.ioErrors;
		}
		if (print) {
			print(label, endpoint, totals);
			if (firstFailure.get() != null) {
				System.out.println("    first failure: " + firstFailure.get());
			}
		}
		else if (firstFailure.get() != null && totals.failed + totals.ioErrors > 0) {
			System.out.println("  " + label + " " + endpoint.path + ", first failure: " + firstFailure.get());
		}
		return totals;
	}

	private static void print(String label, Endpoint endpoint, Totals totals) {
		System.out.printf(
				"  %-9s %-14s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  server CPU %s us/req  "
						+ "client CPU %4.0f us/req  failed %d  I/O errors %d%n",
				label, endpoint.path, totals.throughput(), totals.percentile(0.50), totals.percentile(0.99),
				(totals.serverCpuNanos >= 0) ? String.format("%4.0f", totals.serverCpuNanos / 1e3 / totals.ok) : "n/a",
				totals.clientCpuNanos / 1e3 / totals.ok, totals.failed, totals.ioErrors);
	}

	private static boolean accepted(byte[] response) {
		return new String(response, StandardCharsets.UTF_8).contains("\"outcome\":\"accepted\"");
	}

	/**
	 * One webhook is accepted, the same one again is a duplicate, and /empty answers 200.
	 */
	private void sanityCheck() throws Exception {
		int index = (int) this.next.get(Endpoint.WEBHOOK).getAndIncrement();
		HttpResponse<String> first = post(Endpoint.WEBHOOK, index);
		HttpResponse<String> again = post(Endpoint.WEBHOOK, index);
		HttpResponse<String> empty = post(Endpoint.EMPTY, index);
		if (first.statusCode() != 200 || !first.body().contains("\"accepted\"") || again.statusCode() != 200
				|| !again.body().contains("\"duplicate\"") || empty.statusCode() != 200) {
			throw new IllegalStateException(
					"Sanity check failed: webhook " + first.statusCode() + " " + first.body() + ", repeated webhook "
							+ again.statusCode() + " " + again.body() + ", empty " + empty.statusCode());
		}
		this.acceptedWebhooks++;
		System.out.println("Sanity check: a signed webhook is accepted, the same one again is answered as a "
				+ "duplicate (de-duplication is on), /empty answers 200");
	}

	private HttpResponse<String> post(Endpoint endpoint, int index) throws Exception {
		return this.client.send(HttpRequest.newBuilder(this.base.resolve(endpoint.path))
			.header("Content-Type", "application/json")
			.header(K2SignatureVerifier.HEADER, this.bodies.signature(index))
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.bodies.body(index)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void waitUntilUp() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		Exception last = null;
		while (System.nanoTime() < deadline) {
			if (this.server != null && !this.server.isAlive()) {
				throw new IllegalStateException("The server process exited during start-up");
			}
			try {
				HttpResponse<String> response = this.client.send(
						HttpRequest.newBuilder(this.base.resolve("/stats")).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				last = ex;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The server at " + this.base + " did not come up", last);
	}

	private long publishedEvents() throws Exception {
		String json = this.client
			.send(HttpRequest.newBuilder(this.base.resolve("/stats")).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		return Long.parseLong(json.replaceAll("[^0-9]", ""));
	}

	private long serverCpuNanos() {
		if (this.server == null) {
			return -1;
		}
		return this.server.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	private static long clientCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	private enum ClientKind {

		/** The JDK's {@link HttpClient}, one shared by all load threads. */
		JDK("blocking JDK HttpClient"),

		/**
		 * {@link RawHttpConnection}, one per load thread: far less client CPU per
		 * request.
		 */
		RAW("minimal blocking socket client (one connection per thread)");

		final String description;

		ClientKind(String description) {
			this.description = description;
		}

	}

	private enum Endpoint {

		EMPTY(EMPTY_PATH), WEBHOOK(WEBHOOK_PATH),

		/**
		 * Diagnostic: an empty endpoint that answers like the webhook endpoint (JSON
		 * body, content type).
		 */
		EMPTY_ANSWER("/empty-answer"),

		/** Diagnostic stages of the webhook work, see {@link StageController}. */
		STAGE_READ("/stage/read"), STAGE_VERIFY("/stage/verify"), STAGE_PARSE("/stage/parse"),

		/**
		 * Diagnostic: HMAC plus a bare tree parse, answering like {@code /empty}, see
		 * {@link StageController}.
		 */
		FLOOR("/floor");

		final String path;

		Endpoint(String path) {
			this.path = path;
		}

	}

	private static final class Totals {

		long ok;

		long failed;

		long ioErrors;

		long nanos;

		long serverCpuNanos;

		long clientCpuNanos;

		@Nullable Map<String, Long> serverThreadNanos = new LinkedHashMap<>();

		final long[] histogram = new long[BUCKETS];

		void add(Totals other) {
			this.ok += other.ok;
			this.failed += other.failed;
			this.ioErrors += other.ioErrors;
			this.nanos += other.nanos;
			this.serverCpuNanos = (this.serverCpuNanos < 0 || other.serverCpuNanos < 0) ? -1
					: this.serverCpuNanos + other.serverCpuNanos;
			this.clientCpuNanos += other.clientCpuNanos;
			if (this.serverThreadNanos != null && other.serverThreadNanos != null) {
				other.serverThreadNanos
					.forEach((group, nanos) -> this.serverThreadNanos.merge(group, nanos, Long::sum));
			}
			else {
				this.serverThreadNanos = null;
			}
			for (int i = 0; i < BUCKETS; i++) {
				this.histogram[i] += other.histogram[i];
			}
		}

		double throughput() {
			return this.ok / (this.nanos / 1e9);
		}

		/** Upper edge of the 0.1 ms bucket holding the quantile, in ms. */
		double percentile(double quantile) {
			long total = Arrays.stream(this.histogram).sum();
			long rank = (long) Math.ceil(quantile * total);
			long seen = 0;
			for (int i = 0; i < BUCKETS; i++) {
				seen += this.histogram[i];
				if (seen >= rank && seen > 0) {
					return (i + 1) / 10.0;
				}
			}
			return Double.NaN;
		}

	}

	/**
	 * {@link ThroughputApp} in a child JVM on a free port, its output in a temporary
	 * file.
	 */
	static final class ChildServer {

		final Process process;

		final URI base;

		private ChildServer(Process process, URI base) {
			this.process = process;
			this.base = base;
		}

		static ChildServer start(List<String> jvmArgs) throws IOException {
			return start(jvmArgs, List.of());
		}

		static ChildServer start(List<String> jvmArgs, List<String> appArgs) throws IOException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(jvmArgs);
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add(ThroughputApp.class.getName());
			command.add("--server.port=" + port);
			command.addAll(appArgs);
			Path log = Files.createTempFile("k2-throughput-server-", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			System.out.printf("Started ThroughputApp (pid %d, %s) on port %d; its log: %s%n", process.pid(),
					String.join(" ", jvmArgs), port, log);
			return new ChildServer(process, URI.create("http://127.0.0.1:" + port));
		}

		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

	private static final class Options {

		int threads = 16;

		int warmupSeconds = 30;

		int durationSeconds = 20;

		int rounds = 2;

		int slices = 1;

		int pool = 131_072;

		ClientKind client = ClientKind.JDK;

		List<Endpoint> endpoints = List.of(Endpoint.EMPTY, Endpoint.FLOOR, Endpoint.WEBHOOK);

		List<String> serverJvmArgs = List.of("-Xms1g", "-Xmx1g");

		@Nullable String url;

		long serverPid;

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 0; i < args.length; i++) {
				String name = args[i];
				String value;
				int equals = name.indexOf('=');
				if (equals > 0) {
					value = name.substring(equals + 1);
					name = name.substring(0, equals);
				}
				else if (i + 1 < args.length) {
					value = args[++i];
				}
				else {
					throw new IllegalArgumentException("Missing value for " + name);
				}
				switch (name) {
					case "--threads" -> options.threads = Integer.parseInt(value);
					case "--warmup" -> options.warmupSeconds = Integer.parseInt(value);
					case "--duration" -> options.durationSeconds = Integer.parseInt(value);
					case "--rounds" -> options.rounds = Integer.parseInt(value);
					case "--slices" -> options.slices = Integer.parseInt(value);
					case "--pool" -> options.pool = Integer.parseInt(value);
					case "--endpoints" -> options.endpoints = Arrays.stream(value.split(","))
						.map((endpoint) -> Endpoint
							.valueOf(endpoint.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_')))
						.toList();
					case "--client" -> options.client = ClientKind.valueOf(value.toUpperCase(java.util.Locale.ROOT));
					case "--server-jvm" ->
						options.serverJvmArgs = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
					case "--url" -> options.url = value;
					case "--server-pid" -> options.serverPid = Long.parseLong(value);
					default -> throw new IllegalArgumentException(
							"Unknown option " + name + "; see the class comment of " + LoadDriver.class.getName());
				}
			}
			if (options.slices < 1 || options.durationSeconds * 1000L / options.slices < 500) {
				throw new IllegalArgumentException("--slices must be at least 1, and leave at least 500 ms per slice");
			}
			if (!options.endpoints.contains(Endpoint.EMPTY) || !options.endpoints.contains(Endpoint.WEBHOOK)) {
				throw new IllegalArgumentException(
						"--endpoints must include empty and webhook (and floor, to judge the bar)");
			}
			if (options.pool <= 100_000 + options.threads * 100) {
				System.out.println("Warning: a pool this small can come round to an event id the server still "
						+ "remembers (its de-duplication memory holds 100,000 keys): expect failed requests");
			}
			return options;
		}

	}

}
