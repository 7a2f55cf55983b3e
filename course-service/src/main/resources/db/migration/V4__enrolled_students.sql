-- Who is enrolled in which course, from enrollment-service's events: students read the curricula
-- and submit the assignments of the courses they are enrolled in (StudentAccess).
CREATE TABLE enrolled_student (
    student_id uuid        NOT NULL,
    course_id  uuid        NOT NULL,
    status     varchar(10) NOT NULL CHECK (status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED', 'DROPPED')),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (student_id, course_id)
);

CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
