#!/bin/bash
# Runs once, when the PostgreSQL container initialises its data directory, as the
# superuser POSTGRES_USER (timesheets), before the processor's Flyway migrations.
# The query API connects as timesheets_query: SELECT on whatever the processor's user
# creates, nothing else. Its password comes from QUERY_DB_PASSWORD (docker-compose.yml
# passes it from .env); psql quotes it as a literal (:'query_password'), so any character
# is safe. Changing it later takes an ALTER ROLE timesheets_query (this script does
# not run again on an initialised volume).
set -euo pipefail
: "${QUERY_DB_PASSWORD:?QUERY_DB_PASSWORD must be set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	--set=query_password="$QUERY_DB_PASSWORD" <<'SQL'
CREATE ROLE timesheets_query LOGIN PASSWORD :'query_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
ALTER ROLE timesheets_query SET default_transaction_read_only = on;
GRANT CONNECT ON DATABASE timesheets TO timesheets_query;
GRANT USAGE ON SCHEMA public TO timesheets_query;
ALTER DEFAULT PRIVILEGES FOR ROLE timesheets IN SCHEMA public GRANT SELECT ON TABLES TO timesheets_query;
SQL
