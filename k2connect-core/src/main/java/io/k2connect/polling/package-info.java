/**
 * Polling: asking K2 to replay the transactions of a time window (docs/k2-api.md §7).
 */
@NullMarked
package io.k2connect.polling;

import org.jspecify.annotations.NullMarked;
