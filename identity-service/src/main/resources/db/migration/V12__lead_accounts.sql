-- The account each converted lead got (marketing-service's LeadConversionRequested): made for it
-- (created) or an existing student's, linked. One row per lead, so a redelivered request or a
-- later attempt for the same lead answers with the same account and never makes a second one.
-- Refusals are not kept: after staff mend the details, another attempt may succeed.
CREATE TABLE lead_account (
    lead_id    uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    created    boolean     NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE INDEX lead_account_user_idx ON lead_account (user_id);
