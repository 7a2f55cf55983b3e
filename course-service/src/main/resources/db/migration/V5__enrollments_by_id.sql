-- Enrollments as enrollment-service publishes them, one row per enrollment: a student may drop a
-- course and enroll again (a new enrollment), and the events of two enrollments may arrive in either
-- order. enrolled_student (one row per student and course) holds what arrived before this table;
-- a row there is replaced by this table's as soon as an event about the same student and course arrives.
CREATE TABLE course_enrollment (
    enrollment_id uuid PRIMARY KEY,
    student_id    uuid        NOT NULL,
    course_id     uuid        NOT NULL,
    status        varchar(10) NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX course_enrollment_student_course_idx ON course_enrollment (student_id, course_id);
