/**
 * Transaction SMS notifications to paying customers (API.md §8).
 */
@NullMarked
package io.k2connect.notification;

import org.jspecify.annotations.NullMarked;
