-- Payroll additions V3 leaves out.
-- 1. The people a payroll run could not make a slip for (their deductions are above their gross, so
--    the net would be negative), with the reason: a run made once must still tell why later on.
-- 2. The day a slip was paid as the payroll staff record it (the bank's value date), which may be
--    before the day it is recorded; paid_at stays the moment it was recorded.
CREATE TABLE payroll_run_skip (
    run_id      uuid         NOT NULL REFERENCES payroll_run (id),
    person_id   uuid         NOT NULL,
    person_name varchar(120),
    reason      varchar(300) NOT NULL,
    PRIMARY KEY (run_id, person_id)
);

ALTER TABLE salary_slip ADD COLUMN paid_on date;
