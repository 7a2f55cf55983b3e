-- EXCUSED attendance recorded for a student's approved leave carries the leave's id, so a later
-- cancellation removes exactly those records. Marking a session again clears it: the teacher's
-- marking is then the record, and a cancellation leaves it alone.
ALTER TABLE attendance ADD COLUMN leave_id uuid;
CREATE INDEX attendance_leave_idx ON attendance (leave_id) WHERE leave_id IS NOT NULL;
