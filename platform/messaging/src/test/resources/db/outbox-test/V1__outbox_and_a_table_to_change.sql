CREATE TABLE outbox_event (
    id              uuid PRIMARY KEY,
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

CREATE TABLE registration (
    id   varchar(64) PRIMARY KEY,
    name varchar(120) NOT NULL
);
