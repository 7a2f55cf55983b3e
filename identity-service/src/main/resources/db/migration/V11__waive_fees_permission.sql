-- finance-service checks waive:fees before it waives what is still unpaid of an installment
-- (POST /api/v1/installments/{id}/waiver); it is listed in the catalogue so that roles can be
-- shown and granted it. By the permission rule manage:fees includes it, so DIRECTOR (manage:all),
-- GENERAL_MANAGER, HR_MANAGER (since V8) and BACKOFFICE (manage:fees) may waive, and no seeded role
-- is granted it here: PAYROLL_MANAGER and BUSINESS_ANALYST only read fees.
CREATE OR REPLACE FUNCTION pg_temp.uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1), 'hex')::uuid
$$;

INSERT INTO permission (id, action, subject, description)
VALUES (pg_temp.uuid_v7(), 'waive', 'fees', 'Waive what is unpaid of an installment')
ON CONFLICT (action, subject) DO NOTHING;
