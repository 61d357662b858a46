/**
 * Settlement accounts and transfers of funds to them (docs/k2-api.md §6).
 */
@NullMarked
package io.k2connect.transfer;

import org.jspecify.annotations.NullMarked;
