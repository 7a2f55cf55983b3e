-- A converted lead's enrollment, one per lead ever: a LeadAccountReady delivered again, or sent
-- again for a new conversion of the same lead, answers with this enrollment and makes no other.
-- Refusals are not kept (staff may try the lead again with another batch).
CREATE TABLE lead_enrollment (
    lead_id       uuid PRIMARY KEY,
    enrollment_id uuid        NOT NULL REFERENCES enrollment (id),
    -- The conversion that enrolled the student (later ones are answered with the same enrollment).
    conversion_id uuid        NOT NULL,
    created_at    timestamptz NOT NULL
);

-- An enrollment the institute made itself (a converted lead) has no user behind it.
ALTER TABLE enrollment ALTER COLUMN created_by DROP NOT NULL;
