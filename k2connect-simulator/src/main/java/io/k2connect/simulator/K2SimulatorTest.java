package io.k2connect.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link K2Simulator}: one simulator is started before the
 * class's first test, reset after each test (tokens survive), and closed after the last.
 * Test and lifecycle methods can declare a {@link K2Simulator} parameter, and a
 * {@link io.k2connect.K2Client} parameter to get a new client pointed at it.
 *
 * <pre>{@code
 * &#64;K2SimulatorTest
 * class CheckoutTests {
 *
 *

&#64;Test
 *     void customerPays(K2Simulator k2, K2Client client) {
 *         client.receivePayments().createPaymentRequest(...);
 *         assertThat(k2.awaitDeliveries(1, Duration.ofSeconds(5))).hasSize(1);
 *     }
 *
 * }
 * }</pre>
 *
 * <p>
 * Needs JUnit Jupiter on the test class path; the simulator module declares it optional.
 * For other settings, register {@link K2SimulatorExtension} with a builder instead.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(K2SimulatorExtension.class)
public @interface K2SimulatorTest {

	/**
	 * Milliseconds between a create call and its result; short by default so tests run
	 * fast.
	 */
	long callbackDelayMillis() default 50;

	/** Seconds an access token lives. */
	long tokenLifetimeSeconds() default 3600;

}
