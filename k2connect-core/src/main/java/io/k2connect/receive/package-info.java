/**
 * Receiving payments: M-PESA STK push requests and their results (docs/k2-api.md §4).
 */
@NullMarked
package io.k2connect.receive;

import org.jspecify.annotations.NullMarked;
