-- Which OAuth client sent each event (the actor's clientId, Auth0 azp): the query API
-- lets a client read the batches it sent. Nullable: rows recorded before this migration
-- have none, and the query API falls back to the submitting client of their timesheet.
-- The event_outcomes view names its columns, so it is unchanged. Runs unchanged on
-- PostgreSQL and H2.
ALTER TABLE applied_events ADD COLUMN client_id VARCHAR;
ALTER TABLE duplicate_events ADD COLUMN client_id VARCHAR;
