/**
 * Polling: asking K2 to replay the transactions of a time window (API.md §7).
 */
@NullMarked
package io.k2connect.polling;

import org.jspecify.annotations.NullMarked;
