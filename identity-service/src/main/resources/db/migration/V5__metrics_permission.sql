-- Operators read service metrics (consumer lag, dead letters, ...) through /actuator/metrics.
CREATE OR REPLACE FUNCTION pg_temp.uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1), 'hex')::uuid
$$;

INSERT INTO permission (id, action, subject, description)
VALUES (pg_temp.uuid_v7(), 'read', 'metrics', 'Read service metrics such as consumer lag and dead letters');

INSERT INTO role_permission (role_id, permission_id)
SELECT r.id, p.id FROM role r, permission p
WHERE r.name = 'ADMIN' AND p.action = 'read' AND p.subject = 'metrics';
