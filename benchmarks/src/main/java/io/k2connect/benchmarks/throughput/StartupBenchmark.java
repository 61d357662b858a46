package io.k2connect.benchmarks.throughput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docs/architecture.md §6 start-up bar: the starter adds no network call at start-up
 * and under 100 ms to it.
 *
 * <p>
 * Starts {@link ThroughputApp} (embedded Tomcat, Spring MVC, the starter on the classpath
 * and configured) again and again, each time in a fresh JVM, alternately
 * <ul>
 * <li><b>without</b> k2connect: {@code spring.autoconfigure.exclude} of the four
 * k2connect auto-configurations, so none of them is even loaded;</li>
 * <li><b>with</b> k2connect: client, services, signature verifier and webhook
 * endpoint.</li>
 * </ul>
 * The order flips every pair (ABBA), and the first {@code --discard} pairs only warm the
 * page cache. Each run reports {@code SpringApplication.run} wall time, the context
 * refresh within it, and the JVM's uptime when the app was ready; medians and the
 * with/without delta are printed at the end.
 *
 * <p>
 * No network call: {@code k2.base-url} points at a socket this process listens on; any
 * connection to it during start-up would be counted (and reported) as a call to K2.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.k2connect.benchmarks.throughput.StartupBenchmark \
 *     [--runs 15] [--discard 2] [--jvm "-Xms1g -Xmx1g"]
 * </pre>
 */
public final class StartupBenchmark {

	private static final double BAR_MS = 100;

	private static final String EXCLUDE = "--spring.autoconfigure.exclude="
			+ "io.k2connect.autoconfigure.simulator.K2SimulatorAutoConfiguration,io.k2connect.autoconfigure.K2AutoConfiguration,"
			+ "io.k2connect.autoconfigure.webhook.K2WebhookAutoConfiguration,io.k2connect.autoconfigure.actuate.K2ActuatorAutoConfiguration";

	private static final Pattern TIMINGS = Pattern
		.compile(ThroughputApp.STARTED_MARKER + " run_ms=([0-9.]+) refresh_ms=([0-9.]+) uptime_ms=([0-9]+)");

	private static final Pattern BEANS = Pattern
		.compile(ThroughputApp.BEANS_MARKER + " k2_beans=([0-9]+) webhook_endpoint=(\\w+) classes_loaded=([0-9]+)");

	private enum Variant {

		WITHOUT("without k2connect"), WITH("with k2connect");

		final String label;

		Variant(String label) {
			this.label = label;
		}

	}

	private record Run(double runMs, double refreshMs, double uptimeMs, double processMs, int k2Beans,
			boolean webhookEndpoint, double classesLoaded) {
	}

	public static void main(String[] args) throws Exception {
		int runs = 15;
		int discard = 2;
		List<String> jvmArgs = List.of("-Xms1g", "-Xmx1g");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--discard" -> discard = Integer.parseInt(args[++i]);
				case "--jvm" -> {
					String value = args[++i];
					jvmArgs = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
				}
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}

