-- Leaves: a student, teacher or staff member asks for days off (whole days, or one half day), and
-- those holding manage:leaves for their branch approve or reject; the requester may cancel before
-- it starts.
CREATE TABLE leave_request (
    id            uuid PRIMARY KEY,
    user_id       uuid          NOT NULL,
    profile_type  varchar(16)   CHECK (profile_type IN ('STUDENT', 'TEACHER', 'STAFF')),
    branch_id     uuid,
    from_date     date          NOT NULL,
    to_date       date          NOT NULL,
    half_day      varchar(2)    CHECK (half_day IN ('AM', 'PM')),
    leave_type    varchar(10)   NOT NULL CHECK (leave_type IN ('SICK', 'CASUAL', 'EARNED', 'UNPAID', 'OTHER')),
    reason        varchar(1000),
    status        varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    decided_by    uuid,
    decided_at    timestamptz,
    decision_note varchar(1000),
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL,
    CONSTRAINT leave_request_range CHECK (from_date <= to_date),
    CONSTRAINT leave_request_half_day_single CHECK (half_day IS NULL OR from_date = to_date)
);
CREATE INDEX leave_request_user_idx ON leave_request (user_id, from_date DESC);
CREATE INDEX leave_request_branch_idx ON leave_request (branch_id, status, from_date);

-- The half days a PENDING or APPROVED leave holds, one row each (a whole day is its AM and its PM):
-- the primary key is what refuses an overlap, so two requests racing for the same morning cannot
-- both succeed. A leave's rows go when it is rejected or cancelled. (A half-day slot per row needs
-- no extension; an exclusion constraint over a date range would need btree_gist.)
CREATE TABLE leave_day (
    user_id  uuid       NOT NULL,
    day      date       NOT NULL,
    slot     varchar(2) NOT NULL CHECK (slot IN ('AM', 'PM')),
    leave_id uuid       NOT NULL REFERENCES leave_request (id),
    PRIMARY KEY (user_id, day, slot)
);
CREATE INDEX leave_day_leave_idx ON leave_day (leave_id);
