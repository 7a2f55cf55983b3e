-- HR managers hire a branch's teachers and back-office staff. A role is given only by someone
-- who holds every permission in it (so nobody gains a permission by creating an account they
-- control), and HR held almost none of what teachers and back-office staff hold: it could give
-- no seeded role at all. Whoever may hire a role can act with its permissions through the
-- account they create, so HR now holds them openly, where the role matrix shows it, instead of
-- being allowed to hand out what it does not hold. With these HR also holds everything a
-- student holds. Only what TEACHER and BACKOFFICE need is added: marketing, analysts, payroll
-- and managers are still appointed by a general manager or the director.
INSERT INTO role_permission (role_id, permission_id)
SELECT r.id, p.id
FROM (VALUES
    ('HR_MANAGER', 'read:courses'),
    ('HR_MANAGER', 'create:curricula'),
    ('HR_MANAGER', 'manage:batches'),
    ('HR_MANAGER', 'manage:enrollments'),
    ('HR_MANAGER', 'manage:attendance'),
    ('HR_MANAGER', 'manage:quizzes'),
    ('HR_MANAGER', 'manage:fees'),
    ('HR_MANAGER', 'manage:leads'),
    ('HR_MANAGER', 'manage:queries')
) AS g(role_name, permission)
JOIN role r ON r.name = g.role_name
JOIN permission p ON p.action || ':' || p.subject = g.permission
ON CONFLICT DO NOTHING;
