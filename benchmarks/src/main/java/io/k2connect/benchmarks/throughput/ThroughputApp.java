package io.k2connect.benchmarks.throughput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.k2connect.autoconfigure.webhook.K2WebhookController;
import io.k2connect.event.BuygoodsTransactionReceived;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app under load: Spring MVC on embedded Tomcat with two POST endpoints,
 * <ul>
 * <li>{@code /empty}: an empty Spring MVC endpoint that reads nothing and answers 200
 * (the baseline of docs/architecture.md §6);</li>
 * <li>{@code /k2/webhooks}: the starter's {@code K2WebhookController} (raw body, HMAC
 * check, parse, de-duplication, event published to
 * {@link #on(BuygoodsTransactionReceived)}).</li>
 * </ul>
 * and, for diagnosis only, {@code /empty-answer}: empty, but answering like the webhook
 * endpoint. {@code GET /stats} answers how many events reached the listener, so the load
 * driver can check that every accepted webhook was really published.
 *
 * <p>
 * K2 is configured with fixed credentials and {@code k2.base-url=http://localhost:1}: the
 * starter makes no network call at start-up, so nothing listens there. Any of these can
 * be overridden with the usual {@code --name=value} arguments.
 *
 * <p>
 * With {@code -Dk2bench.exitAfterStart=true} the app prints a {@code K2BENCH-STARTED}
 * line with its start-up timings, a {@code K2BENCH-BEANS} line with its k2connect beans,
 * and exits: {@link StartupBenchmark} runs it that way.
 */
@SpringBootApplication
@RestController
public class ThroughputApp {

	/** The API key that signs the webhooks; {@link LoadDriver} signs with the same. */
	public static final String API_KEY = "10af7ad062a21d9c841877f87b7dec3dbe51aeb3";

	/** The line {@link StartupBenchmark} looks for. */
	static final String STARTED_MARKER = "K2BENCH-STARTED";

	/** The line that follows it: which k2connect beans the context has. */
	static final String BEANS_MARKER = "K2BENCH-BEANS";

	private final AtomicLong events = new AtomicLong();

	@PostMapping("/empty")
	ResponseEntity<Void> empty() {
		return ResponseEntity.ok().build();
	}

	/**
	 * Diagnostic, not part of the bar: an empty endpoint that answers exactly as the
	 * webhook endpoint does (a small JSON body built per request, through the message
	 * converters), to tell the cost of answering from the cost of the webhook work.
	 */
	@PostMapping("/empty-answer")
	ResponseEntity<String> emptyAnswer() {
		return answer(HttpStatus.OK, "accepted", "Received.");
	}

	private static ResponseEntity<String> answer(HttpStatus status, String outcome, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"outcome\":\"" + outcome + "\",\"message\":\"" + message + "\"}");
	}

	@GetMapping("/stats")
	Map<String, Long> stats() {
		return Map.of("events", this.events.get());
	}

	@EventListener
	void on(BuygoodsTransactionReceived event) {
		this.events.incrementAndGet();
	}

	public static void main(String[] args) {
		long runStart = System.nanoTime();
		long[] refreshStartEnd = new long[2];
		SpringApplication application = new SpringApplication(ThroughputApp.class);
		application.setDefaultProperties(defaultProperties());
		// ApplicationPreparedEvent comes right before refresh(); ContextRefreshedEvent at
		// its end, after the embedded Tomcat has started.
		ApplicationListener<ApplicationEvent> refreshTimer = (event) -> {
			if (event instanceof ApplicationPreparedEvent) {
				refreshStartEnd[0] = System.nanoTime();
			}
			else if (event instanceof ContextRefreshedEvent && refreshStartEnd[1] == 0) {
				refreshStartEnd[1] = System.nanoTime();
			}
		};
		application.addListeners(refreshTimer);
		// Diagnosis only (-Dk2bench.startupSteps=N): record Spring's start-up steps and
		// print the N slowest bean creations. Recording costs time itself, so timed runs
		// leave it off.
		BufferingApplicationStartup startup = null;
		if (Integer.getInteger("k2bench.startupSteps") != null) {
			startup = new BufferingApplicationStartup(100_000);
			application.setApplicationStartup(startup);
		}
		ConfigurableApplicationContext context = application.run(args);
		long runEnd = System.nanoTime();
		if (Boolean.getBoolean("k2bench.exitAfterStart")) {
			long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
			int classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
			System.out.printf("%s run_ms=%.1f refresh_ms=%.1f uptime_ms=%d%n", STARTED_MARKER,
					(runEnd - runStart) / 1e6, (refreshStartEnd[1] - refreshStartEnd[0]) / 1e6, uptime);
			long k2Beans = 0;
			for (String name : context.getBeanDefinitionNames()) {
				Class<?> type = context.getType(name);
				if (type != null && type.getName().startsWith("io.k2connect.")
						&& !type.getName().startsWith("io.k2connect.benchmarks.")) {
					k2Beans++;
				}
			}
			boolean webhook = !context.getBeansOfType(K2WebhookController.class).isEmpty();
			System.out.printf("%s k2_beans=%d webhook_endpoint=%s classes_loaded=%d%n", BEANS_MARKER, k2Beans, webhook,
					classes);
			if (startup != null) {
				printSlowestBeans(startup, Integer.getInteger("k2bench.startupSteps"));
			}
			System.out.flush();
			context.close();
			System.exit(0);
		}
	}

	/**
	 * Bean creations by duration, each including the beans it pulled in; k2connect's
	 * marked.
	 */
	private static void printSlowestBeans(BufferingApplicationStartup startup, int count) {
		List<StartupTimeline.TimelineEvent> beans = new ArrayList<>();
		for (StartupTimeline.TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
			if (event.getStartupStep().getName().equals("spring.beans.instantiate")) {
				beans.add(event);
			}
		}
		beans.sort(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
		System.out.println("Slowest bean creations (each includes the beans it pulled in):");
		for (StartupTimeline.TimelineEvent event : beans.subList(0, Math.min(count, beans.size()))) {
			String name = "?";
			for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
				if (tag.getKey().equals("beanName")) {
					name = tag.getValue();
				}
			}
			System.out.printf("  %6.1f ms  %s%n", event.getDuration().toNanos() / 1e6, name);
		}
	}

	static Map<String, Object> defaultProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("k2.client-id", "bench-client-id");
		properties.put("k2.client-secret", "bench-client-secret");
		properties.put("k2.api-key", API_KEY);
		properties.put("k2.base-url", "http://localhost:1");
		// The PostgreSQL driver is here for InboxLoadDriver, which configures a
		// DataSource; every other measurement runs without one.
		properties.put("spring.autoconfigure.exclude",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
		return properties;
	}

}
