/**
 * The flat view of a payload with the attribute names of the Python SDK's
 * {@code payload_decomposer} ({@link io.k2connect.decompose.K2PayloadDecomposer}), for
 * code ported from it. New code reads the typed records of {@link io.k2connect.event}
 * directly.
 */
@NullMarked
package io.k2connect.decompose;

import org.jspecify.annotations.NullMarked;
