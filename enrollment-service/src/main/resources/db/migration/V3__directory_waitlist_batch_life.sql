-- Who exists, in which role and branch, and whether they may still act: a read model of
-- identity-service's events (UserRegistered, UserUpdated, UserRoleChanged, UserDeactivated).
CREATE TABLE known_user (
    user_id      uuid PRIMARY KEY,
    role         varchar(60)  NOT NULL,
    -- STUDENT, TEACHER or STAFF: what the role makes the user (roles are data; their names are not rules).
    profile_type varchar(10)  NOT NULL CHECK (profile_type IN ('STUDENT', 'TEACHER', 'STAFF')),
    branch_id    uuid,
    active       boolean      NOT NULL,
    updated_at   timestamptz  NOT NULL
);

-- A batch's life: OPEN takes enrollments; CLOSED and CANCELLED take none (cancelling drops its enrollments).
ALTER TABLE batch ADD COLUMN status varchar(10) NOT NULL DEFAULT 'OPEN'
    CHECK (status IN ('OPEN', 'CLOSED', 'CANCELLED'));
-- An opt-in waitlist: how many may wait for a seat (0: none), how many wait now, and how long a
-- promoted student has to confirm the seat held for them.
ALTER TABLE batch ADD COLUMN waitlist_capacity integer NOT NULL DEFAULT 0 CHECK (waitlist_capacity BETWEEN 0 AND 1000);
ALTER TABLE batch ADD COLUMN waitlisted integer NOT NULL DEFAULT 0;
ALTER TABLE batch ADD COLUMN offer_hours integer NOT NULL DEFAULT 48 CHECK (offer_hours BETWEEN 1 AND 720);
ALTER TABLE batch ADD CONSTRAINT batch_waitlist CHECK (waitlisted BETWEEN 0 AND waitlist_capacity);

-- WAITLISTED: in line for a seat (none taken). OFFERED: promoted, a seat held until offered_until.
ALTER TABLE enrollment DROP CONSTRAINT enrollment_status_check;
ALTER TABLE enrollment ADD CONSTRAINT enrollment_status_check
    CHECK (status IN ('WAITLISTED', 'OFFERED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'DROPPED'));
ALTER TABLE enrollment ADD COLUMN waitlisted_at timestamptz;
ALTER TABLE enrollment ADD COLUMN offered_until timestamptz;
ALTER TABLE enrollment ADD CONSTRAINT enrollment_offer_has_deadline CHECK (status <> 'OFFERED' OR offered_until IS NOT NULL);
-- One live enrollment per student per course; a dropped one stays as history and the student may enroll again.
ALTER TABLE enrollment DROP CONSTRAINT enrollment_once_per_course;
CREATE UNIQUE INDEX enrollment_live_once_per_course ON enrollment (student_id, course_id) WHERE status <> 'DROPPED';
CREATE INDEX enrollment_student_course_idx ON enrollment (student_id, course_id);
-- The line: first come, first served, per batch.
CREATE INDEX enrollment_waitlist_idx ON enrollment (batch_id, waitlisted_at, id) WHERE status = 'WAITLISTED';
CREATE INDEX enrollment_offer_idx ON enrollment (offered_until) WHERE status = 'OFFERED';
