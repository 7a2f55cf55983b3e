-- assessment-service's schema: quizzes, questions and their versioned answer keys, attempts and
-- their responses, read models of course-service and enrollment-service, outbox and inbox.
-- Marks, scores and percentages are numeric with two decimals (one rounding rule, HALF_UP).

-- ---- Read models (from course-service and enrollment-service events) ----

-- Courses by id: the title, for messages and gradebooks.
CREATE TABLE course_view (
    course_id  uuid PRIMARY KEY,
    title      varchar(200) NOT NULL,
    active     boolean      NOT NULL,
    revision   bigint       NOT NULL,
    updated_at timestamptz  NOT NULL
);

-- Published curricula (LessonsChanged): the official one of a course (teacher_id null) and each
-- teacher's approved version; the newest revision wins.
CREATE TABLE curriculum_view (
    curriculum_id uuid PRIMARY KEY,
    course_id     uuid        NOT NULL,
    teacher_id    uuid,
    revision      bigint      NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX curriculum_view_course_idx ON curriculum_view (course_id, teacher_id);

CREATE TABLE curriculum_lesson (
    curriculum_id uuid    NOT NULL REFERENCES curriculum_view (curriculum_id) ON DELETE CASCADE,
    lesson_id     uuid    NOT NULL,
    module_id     uuid,
    position      integer NOT NULL,
    PRIMARY KEY (curriculum_id, lesson_id)
);
CREATE INDEX curriculum_lesson_module_idx ON curriculum_lesson (curriculum_id, module_id);

-- Who teaches which course (CourseTeacherAssigned / CourseTeacherUnassigned).
CREATE TABLE course_teacher (
    course_id   uuid        NOT NULL,
    teacher_id  uuid        NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (course_id, teacher_id)
);
CREATE INDEX course_teacher_teacher_idx ON course_teacher (teacher_id);

-- Batches (BatchCreated / BatchUpdated): their course, branch and teacher.
CREATE TABLE batch_view (
    batch_id   uuid PRIMARY KEY,
    course_id  uuid         NOT NULL,
    branch_id  uuid,
    teacher_id uuid,
    name       varchar(200) NOT NULL,
    updated_at timestamptz  NOT NULL
);

-- Enrollments (EnrollmentCreated / EnrollmentStatusChanged / EnrollmentTransferred): which student
-- is in which batch of which course, and whether they may take its quizzes (ACTIVE).
CREATE TABLE enrollment_view (
    enrollment_id uuid PRIMARY KEY,
    student_id    uuid        NOT NULL,
    course_id     uuid        NOT NULL,
    batch_id      uuid        NOT NULL,
    branch_id     uuid,
    status        varchar(20) NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX enrollment_view_student_idx ON enrollment_view (student_id, course_id);
CREATE INDEX enrollment_view_batch_idx ON enrollment_view (batch_id);

-- ---- Quizzes ----

CREATE TABLE quiz (
    id                  uuid PRIMARY KEY,
    curriculum_id       uuid          NOT NULL,
    course_id           uuid          NOT NULL,
    -- The teacher whose curriculum version it is; null for the official curriculum.
    curriculum_teacher  uuid,
    module_id           uuid,
    lesson_id           uuid,
    title               varchar(200)  NOT NULL,
    instructions        varchar(4000),
    duration_minutes    integer CHECK (duration_minutes > 0 AND duration_minutes <= 1440),
    opens_at            timestamptz,
    closes_at           timestamptz,
    passing_percent     numeric(5, 2) NOT NULL CHECK (passing_percent >= 0 AND passing_percent <= 100),
    attempts_allowed    integer       NOT NULL CHECK (attempts_allowed >= 0),
    grading_method      varchar(10)   NOT NULL CHECK (grading_method IN ('HIGHEST', 'AVERAGE', 'FIRST', 'LAST')),
    shuffle_questions   boolean       NOT NULL,
    shuffle_options     boolean       NOT NULL,
    multi_select_policy varchar(20)   NOT NULL
        CHECK (multi_select_policy IN ('ALL_OR_NOTHING', 'PARTIAL_NO_WRONG', 'RIGHT_MINUS_WRONG')),
    -- When a student sees their marks, which answers were right, and the right answers.
    review_marks        varchar(15)   NOT NULL,
    review_correctness  varchar(15)   NOT NULL,
    review_answers      varchar(15)   NOT NULL,
    status              varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    -- Raised by every change of an answer key after publishing; attempts name the one they were graded by.
    key_version         integer       NOT NULL DEFAULT 1,
    created_by          uuid          NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    published_at        timestamptz,
    published_by        uuid,
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);
CREATE INDEX quiz_curriculum_idx ON quiz (curriculum_id, status);
CREATE INDEX quiz_course_idx ON quiz (course_id, status);

CREATE TABLE question (
    id                  uuid PRIMARY KEY,
    quiz_id             uuid          NOT NULL REFERENCES quiz (id),
    position            integer       NOT NULL,
    type                varchar(20)   NOT NULL
        CHECK (type IN ('MULTIPLE_CHOICE', 'MULTIPLE_SELECT', 'TRUE_FALSE', 'SHORT_ANSWER')),
    text                varchar(4000) NOT NULL,
    points              numeric(8, 2) NOT NULL CHECK (points > 0),
    negative_points     numeric(8, 2) NOT NULL CHECK (negative_points >= 0),
    -- For MULTIPLE_SELECT: overrides the quiz's policy; null follows it.
    multi_select_policy varchar(20)
        CHECK (multi_select_policy IN ('ALL_OR_NOTHING', 'PARTIAL_NO_WRONG', 'RIGHT_MINUS_WRONG')),
    explanation         varchar(4000),
    CONSTRAINT question_position_unique UNIQUE (quiz_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE question_option (
    id          uuid PRIMARY KEY,
    question_id uuid          NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    position    integer       NOT NULL,
    text        varchar(1000) NOT NULL,
    CONSTRAINT question_option_position_unique UNIQUE (question_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- Answer keys, versioned: grading at key version V uses, per question, the newest key with
-- version <= V. Before publishing a question's key is replaced in place (version 1).
CREATE TABLE answer_key (
    question_id        uuid        NOT NULL REFERENCES question (id) ON DELETE CASCADE,
    version            integer     NOT NULL,
    correct_option_ids uuid[]      NOT NULL DEFAULT '{}',
    short_keys         jsonb       NOT NULL DEFAULT '[]',
    created_by         uuid        NOT NULL,
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (question_id, version)
);

-- ---- Attempts ----

CREATE TABLE attempt (
    id            uuid PRIMARY KEY,
    quiz_id       uuid           NOT NULL REFERENCES quiz (id),
    student_id    uuid           NOT NULL,
    number        integer        NOT NULL CHECK (number > 0),
    status        varchar(15)    NOT NULL CHECK (status IN ('IN_PROGRESS', 'PENDING_REVIEW', 'GRADED')),
    started_at    timestamptz    NOT NULL,
    -- The earlier of the quiz's closing time and start + duration; null when neither exists.
    deadline      timestamptz,
    submitted_at  timestamptz,
    submitted_by  varchar(10) CHECK (submitted_by IN ('STUDENT', 'DEADLINE')),
    -- The order this attempt shows its questions in, and each question's options.
    question_order uuid[]        NOT NULL,
    option_order  jsonb          NOT NULL,
    key_version   integer,
    score         numeric(10, 2),
    max_score     numeric(10, 2) NOT NULL,
    percent       numeric(7, 2),
    passed        boolean,
    graded_at     timestamptz,
    CONSTRAINT attempt_number_unique UNIQUE (quiz_id, student_id, number)
);
-- At most one attempt in progress per student and quiz, whatever races.
CREATE UNIQUE INDEX attempt_one_in_progress ON attempt (quiz_id, student_id) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempt_due_idx ON attempt (deadline) WHERE status = 'IN_PROGRESS';
CREATE INDEX attempt_student_idx ON attempt (student_id, quiz_id);

CREATE TABLE response (
    attempt_id          uuid        NOT NULL REFERENCES attempt (id),
    question_id         uuid        NOT NULL REFERENCES question (id),
    selected_option_ids uuid[]      NOT NULL DEFAULT '{}',
    text_answer         varchar(1000),
    saved_at            timestamptz,
    -- What grading found: CORRECT, PARTIAL, WRONG, UNANSWERED or NEEDS_REVIEW, the points and the
    -- short-answer key that matched.
    auto_outcome        varchar(15),
    auto_points         numeric(8, 2),
    matched_key         integer,
    -- A teacher's grade, kept beside the automatic one (it wins when present).
    manual_points       numeric(8, 2),
    feedback            varchar(4000),
    graded_by           uuid,
    graded_at           timestamptz,
    PRIMARY KEY (attempt_id, question_id)
);

-- ---- Events ----

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
