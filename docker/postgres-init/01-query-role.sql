-- Runs once, when the PostgreSQL container initialises its data directory, as the
-- superuser POSTGRES_USER (timesheets), before the processor's Flyway migrations.
-- The query API connects as timesheets_query: SELECT on whatever the processor's user
-- creates, nothing else. The password is a local-only placeholder; set your own.
CREATE ROLE timesheets_query LOGIN PASSWORD 'query-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER ROLE timesheets_query SET default_transaction_read_only = on;
GRANT CONNECT ON DATABASE timesheets TO timesheets_query;
GRANT USAGE ON SCHEMA public TO timesheets_query;
ALTER DEFAULT PRIVILEGES FOR ROLE timesheets IN SCHEMA public GRANT SELECT ON TABLES TO timesheets_query;
