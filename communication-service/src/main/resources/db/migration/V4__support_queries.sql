-- Support queries: a student or teacher asks, staff of their branch answer in a thread and move
-- the query from OPEN to CLOSED. Each query carries its two service-level targets: the first
-- response is due at first_response_due_at; the resolution at resolution_due_at, which moves
-- later by every spell the resolution clock stood still (waiting on the requester, resolved).
CREATE TABLE support_query (
    id                    uuid PRIMARY KEY,
    requester_id          uuid         NOT NULL,
    branch_id             uuid,
    subject               varchar(200) NOT NULL,
    priority              varchar(8)   NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    course_id             uuid,
    status                varchar(24)  NOT NULL
        CHECK (status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_REQUESTER', 'RESOLVED', 'CLOSED')),
    assignee_id           uuid,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    -- When staff first answered (a reply, or resolving it): the first-response clock stops there.
    first_response_at     timestamptz,
    first_response_due_at timestamptz  NOT NULL,
    resolution_due_at     timestamptz  NOT NULL,
    -- Set while the resolution clock stands still (WAITING_ON_REQUESTER, RESOLVED, CLOSED).
    paused_at             timestamptz,
    -- Seconds the resolution clock has stood still so far (already added to resolution_due_at).
    paused_seconds        bigint       NOT NULL DEFAULT 0,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    -- Claimed by the breach sweep: the branch's managers hear of each breach once.
    first_response_breach_notified_at timestamptz,
    resolution_breach_notified_at     timestamptz,
    version               bigint       NOT NULL
);
CREATE INDEX support_query_branch_idx ON support_query (branch_id, status, created_at DESC);
CREATE INDEX support_query_requester_idx ON support_query (requester_id, created_at DESC);
CREATE INDEX support_query_first_response_due_idx ON support_query (first_response_due_at)
    WHERE first_response_at IS NULL AND closed_at IS NULL AND first_response_breach_notified_at IS NULL;
CREATE INDEX support_query_resolution_due_idx ON support_query (resolution_due_at)
    WHERE paused_at IS NULL AND resolution_breach_notified_at IS NULL;

-- The thread: the requester's first message and every reply after it, plain text.
CREATE TABLE support_query_message (
    id         uuid PRIMARY KEY,
    query_id   uuid          NOT NULL REFERENCES support_query (id),
    author_id  uuid          NOT NULL,
    from_staff boolean       NOT NULL,
    body       varchar(5000) NOT NULL,
    created_at timestamptz   NOT NULL
);
CREATE INDEX support_query_message_query_idx ON support_query_message (query_id, created_at, id);
