/**
 * OAuth tokens (docs/k2-api.md §1): {@link io.k2connect.token.TokenService} requests,
 * revokes and inspects them. Services manage their own tokens, so most applications never
 * call it.
 */
@NullMarked
package io.k2connect.token;

import org.jspecify.annotations.NullMarked;
