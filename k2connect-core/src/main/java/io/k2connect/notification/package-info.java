/**
 * Transaction SMS notifications to paying customers (docs/k2-api.md §8).
 */
@NullMarked
package io.k2connect.notification;

import org.jspecify.annotations.NullMarked;
