-- PostgreSQL only; run once per database as an administrator, AFTER the processor has run its
-- Flyway migrations (psql -v password="'...'" -f query-api-readonly.sql timesheets).
-- The query API connects as timesheets_query: it can read the processor's tables and view,
-- and nothing else. Not a Flyway migration on purpose: creating roles needs privileges the
-- processor should not hold, and H2 (local-stack) has no use for it.

CREATE ROLE timesheets_query LOGIN PASSWORD :password NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER ROLE timesheets_query SET default_transaction_read_only = on;
GRANT CONNECT ON DATABASE timesheets TO timesheets_query;
GRANT USAGE ON SCHEMA public TO timesheets_query;
GRANT SELECT ON timesheets, applied_events, duplicate_events, event_outcomes TO timesheets_query;
-- the tables behind the applied_events view since V5 (the views need only their own grant)
GRANT SELECT ON event_outcome_rows, applied_runs, run_positions, processor_offsets TO timesheets_query;
-- tables added by later migrations of the processor's user become readable too
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO timesheets_query;
