-- Contacts to reach people outside the app, and what dues reminders and absence alerts remember.

-- A user's phone (E.164), as identity's UserRegistered and UserUpdated tell it; null until told.
ALTER TABLE recipient ADD COLUMN phone varchar(20);

-- A student's guardians (up to two), replaced whole by each StudentProfileUpdated that carries its
-- guardians list: an absent list changes nothing, an empty one clears them.
CREATE TABLE student_guardian (
    student_id uuid         NOT NULL,
    position   smallint     NOT NULL,
    name       varchar(200) NOT NULL,
    relation   varchar(40),
    -- E.164, as identity validated and normalised it; null when the guardian gave none.
    phone      varchar(20),
    email      varchar(320),
    updated_at timestamptz  NOT NULL,
    PRIMARY KEY (student_id, position)
);

-- A batch's name, for messages that name it ("absent from JEE Physics Jan 2027"); null for batches
-- told of before it was kept, until their next BatchUpdated.
ALTER TABLE batch ADD COLUMN name varchar(200);

-- Installments finance told us are fully paid (PaymentReceived's installments): no reminder is
-- queued for them any more. The payment that paid it is kept, so its reversal makes it unpaid again.
CREATE TABLE installment_paid (
    installment_id uuid        PRIMARY KEY,
    payment_id     uuid,
    paid_at        timestamptz NOT NULL
);
CREATE INDEX installment_paid_payment_idx ON installment_paid (payment_id) WHERE payment_id IS NOT NULL;

-- Each student's last mark per batch and session date (a re-marked session replaces it), from
-- enrollment's AttendanceMarked: streaks of absences are counted from these in date order.
CREATE TABLE attendance_mark (
    batch_id     uuid        NOT NULL,
    student_id   uuid        NOT NULL,
    session_date date        NOT NULL,
    status       varchar(10) NOT NULL CHECK (status IN ('PRESENT', 'ABSENT', 'LATE', 'EXCUSED')),
    -- How often an ABSENT mark of the session was corrected: an absence marked again after a
    -- correction is a new statement, alerted as a new message (the delivery log keeps each once).
    alert_round  integer     NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (batch_id, student_id, session_date)
);

-- Streaks of consecutive absences the branch's staff and the batch's teacher were told of, by the
-- streak's first absence: each streak is told once.
CREATE TABLE absence_streak (
    batch_id   uuid        NOT NULL,
    student_id uuid        NOT NULL,
    since      date        NOT NULL,
    absences   integer     NOT NULL,
    told_at    timestamptz NOT NULL,
    PRIMARY KEY (batch_id, student_id, since)
);
