-- The k2connect delivery store (JdbcK2DeliveryRegistry): one row per delivery key.
-- ${table_name} stands for k2.webhook.jdbc.table-name (default K2_DELIVERY); replace it when
-- copying this script into a Flyway or Liquibase migration.
-- STATE is IN_PROGRESS (claimed by CLAIM_TOKEN until LEASE_UNTIL) or PROCESSED (since
-- COMPLETED_AT); times are epoch milliseconds. BODY and LAST_ERROR are reserved for
-- asynchronous processing and stay empty for now.
CREATE TABLE IF NOT EXISTS ${table_name} (
	DELIVERY_KEY VARCHAR(255) NOT NULL,
	STATE VARCHAR(16) NOT NULL,
	CLAIM_TOKEN VARCHAR(36),
	RECEIVED_AT BIGINT NOT NULL,
	LEASE_UNTIL BIGINT,
	COMPLETED_AT BIGINT,
	ATTEMPTS INTEGER NOT NULL,
	LAST_ERROR VARCHAR(255),
	BODY BLOB,
	CONSTRAINT ${table_name}_PK PRIMARY KEY (DELIVERY_KEY)
);

CREATE INDEX IF NOT EXISTS ${table_name}_IX1 ON ${table_name} (STATE, COMPLETED_AT);
