/**
 * External recipients (v2): people and businesses you send money to, saved with a
 * nickname ({@code POST /api/v2/external_recipients}, docs/k2-api.md §10).
 */
@NullMarked
package io.k2connect.recipient;

import org.jspecify.annotations.NullMarked;
