/**
 * Payment links (v2): a link your customer opens to pay a till
 * ({@code /api/v2/payment_links}, docs/k2-api.md §13).
 */
@NullMarked
package io.k2connect.paymentlink;

import org.jspecify.annotations.NullMarked;
