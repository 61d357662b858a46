-- The k2connect delivery store (JdbcK2DeliveryRegistry): one row per delivery key.
-- ${table_name} stands for k2.webhook.jdbc.table-name (default K2_DELIVERY); replace it when
-- copying this script into a Flyway or Liquibase migration.
-- STATE is IN_PROGRESS (claimed by a synchronous endpoint, CLAIM_TOKEN, until LEASE_UNTIL),
-- PENDING (stored by the async inbox with its KIND and raw BODY, due at NEXT_ATTEMPT_AT,
-- claimed by CLAIM_TOKEN until LEASE_UNTIL when it is being dispatched; LAST_ERROR names the
-- class of its last failure), DEAD (since COMPLETED_AT, kept until replayed) or PROCESSED
-- (since COMPLETED_AT; purged after the retention). The recovery of missed callbacks keeps
-- the requests waiting for their result as AWAITING rows, and the reconciliation of missed
-- webhooks keeps RECONCILIATION and WINDOW rows (see JdbcK2ReconciliationStore). Times are
-- epoch milliseconds.
CREATE TABLE IF NOT EXISTS ${table_name} (
	DELIVERY_KEY VARCHAR(255) NOT NULL,
	STATE VARCHAR(16) NOT NULL,
	CLAIM_TOKEN VARCHAR(36),
	RECEIVED_AT BIGINT NOT NULL,
	LEASE_UNTIL BIGINT,
	COMPLETED_AT BIGINT,
	ATTEMPTS INTEGER NOT NULL,
	LAST_ERROR VARCHAR(255),
	KIND VARCHAR(100),
	NEXT_ATTEMPT_AT BIGINT,
	BODY VARBINARY(16777216),
	CONSTRAINT ${table_name}_PK PRIMARY KEY (DELIVERY_KEY)
);

CREATE INDEX IF NOT EXISTS ${table_name}_IX1 ON ${table_name} (STATE, COMPLETED_AT);

CREATE INDEX IF NOT EXISTS ${table_name}_IX2 ON ${table_name} (STATE, NEXT_ATTEMPT_AT);
