-- The table every publishing service creates in its own schema, in a Flyway migration of its
-- own (copy this file's statements). Published rows may be deleted after a retention period.
CREATE TABLE outbox_event (
    id              uuid PRIMARY KEY,
    -- Taken at insert, after the change's row locks: the relay's order is commit order per aggregate,
    -- whatever the clocks of several service instances say.
    seq             bigserial    NOT NULL UNIQUE,
    topic           varchar(200) NOT NULL,
    record_key      varchar(200) NOT NULL,
    type            varchar(100) NOT NULL,
    envelope        jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    published_at    timestamptz,
    parked_at       timestamptz
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;
