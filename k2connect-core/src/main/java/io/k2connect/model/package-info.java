/**
 * Values shared by the requests of several services.
 */
@NullMarked
package io.k2connect.model;

import org.jspecify.annotations.NullMarked;
