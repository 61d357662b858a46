package io.k2connect.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.crypto.Mac;

import io.k2connect.event.K2PayloadParser;
import io.k2connect.webhook.K2ResultProcessor;
import io.k2connect.webhook.K2SignatureVerifier;
import io.k2connect.webhook.K2Signatures;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ratio of {@link WebhookBenchmark}'s SDK operations to their baselines, measured by
 * interleaving them: alternate batches of {@code --batch} calls of the SDK operation (A)
 * and of its baseline (B), {@code --pairs} pairs in ABBA order, and report the ratio of
 * the summed times. On a shared 2-core machine a JMH iteration drifts by more than the
 * 10% being judged (the whole benchmark moves between iterations, and between forks run
 * minutes apart); batches a millisecond or two apart see the same machine, so the drift
 * cancels in the ratio and the result repeats run to run within about ±0.01. It measures
 * only the ratio: the per-call times it prints are for orientation, JMH's are the
 * absolute figures.
 *
 * <p>
 * Modes (all three by default, in turn):
 * <ul>
 * <li>{@code full}: {@code verifyAndParse} against {@code hmacPlusTreeParse}, the
 * bar;</li>
 * <li>{@code parse}: {@code parseOnly} against {@code treeParseOnly};</li>
 * <li>{@code verify}: {@code verifyOnly} against {@code hmacOnly}.</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.k2connect.benchmarks.PairedRatio \
 *     [--modes full,parse,verify] [--pairs 1500] [--batch 2000] [--warmup 30]
 * </pre>
 */
public final class PairedRatio {

	private static final String API_KEY = "10af7ad062a21d9c841877f87b7dec3dbe51aeb3";

	/**
	 * Where each call's result goes, so that the JIT cannot drop the work; volatile so
	 * that the store is not dropped either. The baselines store into it too: a
	 * {@code hashCode} of the tree would walk the whole tree and tax only B.
	 */
	private static volatile Object sink;

	private PairedRatio() {
	}

	public static void main(String[] args) {
		Options options = Options.parse(args);
		byte[] body = WebhookBenchmark.resource("/buygoods_transaction_received.json");
		String signature = K2Signatures.sign(body, API_KEY);
		Mac mac = WebhookBenchmark.hmacSha256(API_KEY);
		JsonMapper mapper = JsonMapper.builder().build();
		K2PayloadParser parser = new K2PayloadParser();
		K2SignatureVerifier verifier = new K2SignatureVerifier(API_KEY);
		K2ResultProcessor processor = new K2ResultProcessor(verifier, parser);
		System.out.printf("Java %s, %d CPU(s); %d pairs of %d-call batches per mode, after %d warm-up pairs%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), options.pairs,
				options.batch, options.warmup);
		for (String mode : options.modes) {
			switch (mode) {
				case "full" -> measure(mode, options, () -> processor.process(body, signature), () -> {
					sink = mac.doFinal(body);
					return mapper.readTree(body);
				});
				case "parse" -> measure(mode, options, () -> parser.parse(body), () -> mapper.readTree(body));
				case "verify" -> measure(mode, options, () -> {
					verifier.verify(body, signature);
					return verifier;
				}, () -> mac.doFinal(body));
				default -> throw new IllegalArgumentException("Unknown mode '" + mode + "' (full, parse, verify)");
			}
		}
	}

	private static void measure(String mode, Options options, Supplier<Object> sdk, Supplier<Object> baseline) {
		for (int i = 0; i < options.warmup; i++) {
			time(sdk, options.batch);
			time(baseline, options.batch);
		}
		double[] pairRatios = new double[options.pairs];
		long sdkNanos = 0;
		long baselineNanos = 0;
		for (int i = 0; i < options.pairs; i++) {
			long a;
			long b;
			// ABBA: neither side always runs first (on a warmer cache, or a later clock).
			if ((i & 1) == 0) {
				a = time(sdk, options.batch);
				b = time(baseline, options.batch);
			}
			else {
				b = time(baseline, options.batch);
				a = time(sdk, options.batch);
			}
			pairRatios[i] = (double) a / b;
			sdkNanos += a;
			baselineNanos += b;
		}
		Arrays.sort(pairRatios);
		double calls = (double) options.pairs * options.batch;
		System.out.printf(
				"%-6s SDK %,6.0f ns  baseline %,6.0f ns  ratio of sums %.3f  (pairs: p10 %.3f, median %.3f, p90 %.3f)%n",
				mode, sdkNanos / calls, baselineNanos / calls, (double) sdkNanos / baselineNanos,
				pairRatios[options.pairs / 10], pairRatios[options.pairs / 2], pairRatios[options.pairs * 9 / 10]);
	}

	private static long time(Supplier<Object> operation, int calls) {
		long start = System.nanoTime();
		Object last = null;
		for (int i = 0; i < calls; i++) {
			last = operation.get();
		}
		long elapsed = System.nanoTime() - start;
		sink = last;
		return elapsed;
	}

	private record Options(List<String> modes, int pairs, int batch, int warmup) {

		static Options parse(String[] args) {
			List<String> modes = List.of("full", "parse", "verify");
			int pairs = 1500;
			int batch = 2000;
			int warmup = 30;
			for (int i = 0; i < args.length; i++) {
				String value = (i + 1 < args.length) ? args[i + 1] : null;
				if (value == null) {
					throw new IllegalArgumentException(args[i] + " needs a value");
				}
				switch (args[i]) {
					case "--modes" -> modes = List.of(value.split(","));
					case "--pairs" -> pairs = positive(args[i], value);
					case "--batch" -> batch = positive(args[i], value);
					case "--warmup" -> warmup = positive(args[i], value);
					default -> throw new IllegalArgumentException(
							"Unknown option " + args[i] + " (--modes, --pairs, --batch, --warmup)");
				}
				i++;
			}
			if (pairs < 10) {
				throw new IllegalArgumentException("--pairs must be at least 10, for the percentiles");
			}
			return new Options(modes, pairs, batch, warmup);
		}

		private static int positive(String option, String value) {
			try {
				int number = Integer.parseInt(value);
				if (number > 0) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below, with the option's name.
			}
			throw new IllegalArgumentException(option + " must be a positive whole number but was '" + value + "'");
		}

	}

}
