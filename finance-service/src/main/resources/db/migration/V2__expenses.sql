-- Expenses of the institute: rent, utilities, marketing and the rest, by branch and optionally by
-- the marketing campaign they were spent on. An expense is never deleted: one rejected while it
-- waits for approval, or one entered in error, is REVERSED and the row stays.
CREATE TABLE expense (
    id           uuid PRIMARY KEY,
    title        varchar(200)  NOT NULL,
    amount       numeric(12,2) NOT NULL CHECK (amount > 0),
    -- One of coachos.finance.expense-categories when it was recorded.
    category     varchar(40)   NOT NULL,
    spent_on     date          NOT NULL,
    branch_id    uuid          NOT NULL,
    campaign_id  uuid,
    bill_url     varchar(500)  CHECK (bill_url ~* '^https?://'),
    -- COUNTED counts; PENDING_APPROVAL (above coachos.finance.expense-approval-above) counts once
    -- approved; REVERSED no longer counts.
    status       varchar(16)   NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'COUNTED', 'REVERSED')),
    recorded_by  uuid          NOT NULL,
    recorded_at  timestamptz   NOT NULL,
    approved_by  uuid,
    approved_at  timestamptz,
    reversed_by  uuid,
    reversed_at  timestamptz,
    reason       varchar(300),
    version      bigint        NOT NULL DEFAULT 0,
    CHECK (approved_by IS NULL OR approved_by <> recorded_by),
    CHECK ((status = 'REVERSED') = (reversed_at IS NOT NULL))
);

CREATE INDEX expense_branch_spent_on ON expense (branch_id, spent_on);
CREATE INDEX expense_campaign ON expense (campaign_id) WHERE campaign_id IS NOT NULL;