		AtomicInteger connections = new AtomicInteger();
		try (ServerSocket fakeK2 = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				while (!fakeK2.isClosed()) {
					try (Socket socket = fakeK2.accept()) {
						connections.incrementAndGet();
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "fake-k2");
			acceptor.setDaemon(true);
			acceptor.start();
			String baseUrl = "http://127.0.0.1:" + fakeK2.getLocalPort();

			System.out.printf(
					"Start-up of ThroughputApp, fresh JVM per run (%s), %d measured run(s) per variant "
							+ "after %d discarded pair(s); k2.base-url=%s (counts connections)%n",
					jvmArgs.isEmpty() ? "default JVM options" : String.join(" ", jvmArgs), runs, discard, baseUrl);
			System.out.printf("Machine: %d CPU(s), Java %s%n%n", Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"));
			Map<Variant, List<Run>> results = new EnumMap<>(Variant.class);
			results.put(Variant.WITHOUT, new ArrayList<>());
			results.put(Variant.WITH, new ArrayList<>());
			for (int pair = 0; pair < discard + runs; pair++) {
				boolean measured = pair >= discard;
				List<Variant> order = (pair % 2 == 0) ? List.of(Variant.WITHOUT, Variant.WITH)
						: List.of(Variant.WITH, Variant.WITHOUT);
				for (Variant variant : order) {
					Run run = start(variant, jvmArgs, baseUrl);
					if (variant == Variant.WITH && (run.k2Beans == 0 || !run.webhookEndpoint)) {
						throw new IllegalStateException("k2connect did not configure itself: " + run);
					}
					if (variant == Variant.WITHOUT && (run.k2Beans != 0 || run.webhookEndpoint)) {
						throw new IllegalStateException("k2connect was not excluded: " + run);
					}
					System.out.printf(
							"  %-10s %-18s run %6.0f ms  refresh %6.0f ms  JVM uptime at ready %6.0f ms  "
									+ "process launch to ready %6.0f ms  k2 beans %d  classes %.0f%n",
							measured ? "pair " + (pair - discard + 1) : "discarded", variant.label, run.runMs,
							run.refreshMs, run.uptimeMs, run.processMs, run.k2Beans, run.classesLoaded);
					if (measured) {
						results.get(variant).add(run);
					}
				}
			}
			report(results, connections.get());
		}
	}

	private static void report(Map<Variant, List<Run>> results, int connections) {
		List<Run> without = results.get(Variant.WITHOUT);
		List<Run> with = results.get(Variant.WITH);
		System.out.printf("%nMedians over %d run(s) each:%n", with.size());
		System.out.printf("  %-36s %10s %10s %10s%n", "", "without", "with", "delta");
		row("SpringApplication.run wall time, ms", without, with, Run::runMs);
		row("context refresh (incl. Tomcat), ms", without, with, Run::refreshMs);
		row("JVM uptime when ready, ms", without, with, Run::uptimeMs);
		row("process launch to ready, ms", without, with, Run::processMs);
		row("classes loaded when ready", without, with, Run::classesLoaded);
		double[] pairDeltas = new double[with.size()];
		for (int i = 0; i < with.size(); i++) {
			pairDeltas[i] = with.get(i).runMs - without.get(i).runMs;
		}
		System.out.printf("  median of the per-pair deltas of SpringApplication.run: %.0f ms (min %.0f, max %.0f)%n",
				median(pairDeltas), Arrays.stream(pairDeltas).min().orElse(Double.NaN),
				Arrays.stream(pairDeltas).max().orElse(Double.NaN));
		double delta = median(values(with, Run::runMs)) - median(values(without, Run::runMs));
		System.out.printf("%nk2connect adds %.0f ms to SpringApplication.run (bar: < %.0f ms) -> %s%n", delta, BAR_MS,
				(delta < BAR_MS) ? "MEETS THE BAR" : "MISSES THE BAR");
		System.out.printf("connections to k2.base-url during all start-ups: %d -> %s%n", connections,
				(connections == 0) ? "no network call at start-up" : "THE STARTER CALLED OUT AT START-UP");
	}

	private static void row(String label, List<Run> without, List<Run> with,
			java.util.function.ToDoubleFunction<Run> metric) {
		double a = median(values(without, metric));
		double b = median(values(with, metric));
		System.out.printf("  %-36s %10.0f %10.0f %+10.0f%n", label, a, b, b - a);
	}

	private static double[] values(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
		return runs.stream().mapToDouble(metric).toArray();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static Run start(Variant variant, List<String> jvmArgs, String baseUrl) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-Dk2bench.exitAfterStart=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ThroughputApp.class.getName());
		command.add("--server.port=0");
		command.add("--k2.base-url=" + baseUrl);
		if (variant == Variant.WITHOUT) {
			command.add(EXCLUDE);
		}
		long launched = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		double[] timings = null;
		Run run = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				Matcher timing = TIMINGS.matcher(line);
				Matcher beans = BEANS.matcher(line);
				if (timings == null && timing.find()) {
					double processMs = (System.nanoTime() - launched) / 1e6;
					timings = new double[] { Double.parseDouble(timing.group(1)), Double.parseDouble(timing.group(2)),
							Double.parseDouble(timing.group(3)), processMs };
				}
				else if (timings != null && run == null && beans.find()) {
					run = new Run(timings[0], timings[1], timings[2], timings[3], Integer.parseInt(beans.group(1)),
							Boolean.parseBoolean(beans.group(2)), Double.parseDouble(beans.group(3)));
				}
				else {
					output.add(line);
				}
			}
		}
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		if (run == null) {
			throw new IllegalStateException(
					"The app did not report its start-up (" + variant.label + "):\n" + String.join("\n", output));
		}
		return run;
	}

}
