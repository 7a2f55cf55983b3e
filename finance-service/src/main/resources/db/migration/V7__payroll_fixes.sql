-- Payroll fixes V3 and V4 leave out.
-- 1. Who made each slip (the runner for a run's slips, the one who amended or added it otherwise): an
--    amendment is approved by someone other than who made it. Slips made before this have none.
ALTER TABLE salary_slip ADD COLUMN created_by uuid;

-- 2. A slip is PAID exactly when the day it was paid is recorded (the code sets paid_on whenever it
--    sets PAID, and never otherwise). A row made PAID without paid_on by a writer other than the
--    service (plain SQL) takes the day of paid_at in India, the service's default zone, as the API
--    takes today when paidOn is not given.
CREATE FUNCTION salary_slip_paid_on_default() RETURNS trigger AS $$
BEGIN
    IF NEW.status = 'PAID' AND NEW.paid_on IS NULL AND NEW.paid_at IS NOT NULL THEN
        NEW.paid_on := (NEW.paid_at AT TIME ZONE 'Asia/Kolkata')::date;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER salary_slip_paid_on_default BEFORE INSERT OR UPDATE ON salary_slip
    FOR EACH ROW EXECUTE FUNCTION salary_slip_paid_on_default();

-- Rows already PAID without paid_on (written by plain SQL before this) take it the same way first.
-- A PAID slip refuses every update (V3's trigger), so that trigger is off for this one statement only.
ALTER TABLE salary_slip DISABLE TRIGGER salary_slip_paid_is_final;
UPDATE salary_slip SET paid_on = (paid_at AT TIME ZONE 'Asia/Kolkata')::date
    WHERE status = 'PAID' AND paid_on IS NULL AND paid_at IS NOT NULL;
ALTER TABLE salary_slip ENABLE TRIGGER salary_slip_paid_is_final;

ALTER TABLE salary_slip ADD CONSTRAINT salary_slip_paid_on_check CHECK ((status = 'PAID') = (paid_on IS NOT NULL));

-- 3. A line never moves to another slip: V3's trigger looked at one slip only, so an update moving a
--    line of a PAID slip to a DRAFT one passed. Now an update must keep slip_id, and both the old and
--    the new slip must be drafts.
CREATE OR REPLACE FUNCTION salary_slip_line_draft_only() RETURNS trigger AS $$
DECLARE
    slip_status varchar(10);
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.slip_id IS DISTINCT FROM OLD.slip_id THEN
        RAISE EXCEPTION 'a line of salary slip % cannot move to another slip', OLD.slip_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'salary_slip_line_draft_only';
    END IF;
    IF TG_OP <> 'INSERT' THEN
        SELECT status INTO slip_status FROM salary_slip WHERE id = OLD.slip_id;
        IF slip_status IS DISTINCT FROM 'DRAFT' THEN
            RAISE EXCEPTION 'lines of salary slip % can change only while it is a draft', OLD.slip_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'salary_slip_line_draft_only';
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT status INTO slip_status FROM salary_slip WHERE id = NEW.slip_id;
        IF slip_status IS DISTINCT FROM 'DRAFT' THEN
            RAISE EXCEPTION 'lines of salary slip % can change only while it is a draft', NEW.slip_id
                USING ERRCODE = 'check_violation', CONSTRAINT = 'salary_slip_line_draft_only';
        END IF;
    END IF;
    RETURN coalesce(NEW, OLD);
END;
$$ LANGUAGE plpgsql;
