-- The catalogue and official curricula are run by directors and admins (course-service).
INSERT INTO role_permission (role_id, permission_id)
SELECT r.id, p.id
FROM (VALUES
    ('ADMIN', 'manage:courses'),
    ('ADMIN', 'manage:curricula')
) AS g(role_name, permission)
JOIN role r ON r.name = g.role_name
JOIN permission p ON p.action || ':' || p.subject = g.permission
ON CONFLICT DO NOTHING;
