/**
 * Send money (v2): pay external recipients or move funds to your own accounts with one
 * request ({@code POST /api/v2/send_money}, docs/k2-api.md §9). It replaces PAY and
 * settlement transfers of v1.
 */
@NullMarked
package io.k2connect.sendmoney;

import org.jspecify.annotations.NullMarked;
