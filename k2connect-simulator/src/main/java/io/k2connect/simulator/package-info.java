/**
 * An embedded, stateful stand-in for the K2 API:
 * {@link io.k2connect.simulator.K2Simulator} serves OAuth and every create and status
 * endpoint on a loopback port, posts signed results and webhooks, and lets tests inject
 * faults. {@link io.k2connect.simulator.K2SimulatorTest} starts one for a JUnit test
 * class.
 */
@NullMarked
package io.k2connect.simulator;

import org.jspecify.annotations.NullMarked;
