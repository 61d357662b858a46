/**
 * PAY: pay recipients and outgoing payments (API.md §5).
 */
@NullMarked
package io.k2connect.pay;

import org.jspecify.annotations.NullMarked;
