package io.k2connect.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.k2connect.K2Client;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link K2SimulatorTest}: starts a
 * {@link K2Simulator} per test class, resets it after each test, closes it after the
 * class, and resolves {@link K2Simulator} and {@link K2Client} parameters.
 *
 * <p>
 * Use the annotation, or register the extension with your own settings:
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static K2SimulatorExtension k2 = new K2SimulatorExtension(K2Simulator.builder().apiKey("my-key"));
 * }</pre>
 */
public final class K2SimulatorExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(K2SimulatorExtension.class);

	private final K2Simulator.@Nullable Builder builder;

	/**
	 * The extension {@link K2SimulatorTest} registers: settings come from the annotation.
	 */
	public K2SimulatorExtension() {
		this.builder = null;
	}

	/**
	 * An extension that starts its simulator from the given builder, for
	 * {@code @RegisterExtension} fields.
	 * @param builder the settings; {@code start()} is called once per test class
	 */
	public K2SimulatorExtension(K2Simulator.Builder builder) {
		this.builder = Objects.requireNonNull(builder, "builder must not be null");
	}

	/** Starts the class's simulator, unless an enclosing class's is already running. */
	@Override
	public void beforeAll(ExtensionContext context) {
		simulator(context);
	}

	/** Resets the simulator, so each test starts from an empty one (tokens survive). */
	@Override
	public void afterEach(ExtensionContext context) {
		K2Simulator simulator = context.getStore(NAMESPACE).get(K2Simulator.class, K2Simulator.class);
		if (simulator != null) {
			simulator.reset();
		}
	}

	/** Resolves parameters of type {@link K2Simulator} and {@link K2Client}. */
	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == K2Simulator.class || type == K2Client.class;
	}

	/** The running simulator, or a new client pointed at it. */
	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		K2Simulator simulator = simulator(extensionContext);
		if (parameterContext.getParameter().getType() == K2Client.class) {
			return simulator.clientBuilder().build();
		}
		return simulator;
	}

	/**
	 * The simulator of the nearest test class that has one, started on first use. Stored
	 * as an AutoCloseable in the class's store, so JUnit closes it when the class is
	 * done.
	 */
	private K2Simulator simulator(ExtensionContext context) {
		ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
		return store.computeIfAbsent(K2Simulator.class, (key) -> newBuilder(context).start(), K2Simulator.class);
	}

	private K2Simulator.Builder newBuilder(ExtensionContext context) {
		if (this.builder != null) {
			return this.builder;
		}
		Optional<K2SimulatorTest> annotation = context.getTestClass()
			.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, K2SimulatorTest.class));
		K2Simulator.Builder builder = K2Simulator.builder();
		annotation.ifPresentOrElse(
				(settings) -> builder.callbackDelay(Duration.ofMillis(settings.callbackDelayMillis()))
					.tokenLifetime(Duration.ofSeconds(settings.tokenLifetimeSeconds())),
				() -> builder.callbackDelay(Duration.ofMillis(50)));
		return builder;
	}

	/**
	 * Where the simulator lives: the outermost class context, so that {@code @Nested}
	 * classes share it.
	 */
	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
