-- The shipped templates of SALARY_PAID: a teacher or staff member hears that their salary for a
-- month was paid (or, for a corrected slip, that an adjustment was paid). {{payment}} is "salary" or
-- "salary adjustment", {{month}} such as "November 2026", {{amount}} such as "42,350.00", {{method}}
-- "bank transfer", "UPI", "cheque" or "cash", {{reference}} the bank's or cheque's reference ("none"
-- for cash). As with V10: register the SMS text on DLT exactly as it stands and put its DLT id in
-- place of the placeholder; get a UTILITY WhatsApp template named salary_paid approved with the
-- parameters in the order of its variables. Not mandatory: a person may opt out per channel.
INSERT INTO message_template (id, purpose, channel, subject, body, provider_template_id, language, variables,
                              active, updated_at)
VALUES
    (gen_random_uuid(), 'SALARY_PAID', 'EMAIL', 'Your {{payment}} for {{month}} was paid',
     E'Dear {{name}},\n\nYour {{payment}} for {{month}} was paid: Rs. {{amount}} by {{method}}, reference {{reference}}. Your salary slip is in the app.\n\nThank you.',
     NULL, NULL, 'name,payment,month,amount,method,reference', true, now()),
    (gen_random_uuid(), 'SALARY_PAID', 'SMS', NULL,
     'Dear {{name}}, your {{payment}} for {{month}} of Rs. {{amount}} was paid by {{method}}, ref {{reference}}.',
     'REPLACE_WITH_DLT_ID_SALARY_PAID', NULL, 'name,payment,month,amount,method,reference', true, now()),
    (gen_random_uuid(), 'SALARY_PAID', 'WHATSAPP', NULL,
     'Dear {{name}}, your {{payment}} for {{month}} of Rs. {{amount}} was paid by {{method}}, reference {{reference}}.',
     'salary_paid', 'en', 'name,payment,month,amount,method,reference', true, now())
ON CONFLICT (purpose, channel) DO NOTHING;
