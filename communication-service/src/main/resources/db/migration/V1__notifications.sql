-- communication-service owns this schema.

CREATE TABLE notification (
    id         uuid PRIMARY KEY,
    user_id    uuid          NOT NULL,
    title      varchar(200)  NOT NULL,
    message    varchar(2000) NOT NULL,
    type       varchar(16)   NOT NULL CHECK (type IN ('INFO', 'SUCCESS', 'WARNING', 'ERROR', 'REMINDER')),
    is_read    boolean       NOT NULL DEFAULT false,
    link       varchar(500),
    created_at timestamptz   NOT NULL,
    read_at    timestamptz,
    version    bigint        NOT NULL
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);

-- Events this service has applied, recorded with their effect (platform/events Inbox).
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
