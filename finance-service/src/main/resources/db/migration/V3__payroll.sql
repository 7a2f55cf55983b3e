-- Payroll: who is paid (teachers and staff from identity-service), what batches pay their teachers
-- (from enrollment-service: the batch's terms, its students' active periods, the sessions held),
-- salary structures, monthly payroll runs and their salary slips.
-- Money is numeric(12,2) in INR, rounded HALF_UP once where an amount is made. A paid slip never
-- changes (a trigger refuses it); a correction is a new slip that names the one it amends.

-- ---- Read models ----

-- Teachers and staff (identity-service's UserRegistered with profileType TEACHER or STAFF,
-- UserUpdated, UserDeactivated): who a slip is for, their name and branch.
CREATE TABLE payee_view (
    user_id      uuid PRIMARY KEY,
    name         varchar(120),
    email        varchar(254),
    phone        varchar(20),
    branch_id    uuid,
    profile_type varchar(10) NOT NULL CHECK (profile_type IN ('TEACHER', 'STAFF')),
    active       boolean     NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX payee_view_branch_idx ON payee_view (branch_id);

-- A batch's money terms (BatchCreated, BatchUpdated, BatchFeeChanged): what its teacher is paid
-- and what it costs to run each month. session_rate is finance's own setting (payroll staff set
-- it): pay per session held, counted from attendance; null when sessions are not paid.
CREATE TABLE batch_pay (
    batch_id             uuid PRIMARY KEY,
    course_id            uuid          NOT NULL,
    branch_id            uuid,
    name                 varchar(200)  NOT NULL,
    start_date           date,
    end_date             date,
    status               varchar(10)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'CANCELLED')),
    teacher_compensation numeric(12,2) CHECK (teacher_compensation >= 0),
    teacher_commission   numeric(12,2) CHECK (teacher_commission >= 0),
    monthly_overhead     numeric(12,2) CHECK (monthly_overhead >= 0),
    session_rate         numeric(12,2) CHECK (session_rate >= 0),
    updated_at           timestamptz   NOT NULL
);
CREATE INDEX batch_pay_branch_idx ON batch_pay (branch_id);

