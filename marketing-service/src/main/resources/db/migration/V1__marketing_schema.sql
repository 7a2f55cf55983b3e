-- marketing-service: campaigns and their spend, leads with their activities and follow-ups, the
-- conversions of leads into students, and what it keeps of other services' events (staff who
-- may be assigned leads, batches a lead may be converted into, payments of converted students
-- for the campaign report). Money is numeric(12,2) in INR; spend is never deleted, only reversed.

CREATE TABLE campaign (
    id              uuid PRIMARY KEY,
    name            varchar(150)  NOT NULL,
    channel         varchar(20)   NOT NULL,
    status          varchar(20)   NOT NULL,
    budget          numeric(12,2) CHECK (budget IS NULL OR budget >= 0),
    start_date      date,
    end_date        date,
    target_audience varchar(1000),
    branch_id       uuid,
    created_by      uuid,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         integer       NOT NULL DEFAULT 0,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX campaign_branch_idx ON campaign (branch_id, status);

-- Spend entered here while finance records no expenses against campaigns. An entry made in error
-- is reversed by a negative entry naming it, never deleted.
CREATE TABLE campaign_spend (
    id          uuid PRIMARY KEY,
    campaign_id uuid          NOT NULL REFERENCES campaign (id),
    amount      numeric(12,2) NOT NULL CHECK (amount <> 0),
    spent_on    date          NOT NULL,
    note        varchar(500),
    reverses    uuid UNIQUE REFERENCES campaign_spend (id),
    recorded_by uuid,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX campaign_spend_campaign_idx ON campaign_spend (campaign_id, spent_on);

CREATE TABLE lead (
    id                     uuid PRIMARY KEY,
    name                   varchar(120) NOT NULL,
    phone                  varchar(20)  NOT NULL,
    email                  varchar(254),
    source                 varchar(20)  NOT NULL,
    course_id              uuid,
    course_interest        varchar(200),
    branch_id              uuid,
    campaign_id            uuid REFERENCES campaign (id),
    assignee_id            uuid,
    stage                  varchar(20)  NOT NULL,
    lost_reason            varchar(500),
    next_follow_up_at      timestamptz,
    -- The follow-up its assignee was last reminded of: reminded once per follow-up.
    follow_up_reminded_for timestamptz,
    notes                  varchar(2000),
    student_id             uuid,
    enrollment_id          uuid,
    converted_at           timestamptz,
    created_by             uuid,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    stage_changed_at       timestamptz  NOT NULL,
    version                integer      NOT NULL DEFAULT 0,
    -- Name, e-mail and the phone's last ten digits, for search by word prefix ('simple': no stemming).
    search                 tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', name || ' ' || coalesce(email, '') || ' ' || right(phone, 10) || ' '
            || substr(phone, 2))) STORED,
    CHECK ((stage = 'LOST') = (lost_reason IS NOT NULL)),
    -- Every open lead has a next follow-up.
    CHECK (stage IN ('CONVERTED', 'LOST') OR next_follow_up_at IS NOT NULL)
);
-- Two open leads of one branch never share a phone number (E.164, so formatting cannot hide one).
CREATE UNIQUE INDEX lead_open_phone_uq ON lead (COALESCE(branch_id, '00000000-0000-0000-0000-000000000000'::uuid), phone)
    WHERE stage NOT IN ('CONVERTED', 'LOST');
CREATE INDEX lead_search_idx ON lead USING gin (search);
CREATE INDEX lead_phone_idx ON lead (phone);
CREATE INDEX lead_branch_stage_idx ON lead (branch_id, stage, created_at DESC);
CREATE INDEX lead_assignee_follow_up_idx ON lead (assignee_id, next_follow_up_at)
    WHERE stage NOT IN ('CONVERTED', 'LOST');
CREATE INDEX lead_follow_up_due_idx ON lead (next_follow_up_at)
    WHERE stage NOT IN ('CONVERTED', 'LOST') AND assignee_id IS NOT NULL;
CREATE INDEX lead_campaign_idx ON lead (campaign_id, created_at);
CREATE INDEX lead_created_idx ON lead (created_at DESC, id);
CREATE INDEX lead_student_idx ON lead (student_id) WHERE student_id IS NOT NULL;

-- What happened with a lead: staff's calls, e-mails, meetings, notes and WhatsApp messages, and
-- each stage move (STAGE_CHANGE, with from and to), an enquiry repeated (ENQUIRY) and the
-- conversion's steps (CONVERSION).
CREATE TABLE lead_activity (
    id          uuid PRIMARY KEY,
    lead_id     uuid         NOT NULL REFERENCES lead (id),
    type        varchar(20)  NOT NULL,
    notes       varchar(2000),
    from_stage  varchar(20),
    to_stage    varchar(20),
    occurred_at timestamptz  NOT NULL,
    recorded_by uuid,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX lead_activity_lead_idx ON lead_activity (lead_id, occurred_at DESC);

-- One row per attempt to convert a lead. At most one attempt of a lead is not FAILED: a retried
-- request finds it, a failed one leaves room for another batch.
CREATE TABLE lead_conversion (
    id             uuid PRIMARY KEY,
    lead_id        uuid          NOT NULL REFERENCES lead (id),
    batch_id       uuid          NOT NULL,
    discount_type  varchar(20),
    discount       numeric(12,2),
    status         varchar(20)   NOT NULL,
    student_id     uuid,
    account_created boolean,
    enrollment_id  uuid,
    fee_plan_id    uuid,
    failure_reason varchar(40),
    failure_detail varchar(500),
    requested_by   uuid,
    requested_at   timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    completed_at   timestamptz
);
CREATE UNIQUE INDEX lead_conversion_live_uq ON lead_conversion (lead_id) WHERE status <> 'FAILED';
CREATE INDEX lead_conversion_enrollment_idx ON lead_conversion (enrollment_id) WHERE enrollment_id IS NOT NULL;

-- ---- Read models fed by other services' events ----

-- Users who may be given leads (identity's UserRegistered, UserUpdated, UserRoleChanged, UserDeactivated).
CREATE TABLE staff_view (
    user_id      uuid PRIMARY KEY,
    name         varchar(200),
    email        varchar(254),
    branch_id    uuid,
    profile_type varchar(20),
    active       boolean     NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Branches a lead may belong to (identity's BranchOpened and BranchUpdated).
CREATE TABLE branch_view (
    branch_id  uuid PRIMARY KEY,
    code       varchar(20),
    name       varchar(200),
    active     boolean     NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Fee plans by enrollment (finance's FeePlanCreated): a conversion is complete when its
-- enrollment's plan exists, whichever of the two events arrives first.
CREATE TABLE fee_plan_view (
    enrollment_id uuid PRIMARY KEY,
    plan_id       uuid        NOT NULL,
    student_id    uuid        NOT NULL,
    created_at    timestamptz NOT NULL
);

-- Batches a lead may be converted into (enrollment's BatchCreated and BatchUpdated).
CREATE TABLE batch_view (
    batch_id   uuid PRIMARY KEY,
    course_id  uuid,
    branch_id  uuid,
    name       varchar(200),
    status     varchar(20),
    updated_at timestamptz NOT NULL
);

-- Payments by student (finance's PaymentReceived and PaymentReversed), for the fees collected
-- from converted students in the campaign report.
CREATE TABLE payment_view (
    payment_id  uuid PRIMARY KEY,
    student_id  uuid          NOT NULL,
    amount      numeric(12,2) NOT NULL,
    received_at timestamptz   NOT NULL,
    reversed_at timestamptz
);
CREATE INDEX payment_view_student_idx ON payment_view (student_id, received_at);

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
