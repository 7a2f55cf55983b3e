-- communication-service starts publishing (support queries: QueryOpened, QueryResolved), and its
-- directory learns each user's e-mail, branch and profile type, so it can find a branch's staff.

-- The outbox, as platform/messaging's outbox-table.sql defines it.
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

-- Users registered before this migration keep nulls until identity tells of them again.
ALTER TABLE recipient
    ADD COLUMN email        varchar(320),
    ADD COLUMN branch_id    uuid,
    ADD COLUMN profile_type varchar(16) CHECK (profile_type IN ('STUDENT', 'TEACHER', 'STAFF'));
CREATE INDEX recipient_branch_role_idx ON recipient (branch_id, role) WHERE active;
