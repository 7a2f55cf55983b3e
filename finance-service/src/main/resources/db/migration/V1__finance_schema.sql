-- finance-service's schema: fee plans and their installments, payments and how they were
-- allocated, gap-free receipt series, Razorpay payment links and webhook events, read models of
-- identity-service and enrollment-service, outbox, inbox and idempotency keys.
-- Money is numeric(12,2) in INR, rounded HALF_UP once where an amount is made. Nothing financial
-- is deleted: a payment undone stays, with a reversal entry; a cancelled receipt keeps its number.

-- ---- Read models ----

-- Branches (identity-service's BranchOpened / BranchUpdated): the receipt series, the state for
-- the place of supply, the GSTIN that makes a receipt a tax invoice.
CREATE TABLE branch_view (
    branch_id      uuid PRIMARY KEY,
    code           varchar(32)  NOT NULL,
    name           varchar(120) NOT NULL,
    city           varchar(80),
    state          varchar(80),
    state_code     char(2),
    gstin          varchar(15),
    receipt_series varchar(4)   NOT NULL,
    active         boolean      NOT NULL,
    updated_at     timestamptz  NOT NULL
);

-- Students (identity-service's UserRegistered / UserUpdated / StudentProfileUpdated): the name
-- printed on receipts and the state that decides CGST + SGST or IGST.
CREATE TABLE student_view (
    student_id uuid PRIMARY KEY,
    name       varchar(120),
    email      varchar(254),
    branch_id  uuid,
    state_code char(2),
    updated_at timestamptz NOT NULL
);

-- Batches (enrollment-service): the dates a monthly plan runs between.
CREATE TABLE batch_view (
    batch_id   uuid PRIMARY KEY,
    course_id  uuid        NOT NULL,
    branch_id  uuid,
    name       varchar(200) NOT NULL,
    start_date date,
    end_date   date,
    updated_at timestamptz NOT NULL
);

-- ---- Fee plans ----

CREATE TABLE fee_plan (
    id             uuid PRIMARY KEY,
    enrollment_id  uuid          NOT NULL UNIQUE,  -- one plan per enrollment, however often the event comes
    student_id     uuid          NOT NULL,
    branch_id      uuid,
    course_id      uuid          NOT NULL,
    batch_id       uuid          NOT NULL,
    course_title   varchar(200)  NOT NULL,
    batch_name     varchar(200)  NOT NULL,
    frequency      varchar(10)   NOT NULL CHECK (frequency IN ('ONE_TIME', 'MONTHLY')),
    fee            numeric(12,2) NOT NULL CHECK (fee >= 0),
    discount_type  varchar(12)   CHECK (discount_type IN ('PERCENTAGE', 'FIXED')),
    discount       numeric(12,2),
    net_fee        numeric(12,2) NOT NULL CHECK (net_fee >= 0),
    -- ACTIVE while the enrollment runs; ENDED when it was dropped or completed (installments not
    -- yet due were cancelled then).
    status         varchar(10)   NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    ended_reason   varchar(200),
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL
);
CREATE INDEX fee_plan_student_idx ON fee_plan (student_id, created_at);
CREATE INDEX fee_plan_branch_idx ON fee_plan (branch_id, created_at);

-- An installment's stored status is one of DUE, PARTIALLY_PAID, PAID, WAIVED, CANCELLED (not yet
-- due when its enrollment ended) or SUPERSEDED (its unpaid part went into a re-split). OVERDUE is
-- DUE or PARTIALLY_PAID past the due date: the API reports it from the date, so it is never stale.
CREATE TABLE installment (
    id            uuid PRIMARY KEY,
    plan_id       uuid          NOT NULL REFERENCES fee_plan (id),
    seq           integer       NOT NULL,
    kind          varchar(14)   NOT NULL CHECK (kind IN ('FEE', 'BOUNCE_CHARGE')),
    student_id    uuid          NOT NULL,
    branch_id     uuid,
    due_date      date          NOT NULL,
    amount        numeric(12,2) NOT NULL CHECK (amount >= 0),
    paid          numeric(12,2) NOT NULL DEFAULT 0 CHECK (paid >= 0 AND paid <= amount),
    status        varchar(16)   NOT NULL CHECK (status IN ('DUE', 'PARTIALLY_PAID', 'PAID', 'WAIVED', 'CANCELLED',
                                                           'SUPERSEDED')),
    note          varchar(300),
    closed_by     uuid,
    closed_at     timestamptz,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    CONSTRAINT installment_plan_seq_uk UNIQUE (plan_id, seq),
    CONSTRAINT installment_paid_status_ck CHECK (status <> 'PAID' OR paid = amount)
);
CREATE INDEX installment_plan_idx ON installment (plan_id, due_date, seq);
-- Dues: what is open, by branch and due date (the dues lists, ageing and the daily reminders).
CREATE INDEX installment_open_branch_idx ON installment (branch_id, due_date)
    WHERE status IN ('DUE', 'PARTIALLY_PAID');
CREATE INDEX installment_open_student_idx ON installment (student_id, due_date)
    WHERE status IN ('DUE', 'PARTIALLY_PAID');
CREATE INDEX installment_open_due_idx ON installment (due_date) WHERE status IN ('DUE', 'PARTIALLY_PAID');

-- ---- Payments ----

CREATE TABLE payment (
    id                  uuid PRIMARY KEY,
    plan_id             uuid          NOT NULL REFERENCES fee_plan (id),
    student_id          uuid          NOT NULL,
    branch_id           uuid,
    amount              numeric(12,2) NOT NULL CHECK (amount > 0),
    method              varchar(14)   NOT NULL CHECK (method IN ('CASH', 'UPI', 'BANK_TRANSFER', 'CARD', 'CHEQUE',
                                                                 'ONLINE')),
    -- UPI: the 12-digit UTR; bank transfer: its UTR or reference; card: the terminal's reference;
    -- cheque: its number; online: Razorpay's payment id.
    reference           varchar(40),
    cheque_bank         varchar(80),
    cheque_date         date,
    -- CLEARED counts; a cheque is RECEIVED until it clears; REVERSED was undone (a bounced cheque or
    -- a payment entered in error): its allocations have a reversal entry, the row stays.
    status              varchar(10)   NOT NULL CHECK (status IN ('RECEIVED', 'CLEARED', 'REVERSED')),
    note                varchar(300),
    recorded_by         uuid,
    received_at         timestamptz   NOT NULL,
    cleared_at          timestamptz,
    reversed_at         timestamptz,
    reversal_reason     varchar(300),
    bounce_charge       numeric(12,2),
    version             bigint        NOT NULL
);
CREATE INDEX payment_plan_idx ON payment (plan_id, received_at);
CREATE INDEX payment_student_idx ON payment (student_id, received_at);
CREATE INDEX payment_branch_idx ON payment (branch_id, received_at);
-- The same UTR or bank reference twice is one payment entered twice: refused.
CREATE UNIQUE INDEX payment_bank_reference_uk ON payment (upper(reference)) WHERE method IN ('UPI', 'BANK_TRANSFER');
CREATE UNIQUE INDEX payment_online_reference_uk ON payment (reference) WHERE method = 'ONLINE';

-- How each payment went onto installments (oldest first), and the entries that undid it.
CREATE TABLE allocation (
    id             uuid PRIMARY KEY,
    payment_id     uuid          NOT NULL REFERENCES payment (id),
    installment_id uuid          NOT NULL REFERENCES installment (id),
    -- Positive when applied, negative in a REVERSAL entry.
    amount         numeric(12,2) NOT NULL CHECK (amount <> 0),
    kind           varchar(10)   NOT NULL CHECK (kind IN ('APPLIED', 'REVERSAL')),
    created_at     timestamptz   NOT NULL
);
CREATE INDEX allocation_payment_idx ON allocation (payment_id);
CREATE INDEX allocation_installment_idx ON allocation (installment_id);

-- ---- Receipts ----

-- The next number of each series and financial year. A payment locks its row (select ... for
-- update) in its own transaction: a rollback returns the number, so the series has no gaps.
CREATE TABLE receipt_counter (
    series         varchar(4) NOT NULL,
    financial_year varchar(5) NOT NULL,   -- such as 26-27
    next_number    bigint     NOT NULL CHECK (next_number > 0),
    PRIMARY KEY (series, financial_year)
);

CREATE TABLE receipt (
    id                 uuid PRIMARY KEY,
    payment_id         uuid          NOT NULL UNIQUE REFERENCES payment (id),
    number             varchar(16)   NOT NULL UNIQUE CHECK (number ~ '^[A-Za-z0-9/-]{1,16}$'),
    series             varchar(4)    NOT NULL,
    financial_year     varchar(5)    NOT NULL,
    serial             bigint        NOT NULL,
    kind               varchar(12)   NOT NULL CHECK (kind IN ('TAX_INVOICE', 'RECEIPT')),
    issued_on          date          NOT NULL,
    student_id         uuid          NOT NULL,
    branch_id          uuid,
    -- What was printed, as it was when issued (a later change of the branch or the student does
    -- not rewrite an issued document).
    institute_name     varchar(120)  NOT NULL,
    branch_name        varchar(120)  NOT NULL,
    supplier_gstin     varchar(15),
    supplier_state     varchar(80),
    supplier_state_code char(2),
    recipient_name     varchar(120)  NOT NULL,
    recipient_state_code char(2),
    place_of_supply    char(2),
    taxable            numeric(12,2) NOT NULL,
    cgst               numeric(12,2) NOT NULL,
    sgst               numeric(12,2) NOT NULL,
    igst               numeric(12,2) NOT NULL,
    total              numeric(12,2) NOT NULL,
    pending_after      numeric(12,2) NOT NULL,
    cancelled_at       timestamptz,
    cancel_reason      varchar(300),
    created_at         timestamptz   NOT NULL,
    CONSTRAINT receipt_series_serial_uk UNIQUE (series, financial_year, serial),
    CONSTRAINT receipt_adds_up_ck CHECK (taxable + cgst + sgst + igst = total)
);
CREATE INDEX receipt_student_idx ON receipt (student_id, issued_on);
CREATE INDEX receipt_branch_idx ON receipt (branch_id, issued_on);

-- One line per installment a payment went to, each with its own tax in paise.
CREATE TABLE receipt_line (
    receipt_id  uuid          NOT NULL REFERENCES receipt (id),
    line_no     integer       NOT NULL,
    description varchar(300)  NOT NULL,
    sac         varchar(6),
    taxable     numeric(12,2) NOT NULL,
    cgst        numeric(12,2) NOT NULL,
    sgst        numeric(12,2) NOT NULL,
    igst        numeric(12,2) NOT NULL,
    amount      numeric(12,2) NOT NULL,
    PRIMARY KEY (receipt_id, line_no),
    CONSTRAINT receipt_line_adds_up_ck CHECK (taxable + cgst + sgst + igst = amount)
);

-- ---- Reminders: each (installment, level) once, however many instances run the daily job ----

CREATE TABLE installment_reminder (
    installment_id uuid        NOT NULL REFERENCES installment (id),
    level          integer     NOT NULL CHECK (level BETWEEN 0 AND 3),   -- 0: due soon; 1-3: overdue
    sent_at        timestamptz NOT NULL,
    PRIMARY KEY (installment_id, level)
);

-- ---- Razorpay ----

CREATE TABLE payment_link (
    id               uuid PRIMARY KEY,
    installment_id   uuid          NOT NULL REFERENCES installment (id),
    plan_id          uuid          NOT NULL REFERENCES fee_plan (id),
    student_id       uuid          NOT NULL,
    branch_id        uuid,
    amount           numeric(12,2) NOT NULL CHECK (amount > 0),
    provider_link_id varchar(60)   UNIQUE,
    short_url        varchar(300),
    -- CREATED until paid (PAID), or EXPIRED / CANCELLED at Razorpay.
    status           varchar(10)   NOT NULL CHECK (status IN ('CREATED', 'PAID', 'EXPIRED', 'CANCELLED')),
    payment_id       uuid          REFERENCES payment (id),
    requested_by     uuid          NOT NULL,
    created_at       timestamptz   NOT NULL,
    checked_at       timestamptz,
    paid_at          timestamptz
);
CREATE INDEX payment_link_installment_idx ON payment_link (installment_id);
CREATE INDEX payment_link_pending_idx ON payment_link (created_at) WHERE status = 'CREATED';

-- Webhook deliveries, stored once by Razorpay's event id before anything is applied.
CREATE TABLE webhook_event (
    event_id     varchar(100) PRIMARY KEY,
    event_type   varchar(60)  NOT NULL,
    body         text         NOT NULL,
    received_at  timestamptz  NOT NULL,
    deliveries   integer      NOT NULL DEFAULT 1,
    applied_at   timestamptz,
    attempts     integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error   varchar(500)
);
CREATE INDEX webhook_event_pending_idx ON webhook_event (next_attempt_at) WHERE applied_at IS NULL;

-- ---- Messaging (platform/messaging) ----

CREATE TABLE idempotent_request (
    caller_id    uuid         NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash varchar(64)  NOT NULL,
    status       integer      NOT NULL,
    body         text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (caller_id, key)
);

CREATE TABLE outbox_event (
    id              uuid PRIMARY KEY,
    seq             bigserial    NOT NULL UNIQUE,
    topic           varchar(200) NOT NULL,
    record_key      varchar(200) NOT NULL,
    type            varchar(100) NOT NULL,
    envelope        jsonb        NOT NULL,
    created_at      timestamptz  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    published_at    timestamptz,
    parked_at       timestamptz
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;

CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
