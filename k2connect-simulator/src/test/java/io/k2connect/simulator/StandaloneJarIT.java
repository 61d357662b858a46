package io.k2connect.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.k2connect.K2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code -all} jar runs with {@code java -jar}, as the README tells non-Java
 * users.
 */
class StandaloneJarIT {

	private Process process;

	private URI baseUrl;

	@BeforeEach
	void start() throws Exception {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> all = files.filter((f) -> f.getFileName().toString().endsWith("-all.jar")).toList();
			assertThat(all).as("the shaded -all jar in target/").hasSize(1);
			jar = all.get(0);
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// A plain JVM, without the build's test system properties: what the simulator
		// sets itself counts.
		this.process = new ProcessBuilder(java, "-jar", jar.toString(), "--port=0", "--client-id=it-id",
				"--client-secret=it-secret", "--api-key=it-key")
			.redirectErrorStream(true)
			.start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		String banner = out.readLine();
		assertThat(banner).startsWith("K2 simulator listening on http://127.0.0.1:");
		this.baseUrl = URI.create(banner.substring("K2 simulator listening on ".length()).strip());
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.process.destroy();
		assertThat(this.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void runsWithJavaJarAndIssuesTokens() {
		K2Client client = K2Client.builder().clientId("it-id").clientSecret("it-secret").baseUrl(this.baseUrl).build();

		assertThat(client.accessToken().accessToken()).isNotBlank();
	}

	@Test
	void keepAliveRequestsAreNotHeldBackByNagle() throws Exception {
		try (RawConnection connection = new RawConnection(this.baseUrl)) {
			Duration took = connection.timePosts(30, "/oauth/token", RawConnection.tokenForm("it-id", "it-secret"));

			assertThat(took).isLessThan(Duration.ofMillis(30 * 20));
		}
	}

}
