-- A role can only be given by someone who holds every permission in it. So that general
-- managers and admins can create teacher and student accounts, they hold what those roles hold.
INSERT INTO role_permission (role_id, permission_id)
SELECT r.id, p.id
FROM (VALUES
    ('GENERAL_MANAGER', 'manage:quizzes'),
    ('ADMIN', 'create:leaves'),
    ('ADMIN', 'manage:attendance'),
    ('ADMIN', 'manage:quizzes'),
    ('ADMIN', 'create:curricula')
) AS g(role_name, permission)
JOIN role r ON r.name = g.role_name
JOIN permission p ON p.action || ':' || p.subject = g.permission
ON CONFLICT DO NOTHING;