-- Who taught a batch when: one row per teacher and the days they held it (to_date null: still
-- holds it). A teacher change closes the open row the day before and opens a new one.
CREATE TABLE batch_teacher (
    batch_id   uuid NOT NULL REFERENCES batch_pay (batch_id),
    teacher_id uuid NOT NULL,
    from_date  date NOT NULL,
    to_date    date,
    PRIMARY KEY (batch_id, from_date),
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX batch_teacher_teacher_idx ON batch_teacher (teacher_id, from_date);

-- The periods each enrollment was ACTIVE in a batch (EnrollmentCreated opens one;
-- EnrollmentStatusChanged away from ACTIVE closes it, back to ACTIVE opens another;
-- EnrollmentTransferred closes it in one batch and opens one in the other). to_date null: still active.
CREATE TABLE seat_period (
    enrollment_id uuid NOT NULL,
    batch_id      uuid NOT NULL,
    student_id    uuid NOT NULL,
    from_date     date NOT NULL,
    to_date       date,
    PRIMARY KEY (enrollment_id, batch_id, from_date),
    CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX seat_period_batch_idx ON seat_period (batch_id, from_date);

-- Sessions held: a day of a batch on which attendance was marked (AttendanceMarked; a re-mark
-- changes nothing here).
CREATE TABLE batch_session (
    batch_id     uuid NOT NULL,
    session_date date NOT NULL,
    marked_by    uuid NOT NULL,
    students     int  NOT NULL CHECK (students >= 0),
    PRIMARY KEY (batch_id, session_date)
);

-- ---- Salary structures ----

CREATE TABLE salary_structure (
    id             uuid PRIMARY KEY,
    person_id      uuid          NOT NULL,
    branch_id      uuid,
    base_pay       numeric(12,2) NOT NULL CHECK (base_pay >= 0),
    effective_from date          NOT NULL,
    effective_to   date,
    -- Statutory deductions the institute switched on for this person: EPF (employee's share of
    -- basic), ESI (employee's share of gross while gross is under the ceiling), TDS (a percent of
    -- gross the payroll staff set from the declaration).
    pf             boolean       NOT NULL DEFAULT false,
    esi            boolean       NOT NULL DEFAULT false,
    tds_percent    numeric(5,2)  CHECK (tds_percent >= 0 AND tds_percent <= 50),
    note           varchar(300),
    created_by     uuid          NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL DEFAULT 0,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX salary_structure_person_idx ON salary_structure (person_id, effective_from);
CREATE INDEX salary_structure_branch_idx ON salary_structure (branch_id, effective_from);

-- Two structures of one person never overlap in time. The database refuses it, not only the code:
-- an exclusion constraint would need btree_gist, which a service's role may not install, so a
-- trigger checks under a per-person transaction lock (two racing inserts for one person queue on
-- it and the second sees the first).
CREATE FUNCTION salary_structure_no_overlap() RETURNS trigger AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('salary_structure:' || NEW.person_id::text, 0));
    IF EXISTS (SELECT 1 FROM salary_structure s
               WHERE s.person_id = NEW.person_id AND s.id <> NEW.id
                 AND daterange(s.effective_from, s.effective_to, '[]')
                     && daterange(NEW.effective_from, NEW.effective_to, '[]')) THEN
        RAISE EXCEPTION 'salary structures of person % overlap', NEW.person_id
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'salary_structure_no_overlap';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER salary_structure_no_overlap BEFORE INSERT OR UPDATE OF person_id, effective_from, effective_to
    ON salary_structure FOR EACH ROW EXECUTE FUNCTION salary_structure_no_overlap();

-- Its components in order: an earning or a deduction, a fixed monthly amount or a percent of
-- another component (BASIC is the base pay; GROSS the sum of earnings), which comes before it.
CREATE TABLE salary_component (
    structure_id uuid         NOT NULL REFERENCES salary_structure (id),
    seq          int          NOT NULL CHECK (seq > 0),
    code         varchar(32)  NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name         varchar(80)  NOT NULL,
    kind         varchar(10)  NOT NULL CHECK (kind IN ('EARNING', 'DEDUCTION')),
    calc         varchar(10)  NOT NULL CHECK (calc IN ('FIXED', 'PERCENT')),
    amount       numeric(12,2) CHECK (amount >= 0),
    percent      numeric(7,4)  CHECK (percent >= 0 AND percent <= 100),
    of_code      varchar(32),
    PRIMARY KEY (structure_id, seq),
    UNIQUE (structure_id, code),
    CHECK ((calc = 'FIXED' AND amount IS NOT NULL AND percent IS NULL AND of_code IS NULL)
        OR (calc = 'PERCENT' AND amount IS NULL AND percent IS NOT NULL AND of_code IS NOT NULL))
);

-- ---- Payroll runs and salary slips ----

-- One run per month and branch (head office: branch_id null); running it again finds this row.
CREATE TABLE payroll_run (
    id         uuid PRIMARY KEY,
    month      date        NOT NULL CHECK (extract(day FROM month) = 1),
    branch_id  uuid,
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX payroll_run_month_branch_uk
    ON payroll_run (month, coalesce(branch_id, '00000000-0000-0000-0000-000000000000'::uuid));

CREATE TABLE salary_slip (
    id               uuid PRIMARY KEY,
    run_id           uuid          NOT NULL REFERENCES payroll_run (id),
    person_id        uuid          NOT NULL,
    person_name      varchar(120),
    branch_id        uuid,
    month            date          NOT NULL CHECK (extract(day FROM month) = 1),
    structure_id     uuid          REFERENCES salary_structure (id),
    -- DRAFT (reviewed, changeable) -> APPROVED -> PAID; an unpaid slip replaced by an amendment is
    -- CANCELLED; a PAID slip stays PAID (a correction is a new slip naming it in amends).
    status           varchar(10)   NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'PAID', 'CANCELLED')),
    amends           uuid          REFERENCES salary_slip (id),
    amend_reason     varchar(300),
    working_days     int           NOT NULL CHECK (working_days >= 0),
    payment_days     numeric(5,1)  NOT NULL CHECK (payment_days >= 0),
    gross            numeric(12,2) NOT NULL,
    total_deductions numeric(12,2) NOT NULL CHECK (total_deductions >= 0),
    net              numeric(12,2) NOT NULL,
    net_in_words     varchar(300)  NOT NULL,
    created_at       timestamptz   NOT NULL,
    approved_by      uuid,
    approved_at      timestamptz,
    paid_by          uuid,
    paid_at          timestamptz,
    paid_method      varchar(16)   CHECK (paid_method IN ('BANK_TRANSFER', 'UPI', 'CHEQUE', 'CASH')),
    paid_reference   varchar(40),
    version          bigint        NOT NULL DEFAULT 0,
    CHECK ((status = 'PAID') = (paid_at IS NOT NULL)),
    CHECK (status <> 'PAID' OR paid_method IS NOT NULL)
);
-- A run makes one slip per person; amendments are extra slips of the same run.
CREATE UNIQUE INDEX salary_slip_run_person_uk ON salary_slip (run_id, person_id) WHERE amends IS NULL;
-- A slip is amended at most once (an amendment may itself be amended).
CREATE UNIQUE INDEX salary_slip_amends_uk ON salary_slip (amends) WHERE amends IS NOT NULL;
CREATE INDEX salary_slip_person_idx ON salary_slip (person_id, month);
CREATE INDEX salary_slip_branch_month_idx ON salary_slip (branch_id, month);

-- Its lines in order: each earning and deduction with how it was reached (basis), and, for pay
-- from a batch, the batch.
CREATE TABLE salary_slip_line (
    slip_id  uuid          NOT NULL REFERENCES salary_slip (id),
    seq      int           NOT NULL CHECK (seq > 0),
    kind     varchar(10)   NOT NULL CHECK (kind IN ('EARNING', 'DEDUCTION')),
    code     varchar(32)   NOT NULL,
    name     varchar(120)  NOT NULL,
    amount   numeric(12,2) NOT NULL CHECK (amount >= 0),
    batch_id uuid,
    basis    varchar(200),
    PRIMARY KEY (slip_id, seq)
);
CREATE INDEX salary_slip_line_batch_idx ON salary_slip_line (batch_id) WHERE batch_id IS NOT NULL;

-- A paid slip never changes, and only a DRAFT slip's lines do.
CREATE FUNCTION salary_slip_paid_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'PAID' THEN
        RAISE EXCEPTION 'salary slip % is paid and cannot change', OLD.id USING ERRCODE = 'check_violation',
            CONSTRAINT = 'salary_slip_paid_is_final';
    END IF;
    RETURN coalesce(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER salary_slip_paid_is_final BEFORE UPDATE OR DELETE ON salary_slip
    FOR EACH ROW EXECUTE FUNCTION salary_slip_paid_is_final();

CREATE FUNCTION salary_slip_line_draft_only() RETURNS trigger AS $$
DECLARE
    slip_status varchar(10);
BEGIN
    SELECT status INTO slip_status FROM salary_slip WHERE id = coalesce(NEW.slip_id, OLD.slip_id);
    IF slip_status IS DISTINCT FROM 'DRAFT' THEN
        RAISE EXCEPTION 'lines of salary slip % can change only while it is a draft', coalesce(NEW.slip_id, OLD.slip_id)
            USING ERRCODE = 'check_violation', CONSTRAINT = 'salary_slip_line_draft_only';
    END IF;
    RETURN coalesce(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER salary_slip_line_draft_only BEFORE INSERT OR UPDATE OR DELETE ON salary_slip_line
    FOR EACH ROW EXECUTE FUNCTION salary_slip_line_draft_only();
