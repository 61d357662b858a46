/**
 * Internal plumbing shared by the k2connect packages. Not API: anything here may change
 * in any release without notice.
 */
@NullMarked
package io.k2connect.internal;

import org.jspecify.annotations.NullMarked;
