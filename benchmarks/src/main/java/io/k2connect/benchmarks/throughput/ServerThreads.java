package io.k2connect.benchmarks.throughput;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a server process spends its CPU, by kind of thread, from Linux's
 * {@code /proc/PID/task/TID/stat}: Tomcat's threads (request workers and the poller:
 * Linux cuts thread names to 15 characters, which no longer tell them apart), the garbage
 * collector, the JIT compilers, everything else. Costs nothing in the server (no agent,
 * no profiler); on other systems {@link #snapshot(long)} answers {@code null}.
 */
final class ServerThreads {

	static final String[] GROUPS = { "Tomcat threads", "GC", "JIT", "other" };

	/** Linux reports CPU time in clock ticks, 100 per second on every common platform. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ServerThreads() {
	}

	/** CPU nanoseconds so far per group, or {@code null} when /proc is not readable. */
	static Map<String, Long> snapshot(long pid) {
		Path tasks = Path.of("/proc", Long.toString(pid), "task");
		if (!Files.isDirectory(tasks)) {
			return null;
		}
		Map<String, Long> groups = new LinkedHashMap<>();
		for (String group : GROUPS) {
			groups.put(group, 0L);
		}
		try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
			for (Path thread : threads) {
				try {
					String stat = Files.readString(thread.resolve("stat"));
					// pid (comm) state ppid ... : comm may hold spaces, so split after
					// the last ')'.
					int open = stat.indexOf('(');
					int close = stat.lastIndexOf(')');
					String name = stat.substring(open + 1, close);
					String[] fields = stat.substring(close + 2).split(" ");
					// utime + stime
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					groups.merge(group(name), ticks * NANOS_PER_TICK, Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return null;
		}
		return groups;
	}

	private static String group(String name) {
		// "http-nio-PORT-exec-N" and "http-nio-PORT-Poller" both end up as
		// "http-nio-PORT-".
		if (name.startsWith("http-nio-")) {
			return "Tomcat threads";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")
				|| name.startsWith("VM Periodic")) {
			return "GC";
		}
		if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
			return "JIT";
		}
		return "other";
	}

	/** {@code after - before}, per group. */
	static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
		Map<String, Long> delta = new LinkedHashMap<>();
		for (String group : GROUPS) {
			delta.put(group, after.getOrDefault(group, 0L) - before.getOrDefault(group, 0L));
		}
		return delta;
	}

}
