-- One attendance record per student per lesson per day *per batch*: a student in two courses is
-- marked in each batch without one marking replacing the other's.
ALTER TABLE attendance DROP CONSTRAINT attendance_once_per_lesson_day;
ALTER TABLE attendance ADD CONSTRAINT attendance_once_per_batch_lesson_day
    UNIQUE NULLS NOT DISTINCT (batch_id, student_id, lesson_id, date);

-- Accounts identity-service has deactivated: they are not enrolled again.
CREATE TABLE deactivated_user (
    user_id        uuid PRIMARY KEY,
    deactivated_at timestamptz NOT NULL
);
