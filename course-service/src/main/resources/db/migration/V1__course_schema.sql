-- course-service owns this schema: the catalogue, curricula and everything taught from them.

CREATE TABLE course (
    id                  uuid PRIMARY KEY,
    title               varchar(200)   NOT NULL,
    slug                varchar(220)   NOT NULL UNIQUE,
    description         text,
    price               numeric(12, 2) NOT NULL CHECK (price >= 0),
    level               varchar(16)    NOT NULL CHECK (level IN ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
    duration_hours      integer        CHECK (duration_hours > 0),
    thumbnail_url       varchar(1000),
    active              boolean        NOT NULL,
    featured            boolean        NOT NULL,
    what_you_will_learn text[]         NOT NULL DEFAULT '{}',
    features            text[]         NOT NULL DEFAULT '{}',
    created_at          timestamptz    NOT NULL,
    updated_at          timestamptz    NOT NULL,
    revision            bigint         NOT NULL DEFAULT 0
);
-- The public catalogue: active courses, newest first, optionally only featured or one level.
CREATE INDEX course_catalogue_idx ON course (active, created_at DESC, id);
CREATE INDEX course_level_idx ON course (level) WHERE active;
CREATE INDEX course_featured_idx ON course (featured) WHERE active AND featured;

CREATE TABLE roadmap (
    id          uuid PRIMARY KEY,
    title       varchar(200) NOT NULL,
    slug        varchar(220) NOT NULL UNIQUE,
    description text,
    active      boolean      NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL
);

-- A course may sit in several roadmaps, at one place in each.
CREATE TABLE roadmap_course (
    roadmap_id uuid    NOT NULL REFERENCES roadmap (id) ON DELETE CASCADE,
    course_id  uuid    NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    position   integer NOT NULL CHECK (position >= 1),
    PRIMARY KEY (roadmap_id, course_id),
    CONSTRAINT roadmap_course_position_unique UNIQUE (roadmap_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX roadmap_course_course_idx ON roadmap_course (course_id);

-- Teachers assigned to a course (by their user id); only they act on it as teachers.
CREATE TABLE course_teacher (
    course_id   uuid        NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    teacher_id  uuid        NOT NULL,
    assigned_by uuid        NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (course_id, teacher_id)
);
CREATE INDEX course_teacher_teacher_idx ON course_teacher (teacher_id);

-- teacher_id NULL is the official (director's) curriculum. NULLS NOT DISTINCT makes "one per
-- teacher per course" also mean "one official per course".
CREATE TABLE curriculum (
    id               uuid PRIMARY KEY,
    course_id        uuid         NOT NULL REFERENCES course (id),
    teacher_id       uuid,
    status           varchar(20)  NOT NULL CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    version_name     varchar(200),
    rejection_reason varchar(2000),
    submitted_at     timestamptz,
    reviewed_at      timestamptz,
    reviewed_by      uuid,
    lessons_revision bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    CONSTRAINT curriculum_one_per_teacher UNIQUE NULLS NOT DISTINCT (course_id, teacher_id),
    CONSTRAINT curriculum_official_is_approved CHECK (teacher_id IS NOT NULL OR status = 'APPROVED')
);
CREATE INDEX curriculum_pending_idx ON curriculum (submitted_at) WHERE status = 'PENDING_APPROVAL';

CREATE TABLE module (
    id                uuid PRIMARY KEY,
    curriculum_id     uuid         NOT NULL REFERENCES curriculum (id) ON DELETE CASCADE,
    title             varchar(200) NOT NULL,
    position          integer      NOT NULL CHECK (position >= 1),
    active            boolean      NOT NULL,
    rich_text_content text,
    created_at        timestamptz  NOT NULL,
    CONSTRAINT module_position_unique UNIQUE (curriculum_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- curriculum_id repeats the module's, so a whole tree is read by one indexed query and a lesson
-- can never be moved into a module of another curriculum (the composite foreign key).
ALTER TABLE module ADD CONSTRAINT module_id_curriculum_unique UNIQUE (id, curriculum_id);
CREATE TABLE lesson (
    id                uuid PRIMARY KEY,
    module_id         uuid         NOT NULL,
    curriculum_id     uuid         NOT NULL,
    title             varchar(200) NOT NULL,
    position          integer      NOT NULL CHECK (position >= 1),
    content_url       varchar(1000),
    rich_text_content text,
    video_url         varchar(1000),
    weightage         integer      NOT NULL CHECK (weightage BETWEEN 0 AND 1000),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT lesson_module_fk FOREIGN KEY (module_id, curriculum_id)
        REFERENCES module (id, curriculum_id) ON DELETE CASCADE,
    CONSTRAINT lesson_position_unique UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX lesson_curriculum_idx ON lesson (curriculum_id);

-- The shared library: files and links that lessons of any course can reference.
CREATE TABLE resource (
    id          uuid PRIMARY KEY,
    title       varchar(200)  NOT NULL,
    type        varchar(16)   NOT NULL CHECK (type IN ('FILE', 'LINK', 'VIDEO', 'DOCUMENT')),
    url         varchar(1000) NOT NULL,
    description varchar(2000),
    course_id   uuid REFERENCES course (id) ON DELETE SET NULL,
    created_by  uuid          NOT NULL,
    created_at  timestamptz   NOT NULL
);
CREATE INDEX resource_course_idx ON resource (course_id);

-- A file or link attached to one lesson: its own, or a reference to a library resource.
CREATE TABLE lesson_resource (
    id          uuid PRIMARY KEY,
    lesson_id   uuid          NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    resource_id uuid REFERENCES resource (id) ON DELETE CASCADE,
    title       varchar(200),
    type        varchar(16)   CHECK (type IN ('FILE', 'LINK', 'VIDEO', 'DOCUMENT')),
    url         varchar(1000),
    created_at  timestamptz   NOT NULL,
    CONSTRAINT lesson_resource_own_or_library CHECK (
        (resource_id IS NOT NULL AND title IS NULL AND type IS NULL AND url IS NULL)
        OR (resource_id IS NULL AND title IS NOT NULL AND type IS NOT NULL AND url IS NOT NULL)),
    CONSTRAINT lesson_resource_library_once UNIQUE (lesson_id, resource_id)
);

CREATE TABLE assignment (
    id            uuid PRIMARY KEY,
    curriculum_id uuid         NOT NULL REFERENCES curriculum (id),
    lesson_id     uuid         REFERENCES lesson (id) ON DELETE SET NULL,
    title         varchar(200) NOT NULL,
    instructions  text,
    due_at        timestamptz  NOT NULL,
    max_points    integer      NOT NULL CHECK (max_points BETWEEN 1 AND 10000),
    created_by    uuid         NOT NULL,
    created_at    timestamptz  NOT NULL
);
CREATE INDEX assignment_curriculum_idx ON assignment (curriculum_id, due_at);

CREATE TABLE submission (
    id           uuid PRIMARY KEY,
    assignment_id uuid        NOT NULL REFERENCES assignment (id),
    student_id   uuid         NOT NULL,
    text_content text,
    link_url     varchar(1000),
    status       varchar(16)  NOT NULL CHECK (status IN ('SUBMITTED', 'GRADED')),
    submitted_at timestamptz  NOT NULL,
    attempts     integer      NOT NULL DEFAULT 1,
    points       integer      CHECK (points >= 0),
    feedback     text,
    graded_by    uuid,
    graded_at    timestamptz,
    CONSTRAINT submission_once_per_student UNIQUE (assignment_id, student_id),
    CONSTRAINT submission_has_work CHECK (text_content IS NOT NULL OR link_url IS NOT NULL)
);
CREATE INDEX submission_student_idx ON submission (student_id, submitted_at DESC);

-- Private study notes: a highlighted passage of a lesson, and a bookmark per lesson.
CREATE TABLE lesson_highlight (
    id           uuid PRIMARY KEY,
    lesson_id    uuid          NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    user_id      uuid          NOT NULL,
    text         varchar(2000) NOT NULL,
    start_offset integer       CHECK (start_offset >= 0),
    end_offset   integer       CHECK (end_offset >= 0),
    color        varchar(20),
    note         varchar(2000),
    created_at   timestamptz   NOT NULL
);
CREATE INDEX lesson_highlight_user_idx ON lesson_highlight (user_id, lesson_id);

CREATE TABLE lesson_bookmark (
    lesson_id  uuid         NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    user_id    uuid         NOT NULL,
    note       varchar(500),
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);

-- course-service publishes its events through a transactional outbox (platform/events).
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
