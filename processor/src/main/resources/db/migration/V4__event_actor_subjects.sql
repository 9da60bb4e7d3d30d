-- Who acted for each event (the actor's subject, the token's sub: a machine client's id, or
-- the person signed in to an app), beside the client of V3: the query API lets a person read
-- the batches they sent themselves, e.g. to see why their approval outside their team was
-- refused. Nullable: rows recorded before this migration have none (such batches stay
-- readable by the rules they had). Runs unchanged on PostgreSQL and H2.
ALTER TABLE applied_events ADD COLUMN actor_subject VARCHAR;
ALTER TABLE duplicate_events ADD COLUMN actor_subject VARCHAR;
