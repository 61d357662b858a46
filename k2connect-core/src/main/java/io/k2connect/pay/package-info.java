/**
 * PAY: pay recipients and outgoing payments (docs/k2-api.md §5).
 */
@NullMarked
package io.k2connect.pay;

import org.jspecify.annotations.NullMarked;
