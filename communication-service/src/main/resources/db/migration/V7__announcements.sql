-- Announcements: staff (or a teacher, for the batches they teach) address an audience; the people it
-- reaches are resolved once, when it is published, and kept in announcement_recipient with the
-- time each of them read it.

-- What this service keeps of enrollment-service, to address a batch's or a course's students.
CREATE TABLE batch (
    batch_id   uuid PRIMARY KEY,
    course_id  uuid        NOT NULL,
    branch_id  uuid,
    -- The teacher's user id.
    teacher_id uuid,
    updated_at timestamptz NOT NULL
);
CREATE INDEX batch_teacher_idx ON batch (teacher_id);

CREATE TABLE enrollment (
    enrollment_id uuid PRIMARY KEY,
    student_id    uuid        NOT NULL,
    batch_id      uuid        NOT NULL,
    course_id     uuid        NOT NULL,
    status        varchar(16) NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX enrollment_batch_idx ON enrollment (batch_id) WHERE status = 'ACTIVE';
CREATE INDEX enrollment_course_idx ON enrollment (course_id) WHERE status = 'ACTIVE';

CREATE TABLE announcement (
    id               uuid PRIMARY KEY,
    author_id        uuid          NOT NULL,
    -- The author's branch, or null for head office.
    branch_id        uuid,
    -- Whether the author reached every branch when they wrote it (a scheduled one is resolved with it).
    all_branches     boolean       NOT NULL,
    title            varchar(200)  NOT NULL,
    -- Sanitised HTML, safe to render as it is.
    content          varchar(20000) NOT NULL,
    type             varchar(16)   NOT NULL CHECK (type IN ('ANNOUNCEMENT', 'NOTICE', 'ALERT')),
    -- The audience as the author gave it (see Audience).
    audience         jsonb         NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN')),
    publish_at       timestamptz,
    published_at     timestamptz,
    expires_at       timestamptz,
    withdrawn_at     timestamptz,
    recipients_count integer       NOT NULL DEFAULT 0,
    created_at       timestamptz   NOT NULL,
    updated_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL
);
CREATE INDEX announcement_author_idx ON announcement (author_id, created_at DESC);
CREATE INDEX announcement_branch_idx ON announcement (branch_id, created_at DESC);
-- The scheduled-publishing sweep.
CREATE INDEX announcement_due_idx ON announcement (publish_at) WHERE status = 'SCHEDULED';

CREATE TABLE announcement_recipient (
    announcement_id uuid        NOT NULL REFERENCES announcement (id),
    user_id         uuid        NOT NULL,
    -- The announcement's, copied so a user's inbox is read newest first from one index.
    published_at    timestamptz NOT NULL,
    read_at         timestamptz,
    PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX announcement_recipient_inbox_idx ON announcement_recipient (user_id, published_at DESC, announcement_id DESC);
