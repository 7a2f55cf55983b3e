-- finance-service's expenses that name a campaign (ExpenseRecorded, ExpenseApproved,
-- ExpenseReversed): a campaign's spend is what is entered here plus its counted expenses. One
-- naming a campaign not known here is kept anyway (it may be known later).
CREATE TABLE campaign_expense (
    expense_id  uuid PRIMARY KEY,
    campaign_id uuid          NOT NULL,
    amount      numeric(12,2) NOT NULL CHECK (amount > 0),
    spent_on    date          NOT NULL,
    -- COUNTED when recorded or once approved; an expense waiting for approval is not counted.
    counted     boolean       NOT NULL,
    reversed    boolean       NOT NULL DEFAULT false
);
CREATE INDEX campaign_expense_campaign_idx ON campaign_expense (campaign_id, spent_on);
