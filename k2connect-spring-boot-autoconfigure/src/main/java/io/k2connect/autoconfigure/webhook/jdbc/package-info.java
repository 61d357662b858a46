/**
 * The JDBC delivery store: {@link JdbcK2DeliveryRegistry} keeps the keys of processed
 * deliveries in a table of the application's database, shared by every instance; the
 * schema scripts for each database live next to these classes.
 */
@NullMarked
package io.k2connect.autoconfigure.webhook.jdbc;

import org.jspecify.annotations.NullMarked;
