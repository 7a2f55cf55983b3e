-- What finance-service needs to know of a branch and a student for receipts and GST invoices.
--
-- state_code: the two-digit GST state code (01-38, 97 other territory, 99 centre jurisdiction).
-- gstin: the branch's GST registration, if it has one. Not unique: the branches of one state
-- usually share their state's registration. When set, it was issued in the branch's state.
-- receipt_series: the letters and digits (at most 4, upper case) its receipt numbers start with,
-- unique across branches whatever the case.
ALTER TABLE branch
    ADD COLUMN state_code     char(2),
    ADD COLUMN gstin          varchar(15),
    ADD COLUMN receipt_series varchar(4);

ALTER TABLE branch
    ADD CONSTRAINT branch_state_code_ck
        CHECK (state_code ~ '^(0[1-9]|[12][0-9]|3[0-8]|97|99)$'),
    ADD CONSTRAINT branch_gstin_ck
        CHECK (gstin ~ '^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$'),
    ADD CONSTRAINT branch_gstin_in_its_state_ck
        CHECK (gstin IS NULL OR (state_code IS NOT NULL AND left(gstin, 2) = state_code)),
    ADD CONSTRAINT branch_receipt_series_ck
        CHECK (receipt_series ~ '^[A-Z0-9]{1,4}$');

-- Existing branches get the series a new branch would get (BranchAdministration derives it the
-- same way): the first four letters and digits of the code upper-cased, or its first three when a
-- dash follows them (DEL-01 gives DEL); a series taken already ends in a number instead
-- (DEL1, DEL2, ..., DE10, ...). Oldest branch first, so the first keeps the plain series.
DO $$
DECLARE
    b         record;
    base      text;
    candidate text;
    n         integer;
BEGIN
    FOR b IN SELECT id, code FROM branch ORDER BY created_at, id LOOP
        IF b.code ~ '^[A-Za-z0-9]{3}-' THEN
            base := upper(left(b.code, 3));
        ELSE
            base := left(upper(regexp_replace(b.code, '[^A-Za-z0-9]', '', 'g')), 4);
        END IF;
        IF base = '' THEN
            base := 'BR';
        END IF;
        candidate := base;
        n := 0;
        WHILE EXISTS (SELECT 1 FROM branch WHERE upper(receipt_series) = candidate) LOOP
            n := n + 1;
            candidate := left(base, 4 - length(n::text)) || n::text;
        END LOOP;
        UPDATE branch SET receipt_series = candidate WHERE id = b.id;
    END LOOP;
END
$$;

ALTER TABLE branch ALTER COLUMN receipt_series SET NOT NULL;
CREATE UNIQUE INDEX branch_receipt_series_uk ON branch (upper(receipt_series));

-- The state a student lives in, when known: it decides CGST + SGST or IGST on their invoices.
ALTER TABLE student_profile
    ADD COLUMN state_code char(2)
        CONSTRAINT student_profile_state_code_ck CHECK (state_code ~ '^(0[1-9]|[12][0-9]|3[0-8]|97|99)$');

-- finance-service learns branches from BranchOpened and BranchUpdated. Branches opened before
-- those events existed are announced once here, as BranchUpdated with their state now, through
-- the outbox like any other event (the envelope Outbox writes; via "system": no request made it).
INSERT INTO outbox_event (id, topic, record_key, type, envelope, created_at, next_attempt_at)
SELECT b.event_id, 'coachos.identity.events', b.id::text, 'BranchUpdated',
       jsonb_build_object(
           'eventId', b.event_id,
           'type', 'BranchUpdated',
           'schemaVersion', 1,
           'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'source', 'identity-service',
           'traceparent', NULL,
           'actor', jsonb_build_object('userId', NULL, 'roles', '[]'::jsonb, 'clientIp', NULL,
                                       'userAgent', NULL, 'via', 'system'),
           'payload', jsonb_build_object(
               'branchId', b.id::text,
               'code', b.code,
               'name', b.name,
               'city', b.city,
               'state', b.state,
               'stateCode', b.state_code,
               'gstin', b.gstin,
               'receiptSeries', b.receipt_series,
               'active', b.is_active)),
       now(), now()
FROM (SELECT branch.*, gen_random_uuid() AS event_id FROM branch) b
ORDER BY b.created_at, b.id;
