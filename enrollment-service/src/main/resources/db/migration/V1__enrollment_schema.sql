-- enrollment-service owns this schema: batches, enrollments, attendance, progress, calendar.

-- What this service knows of course-service's courses, from its events (or, on a miss, its API).
CREATE TABLE course_view (
    course_id  uuid PRIMARY KEY,
    title      varchar(200)   NOT NULL,
    price      numeric(12, 2) NOT NULL,
    active     boolean        NOT NULL,
    revision   bigint         NOT NULL,
    updated_at timestamptz    NOT NULL
);

-- The lessons that count for progress, per curriculum (official: teacher_id NULL; a teacher's
-- approved version), from LessonsChanged; the highest revision wins.
CREATE TABLE curriculum_view (
    curriculum_id uuid PRIMARY KEY,
    course_id     uuid        NOT NULL,
    teacher_id    uuid,
    revision      bigint      NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT curriculum_view_one_per_teacher UNIQUE NULLS NOT DISTINCT (course_id, teacher_id)
);
CREATE TABLE curriculum_lesson (
    curriculum_id uuid    NOT NULL REFERENCES curriculum_view (curriculum_id) ON DELETE CASCADE,
    lesson_id     uuid    NOT NULL,
    position      integer NOT NULL,
    weightage     integer NOT NULL CHECK (weightage >= 0),
    PRIMARY KEY (curriculum_id, lesson_id)
);

CREATE TABLE batch (
    id                    uuid PRIMARY KEY,
    course_id             uuid           NOT NULL,
    name                  varchar(200)   NOT NULL,
    start_date            date           NOT NULL,
    end_date              date,
    capacity              integer        NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    -- Seats taken by ACTIVE, ON_HOLD and COMPLETED enrollments; changed only by conditional updates.
    seats_taken           integer        NOT NULL DEFAULT 0,
    schedule              jsonb          NOT NULL DEFAULT '{}',
    teacher_id            uuid,
    branch_id             uuid,
    fee                   numeric(12, 2) NOT NULL CHECK (fee >= 0),
    fee_frequency         varchar(10)    NOT NULL CHECK (fee_frequency IN ('ONE_TIME', 'MONTHLY')),
    teacher_compensation  numeric(12, 2) CHECK (teacher_compensation >= 0),
    teacher_commission    numeric(12, 2) CHECK (teacher_commission >= 0),
    monthly_overhead_cost numeric(12, 2) CHECK (monthly_overhead_cost >= 0),
    created_by            uuid           NOT NULL,
    created_at            timestamptz    NOT NULL,
    CONSTRAINT batch_dates CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT batch_seats CHECK (seats_taken BETWEEN 0 AND capacity)
);
CREATE INDEX batch_course_idx ON batch (course_id);
CREATE INDEX batch_teacher_idx ON batch (teacher_id);
CREATE INDEX batch_branch_idx ON batch (branch_id);

-- The weekly slots of a batch (minutes since midnight, institute time), for clash checks.
CREATE TABLE batch_slot (
    batch_id     uuid     NOT NULL REFERENCES batch (id) ON DELETE CASCADE,
    day_of_week  smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    PRIMARY KEY (batch_id, day_of_week),
    CHECK (end_minute > start_minute)
);

CREATE TABLE enrollment (
    id            uuid PRIMARY KEY,
    student_id    uuid           NOT NULL,
    course_id     uuid           NOT NULL,
    batch_id      uuid           NOT NULL REFERENCES batch (id),
    branch_id     uuid,
    status        varchar(10)    NOT NULL CHECK (status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED', 'DROPPED')),
    fee           numeric(12, 2) NOT NULL,
    fee_frequency varchar(10)    NOT NULL,
    discount_type varchar(10)    CHECK (discount_type IN ('PERCENTAGE', 'FIXED')),
    discount      numeric(12, 2) CHECK (discount >= 0),
    net_fee       numeric(12, 2) NOT NULL CHECK (net_fee >= 0),
    enrolled_at   timestamptz    NOT NULL,
    completed_at  timestamptz,
    created_by    uuid           NOT NULL,
    updated_at    timestamptz    NOT NULL,
    CONSTRAINT enrollment_once_per_course UNIQUE (student_id, course_id),
    CONSTRAINT enrollment_discount_pair CHECK ((discount_type IS NULL) = (discount IS NULL))
);
CREATE INDEX enrollment_batch_idx ON enrollment (batch_id, status);
CREATE INDEX enrollment_branch_idx ON enrollment (branch_id);

-- A retried write with the same Idempotency-Key answers what the first one answered.
CREATE TABLE idempotent_request (
    caller_id    uuid         NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash varchar(64)  NOT NULL,
    status       integer      NOT NULL,
    body         text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (caller_id, key)
);

-- One record per student per lesson per day (lesson may be empty: one per day then).
CREATE TABLE attendance (
    id         uuid PRIMARY KEY,
    batch_id   uuid         NOT NULL REFERENCES batch (id),
    student_id uuid         NOT NULL,
    lesson_id  uuid,
    date       date         NOT NULL,
    status     varchar(10)  NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'LATE', 'EXCUSED')),
    notes      varchar(500),
    marked_by  uuid         NOT NULL,
    marked_at  timestamptz  NOT NULL,
    CONSTRAINT attendance_once_per_lesson_day UNIQUE NULLS NOT DISTINCT (student_id, lesson_id, date)
);
CREATE INDEX attendance_batch_date_idx ON attendance (batch_id, date);
CREATE INDEX attendance_student_date_idx ON attendance (student_id, date);

CREATE TABLE lesson_progress (
    student_id   uuid        NOT NULL,
    lesson_id    uuid        NOT NULL,
    course_id    uuid        NOT NULL,
    completed_at timestamptz NOT NULL,
    PRIMARY KEY (student_id, lesson_id)
);
CREATE INDEX lesson_progress_course_idx ON lesson_progress (student_id, course_id);

CREATE TABLE calendar_event (
    id          uuid PRIMARY KEY,
    batch_id    uuid          NOT NULL REFERENCES batch (id) ON DELETE CASCADE,
    title       varchar(200)  NOT NULL,
    type        varchar(12)   NOT NULL CHECK (type IN ('CLASS', 'EXAM', 'HOLIDAY', 'EVENT', 'DEADLINE', 'MEETING')),
    starts_at   timestamptz   NOT NULL,
    ends_at     timestamptz   NOT NULL,
    location    varchar(200),
    description varchar(2000),
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX calendar_event_batch_idx ON calendar_event (batch_id, starts_at);

-- Secret feed addresses for calendar apps (which cannot send tokens); only a hash is kept.
CREATE TABLE calendar_feed (
    token_hash  varchar(64) PRIMARY KEY,
    user_id     uuid        NOT NULL UNIQUE,
    teacher     boolean     NOT NULL,
    created_at  timestamptz NOT NULL
);

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

CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
