-- Issue 18: an APPLIED event no longer costs a row of its own, and the consumer's offsets are
-- stored with the state they led to. Runs unchanged on PostgreSQL and H2.
--
-- The per-event table keeps its columns and becomes event_outcome_rows: from now on it holds
-- the events whose outcome is UNCHANGED or REJECTED (and every event recorded before V5).
-- APPLIED events are recorded in applied_runs: one row per run of at most 32 events of one
-- batch, read in one poll from one partition, with the same type, occurredAt, client and
-- subject; the per-event values (eventId, timesheetId, offset) are arrays, small enough to
-- stay in the row (no TOAST). applied_events becomes a view with the columns it had, one row
-- per recorded event, so every reader (query API, system tests) reads what it read.
DROP VIEW event_outcomes;
ALTER TABLE applied_events RENAME TO event_outcome_rows;

CREATE TABLE applied_runs (
    batch_id          UUID                     NOT NULL,
    kafka_topic       VARCHAR(249)             NOT NULL,
    kafka_partition   INTEGER                  NOT NULL,
    first_offset      BIGINT                   NOT NULL,
    events            INTEGER                  NOT NULL,
    event_ids         UUID ARRAY               NOT NULL,
    timesheet_ids     UUID ARRAY               NOT NULL,
    kafka_offsets     BIGINT ARRAY             NOT NULL,
    event_type        VARCHAR(16)              NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    client_id         VARCHAR,
    actor_subject     VARCHAR,
    PRIMARY KEY (batch_id, kafka_topic, kafka_partition, first_offset),
    CONSTRAINT applied_runs_events_check CHECK (events BETWEEN 1 AND 64),
    CONSTRAINT applied_runs_type_check CHECK (event_type IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'DELETED'))
);

-- 1..64: the positions of a run's arrays (a run holds at most 64; the processor writes 32),
-- joined instead of UNNEST, which H2 cannot apply to a column of another table.
CREATE TABLE run_positions (
    n                 INTEGER                  NOT NULL PRIMARY KEY
);
INSERT INTO run_positions (n) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32), (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63), (64);

CREATE VIEW applied_events AS
    SELECT event_id, batch_id, timesheet_id, event_type, outcome, reason, occurred_at,
           kafka_topic, kafka_partition, kafka_offset, applied_at, client_id, actor_subject
      FROM event_outcome_rows
    UNION ALL
    SELECT r.event_ids[p.n], r.batch_id, r.timesheet_ids[p.n], r.event_type, 'APPLIED', CAST(NULL AS VARCHAR),
           r.occurred_at, r.kafka_topic, r.kafka_partition, r.kafka_offsets[p.n], r.applied_at, r.client_id,
           r.actor_subject
      FROM applied_runs r
      JOIN run_positions p ON p.n <= r.events;

-- as in V1
CREATE VIEW event_outcomes AS
    SELECT event_id, batch_id, timesheet_id, event_type, outcome, reason,
           kafka_topic, kafka_partition, kafka_offset, applied_at AS recorded_at
      FROM applied_events
    UNION ALL
    SELECT event_id, batch_id, timesheet_id, event_type, 'DUPLICATE' AS outcome, NULL AS reason,
           kafka_topic, kafka_partition, kafka_offset, received_at AS recorded_at
      FROM duplicate_events;

-- Where each consumer group has read to: written in the transaction that applied the records
-- before that offset, so the database says exactly which records its state contains. The
-- consumer seeks here when it is assigned a partition; Kafka's committed offset is advisory.
CREATE TABLE processor_offsets (
    group_id          VARCHAR(255)             NOT NULL,
    kafka_topic       VARCHAR(249)             NOT NULL,
    kafka_partition   INTEGER                  NOT NULL,
    next_offset       BIGINT                   NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_id, kafka_topic, kafka_partition)
);
