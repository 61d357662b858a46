/**
 * The embedded K2 simulator ({@code k2.simulator.*}): started with the application
 * context and wired in as the client's
 * {@link io.k2connect.autoconfigure.K2ConnectionDetails}.
 */
@NullMarked
package io.k2connect.autoconfigure.simulator;

import org.jspecify.annotations.NullMarked;
