/**
 * Transfer (settlement) accounts, v1 and v2, and v1 settlement transfers of funds to them
 * (docs/k2-api.md §6, §11).
 */
@NullMarked
package io.k2connect.transfer;

import org.jspecify.annotations.NullMarked;
