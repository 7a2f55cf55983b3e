-- communication-service keeps message templates, opt-outs and a delivery log of every SMS,
-- WhatsApp message and e-mail it sends. manage:messages lets a role change templates and opt-outs
-- and read the log; read:messages only reads the log. By the permission rule manage:messages
-- includes read:messages, and DIRECTOR holds both through manage:all. ADMIN runs the templates;
-- BACKOFFICE answers "did the parent get the receipt?" at the counter, so it reads the log.
-- A role is given only by someone who holds every permission in it (see V8), and GENERAL_MANAGER
-- and HR_MANAGER appoint back-office staff, so they read the log too.
CREATE OR REPLACE FUNCTION pg_temp.uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1), 'hex')::uuid
$$;

INSERT INTO permission (id, action, subject, description)
VALUES (pg_temp.uuid_v7(), 'manage', 'messages', 'Manage message templates, opt-outs and the delivery log'),
       (pg_temp.uuid_v7(), 'read', 'messages', 'Read the delivery log')
ON CONFLICT (action, subject) DO NOTHING;

INSERT INTO role_permission (role_id, permission_id)
SELECT r.id, p.id
FROM (VALUES
    ('ADMIN', 'manage:messages'),
    ('BACKOFFICE', 'read:messages'),
    ('GENERAL_MANAGER', 'read:messages'),
    ('HR_MANAGER', 'read:messages')
) AS g(role_name, permission)
JOIN role r ON r.name = g.role_name
JOIN permission p ON p.action || ':' || p.subject = g.permission
ON CONFLICT DO NOTHING;
