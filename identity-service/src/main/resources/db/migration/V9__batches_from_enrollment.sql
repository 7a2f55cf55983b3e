-- Which batches exist, from enrollment-service's BatchCreated events: a student profile may name
-- only one of them. Course and branch are kept as the event gave them, for rules to come.
CREATE TABLE known_batch (
    batch_id    uuid PRIMARY KEY,
    course_id   uuid,
    branch_id   uuid,
    recorded_at timestamptz NOT NULL
);

-- Each consumed event is applied once (platform/messaging META-INF/inbox-table.sql).
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
