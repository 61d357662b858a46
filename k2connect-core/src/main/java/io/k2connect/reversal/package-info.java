/**
 * Reversals (v2): give back an incoming C2B or B2B transaction to your till
 * ({@code POST /api/v2/reversals}, docs/k2-api.md §12).
 */
@NullMarked
package io.k2connect.reversal;

import org.jspecify.annotations.NullMarked;
