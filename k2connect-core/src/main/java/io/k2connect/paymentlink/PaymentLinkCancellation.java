package io.k2connect.paymentlink;

import org.jspecify.annotations.Nullable;

/**
 * K2's answer to cancelling a payment link
 * ({@code POST /api/v2/payment_links/<id>/cancel}, docs/k2-api.md §13.3).
 *
 * @param message K2's {@code message}, e.g. {@code Payment link cancelled.}, or
 * {@code null} when the answer had none
 */
public record PaymentLinkCancellation(@Nullable String message) {

}
