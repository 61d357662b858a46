package io.k2connect.simulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** The options of the standalone simulator ({@link K2Simulator#main(String[])}). */
final class CommandLine {

	static final String USAGE = """
			Usage: java -jar k2connect-simulator-<version>-all.jar [options]
			  --port=8089                       loopback port (0 = any free port)
			  --client-id=sim-client-id         OAuth client id to accept
			  --client-secret=...               OAuth client secret to accept (default sim-client-secret)
			  --api-key=sim-api-key             key that signs every callback and webhook
			  --callback-delay=500              milliseconds before a result is posted
			  --token-lifetime=3600             seconds an access token lives
			  --redeliveries=0                  attempts again when the application does not answer 2xx
			  --max-request-body-size=1048576   bytes of the largest body read; larger ones get 413
			  --max-recorded-requests=1000      requests kept for /simulator/requests (oldest dropped)
			  --max-recorded-body-size=16384    bytes of each body kept there
			  --help                            print this and exit""";

	private final K2Simulator.Builder builder;

	private final boolean help;

	private CommandLine(K2Simulator.Builder builder, boolean help) {
		this.builder = builder;
		this.help = help;
	}

	static CommandLine parse(String[] args) {
		K2Simulator.Builder builder = K2Simulator.builder().port(K2Simulator.DEFAULT_STANDALONE_PORT);
		boolean help = false;
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
				continue;
			}
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "': options look like --name=value");
			}
			String name = arg.substring(2, eq);
			String value = arg.substring(eq + 1);
			switch (name) {
				case "port" -> builder.port(number(name, value));
				case "client-id" -> builder.clientId(value);
				case "client-secret" -> builder.clientSecret(value);
				case "api-key" -> builder.apiKey(value);
				case "callback-delay" -> builder.callbackDelay(Duration.ofMillis(number(name, value)));
				case "token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(number(name, value)));
				case "redeliveries" -> builder.redeliveries(number(name, value));
				case "max-request-body-size" -> builder.maxRequestBodySize(number(name, value));
				case "max-recorded-requests" -> builder.maxRecordedRequests(number(name, value));
				case "max-recorded-body-size" -> builder.maxRecordedBodySize(number(name, value));
				default -> throw new IllegalArgumentException("Unknown option --" + name);
			}
		}
		return new CommandLine(builder, help);
	}

	K2Simulator.Builder builder() {
		return this.builder;
	}

	boolean help() {
		return this.help;
	}

	String banner(K2Simulator simulator) {
		return "K2 simulator listening on " + simulator.baseUrl() + System.lineSeparator() + "  client id:     "
				+ simulator.clientId() + System.lineSeparator() + "  client secret: "
				+ shown(simulator.shownClientSecret()) + System.lineSeparator() + "  api key:       "
				+ shown(simulator.shownApiKey()) + System.lineSeparator() + "  admin:         " + simulator.baseUrl()
				+ "/simulator (magic values, requests, deliveries, faults)" + System.lineSeparator()
				+ "Stop with Ctrl+C.";
	}

	/** A secret given on the command line is not printed: output ends up in logs. */
	private static String shown(@Nullable String secret) {
		return (secret != null) ? secret : "(as given)";
	}

	private static int number(String name, String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a whole number but was '" + value + "'");
		}
	}

}
