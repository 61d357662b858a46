package io.k2connect.benchmarks.throughput;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.k2connect.webhook.K2SignatureVerifier;

/**
 * The async inbox on PostgreSQL under a steady load: starts {@link ThroughputApp} with
 * {@code k2.webhook.processing=async} and the JDBC store on the database of
 * {@code --jdbc-url}, then offers distinct signed webhooks at a fixed rate (an open loop:
 * each of {@code --connections} keep-alive connections sends on its own schedule, and an
 * answer's latency counts from when its request was due, so a slow answer also delays,
 * and is charged for, the requests queued behind it).
 *
 * <p>
 * Reports the answers' latency percentiles over the measured phase, how many deliveries
 * the listener had received when the offered load ended, and how long the inbox took to
 * drain the rest. Options: {@code --rate 2000 --warmup 10 --duration 30 --connections 32
 * --jdbc-url URL} (user and password in the URL).
 */
public final class InboxLoadDriver {

	/** Further {@code --name=value} arguments for the app, from {@code --app-arg}. */
	private final List<String> extraAppArgs = new ArrayList<>();

	private final int rate;

	private final int warmupSeconds;

	private final int durationSeconds;

	private final int connections;

	private final String jdbcUrl;

	/** jdbc (the measurement), or memory (to tell the database's share from the rest). */
	private final String store;

	private final int dispatchers;

	private final String table = "K2_BENCH_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);

	private InboxLoadDriver(String[] args) {
		int rate = 2000;
		int warmup = 10;
		int duration = 30;
		int connections = 32;
		String url = System.getenv("K2_BENCH_POSTGRES_URL");
		String store = "jdbc";
		int dispatchers = 8;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--rate" -> rate = Integer.parseInt(args[i + 1]);
				case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
				case "--duration" -> duration = Integer.parseInt(args[i + 1]);
				case "--connections" -> connections = Integer.parseInt(args[i + 1]);
				case "--jdbc-url" -> url = args[i + 1];
				case "--store" -> store = args[i + 1];
				case "--dispatchers" -> dispatchers = Integer.parseInt(args[i + 1]);
				case "--app-arg" -> this.extraAppArgs.add(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		if (url == null) {
			throw new IllegalArgumentException("Give the PostgreSQL database: --jdbc-url or K2_BENCH_POSTGRES_URL");
		}
		this.rate = rate;
		this.warmupSeconds = warmup;
		this.durationSeconds = duration;
		this.connections = connections;
		this.jdbcUrl = url;
		this.store = store;
		this.dispatchers = dispatchers;
	}

	public static void main(String[] args) throws Exception {
		new InboxLoadDriver(args).run();
	}

	private void run() throws Exception {
		int total = this.rate * (this.warmupSeconds + this.durationSeconds) + this.connections;
		System.out.printf("Generating %,d signed webhooks with distinct event ids...%n", total);
		WebhookBodies bodies = WebhookBodies.generate(total, ThroughputApp.API_KEY);
		List<String> appArgs = new ArrayList<>(List.of("--spring.autoconfigure.exclude=",
				"--spring.datasource.url=" + this.jdbcUrl, "--spring.datasource.hikari.maximum-pool-size=48",
				"--k2.webhook.processing=async", "--k2.webhook.delivery-store=" + this.store,
				"--k2.webhook.inbox.concurrency=" + this.dispatchers, "--k2.webhook.jdbc.initialize-schema=always",
				"--k2.webhook.jdbc.table-name=" + this.table));
		appArgs.addAll(this.extraAppArgs);
		LoadDriver.ChildServer server = LoadDriver.ChildServer.start(List.of("-Xms1g", "-Xmx1g"), appArgs);
		try {
			awaitStarted(server.base);
			System.out.printf("Table %s; offering %,d deliveries/s on %d connections: %d s warm-up, %d s measured%n",
					this.table, this.rate, this.connections, this.warmupSeconds, this.durationSeconds);
			measure(server.base, bodies);
		}
		finally {
			server.stop();
			dropTable();
		}
	}

	private void measure(URI base, WebhookBodies bodies) throws Exception {
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) * this.connections / this.rate;
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		long measureFrom = start + TimeUnit.SECONDS.toNanos(this.warmupSeconds);
		long end = measureFrom + TimeUnit.SECONDS.toNanos(this.durationSeconds);
		AtomicInteger next = new AtomicInteger();
		AtomicLong accepted = new AtomicLong();
		AtomicLong other = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> senders = new ArrayList<>();
		int perSender = (int) ((end - measureFrom) / intervalNanos) + 2;
		for (int c = 0; c < this.connections; c++) {
			long[] micros = new long[perSender];
			latencies.add(micros);
			// Senders start staggered across one interval, so the load is even.
			long offset = intervalNanos * c / this.connections;
			Thread sender = new Thread(() -> {
				int measured = 0;
				try (RawHttpConnection connection = new RawHttpConnection(base)) {
					for (long due = start + offset; due < end; due += intervalNanos) {
						long wait = due - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						int index = next.getAndIncrement();
						if (index >= bodies.size()) {
							break;
						}
						try {
							RawHttpConnection.Reply reply = connection.post("/k2/webhooks", K2SignatureVerifier.HEADER,
									bodies.signature(index), bodies.body(index));
							if (reply.status() == 200) {
								accepted.incrementAndGet();
							}
							else {
								other.incrementAndGet();
							}
						}
						catch (IOException ex) {
							errors.incrementAndGet();
						}
						if (due >= measureFrom && measured < micros.length) {
							micros[measured++] = (System.nanoTime() - due) / 1000;
						}
					}
				}
				finally {
					micros[micros.length - 1] = measured; // the count, in the last slot
				}
			}, "sender-" + c);
			senders.add(sender);
			sender.start();
		}
		for (Thread sender : senders) {
			sender.join();
		}
		long offeredEnd = System.nanoTime();
		long publishedAtEnd = events(base);
		long drainStart = System.nanoTime();
		long published = publishedAtEnd;
		while (published < accepted.get() && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(120)) {
			Thread.sleep(50);
			published = events(base);
		}
		double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

		long[] all = latencies.stream()
			.flatMapToLong((micros) -> Arrays.stream(micros, 0, (int) micros[micros.length - 1]))
			.sorted()
			.toArray();
		double seconds = (offeredEnd - start) / 1e9;
		System.out.printf("Sent %,d in %.1f s (%,.0f/s): %,d answered 200, %,d other, %,d I/O errors%n", next.get(),
				seconds, next.get() / seconds, accepted.get(), other.get(), errors.get());
		System.out.printf(
				"Answer latency over the measured %d s (%,d answers): p50 %.2f ms, p90 %.2f ms,"
						+ " p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
				this.durationSeconds, all.length, percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99),
				percentile(all, 0.999), (all.length > 0) ? all[all.length - 1] / 1000.0 : 0.0);
		System.out.printf("Published when the load ended: %,d of %,d accepted; all published %.1f s later: %s%n",
				publishedAtEnd, accepted.get(), drainSeconds,
				(published == accepted.get()) ? "yes" : "NO, " + published);
	}

	private static double percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1000.0;
	}

	private static long events(URI base) throws IOException, InterruptedException {
		HttpResponse<String> stats = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(base.resolve("/stats")).build(), HttpResponse.BodyHandlers.ofString());
		String body = stats.body();
		return Long.parseLong(body.replaceAll("[^0-9]", ""));
	}

	private static void awaitStarted(URI base) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try {
				events(base);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("ThroughputApp did not start within 60 s; see its log");
	}

	private void dropTable() {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + this.table);
		}
		catch (SQLException ex) {
			System.out.println("Could not drop table " + this.table + ": " + ex.getMessage());
		}
	}

}
