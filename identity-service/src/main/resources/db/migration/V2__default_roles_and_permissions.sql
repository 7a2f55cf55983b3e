-- The seed's ten default roles and the permissions they start with. Roles are data: admins
-- change them through the API afterwards. The matrix is written out in the README.

CREATE FUNCTION pg_temp.uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(
        set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
                    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                    FROM 1 FOR 6),
            52, 1), 53, 1), 'hex')::uuid
$$;

INSERT INTO permission (id, action, subject, description)
SELECT pg_temp.uuid_v7(), p.action, p.subject, p.description
FROM (VALUES
    ('manage', 'all',            'Everything, everywhere'),
    ('access', 'all_branches',   'See and manage every branch, not only one''s own'),
    ('manage', 'users',          'Create, read, update and deactivate users'),
    ('read',   'users',          'Read users'),
    ('create', 'users',          'Create users'),
    ('update', 'users',          'Update users and change their roles'),
    ('delete', 'users',          'Deactivate users'),
    ('manage', 'roles',          'Create roles, grant and revoke permissions'),
    ('read',   'roles',          'Read roles and permissions'),
    ('manage', 'branches',       'Create and update branches'),
    ('read',   'branches',       'Read branches'),
    ('manage', 'settings',       'Change settings'),
    ('read',   'settings',       'Read settings'),
    ('manage', 'profiles',       'Read and update student, teacher and staff profiles'),
    ('read',   'profiles',       'Read profiles'),
    ('update', 'profiles',       'Update profiles'),
    ('read',   'bank_details',   'See bank details on teacher and staff profiles'),
    ('manage', 'courses',        'Create and update courses and roadmaps'),
    ('read',   'courses',        'Read courses'),
    ('manage', 'curricula',      'Create, submit and approve curricula'),
    ('create', 'curricula',      'Draft curricula'),
    ('manage', 'batches',        'Create and update batches'),
    ('read',   'batches',        'Read batches'),
    ('manage', 'enrollments',    'Enroll students and change enrollments'),
    ('read',   'enrollments',    'Read enrollments'),
    ('manage', 'attendance',     'Mark and correct attendance'),
    ('read',   'attendance',     'Read attendance'),
    ('manage', 'quizzes',        'Create quizzes and grade attempts'),
    ('read',   'quizzes',        'Read quizzes and results'),
    ('manage', 'fees',           'Record fees, installments and receipts'),
    ('read',   'fees',           'Read fees and receipts'),
    ('manage', 'payroll',        'Configure salaries and pay them'),
    ('read',   'payroll',        'Read salaries and salary receipts'),
    ('manage', 'expenses',       'Record expenses'),
    ('read',   'expenses',       'Read expenses'),
    ('read',   'reports',        'Read financial and operational reports'),
    ('manage', 'leads',          'Work the lead pipeline'),
    ('read',   'leads',          'Read leads'),
    ('manage', 'campaigns',      'Run campaigns'),
    ('read',   'campaigns',      'Read campaigns'),
    ('manage', 'announcements',  'Publish announcements'),
    ('read',   'announcements',  'Read announcements'),
    ('manage', 'queries',        'Answer and close support queries'),
    ('create', 'queries',        'Raise support queries'),
    ('manage', 'leaves',         'Approve and reject leaves'),
    ('create', 'leaves',         'Apply for leave'),
    ('read',   'audit',          'Read the audit log')
) AS p(action, subject, description);

INSERT INTO role (id, name, description, is_system, profile_type, rank, created_at, updated_at, version)
SELECT pg_temp.uuid_v7(), r.name, r.description, true, r.profile_type, r.rank, now(), now(), 0
FROM (VALUES
    ('DIRECTOR',          'Strategic oversight, all permissions',    'STAFF',   100),
    ('GENERAL_MANAGER',   'Operational management of every branch',  'STAFF',   90),
    ('ADMIN',             'System administration',                   'STAFF',   80),
    ('HR_MANAGER',        'Staff management and leaves',             'STAFF',   60),
    ('PAYROLL_MANAGER',   'Salaries and payments',                   'STAFF',   60),
    ('BUSINESS_ANALYST',  'Reports and analytics, read only',        'STAFF',   50),
    ('DIGITAL_MARKETING', 'Leads and campaigns',                     'STAFF',   50),
    ('BACKOFFICE',        'Daily operations of a branch',            'STAFF',   50),
    ('TEACHER',           'Course delivery and attendance',          'TEACHER', 40),
    ('STUDENT',           'Learning access only',                    'STUDENT', 10)
) AS r(name, description, profile_type, rank);

INSERT INTO role_permission (role_id, permission_id)
SELECT r.id, p.id
FROM (VALUES
    ('DIRECTOR', 'manage:all'),

    ('GENERAL_MANAGER', 'access:all_branches'), ('GENERAL_MANAGER', 'manage:users'),
    ('GENERAL_MANAGER', 'read:roles'), ('GENERAL_MANAGER', 'manage:branches'),
    ('GENERAL_MANAGER', 'read:settings'), ('GENERAL_MANAGER', 'manage:profiles'),
    ('GENERAL_MANAGER', 'manage:courses'), ('GENERAL_MANAGER', 'manage:curricula'),
    ('GENERAL_MANAGER', 'manage:batches'), ('GENERAL_MANAGER', 'manage:enrollments'),
    ('GENERAL_MANAGER', 'manage:attendance'), ('GENERAL_MANAGER', 'read:quizzes'),
    ('GENERAL_MANAGER', 'manage:fees'), ('GENERAL_MANAGER', 'read:payroll'),
    ('GENERAL_MANAGER', 'read:expenses'), ('GENERAL_MANAGER', 'read:reports'),
    ('GENERAL_MANAGER', 'manage:leads'), ('GENERAL_MANAGER', 'manage:campaigns'),
    ('GENERAL_MANAGER', 'manage:announcements'), ('GENERAL_MANAGER', 'manage:queries'),
    ('GENERAL_MANAGER', 'manage:leaves'), ('GENERAL_MANAGER', 'read:audit'),

    ('ADMIN', 'access:all_branches'), ('ADMIN', 'manage:users'), ('ADMIN', 'manage:roles'),
    ('ADMIN', 'manage:branches'), ('ADMIN', 'manage:settings'), ('ADMIN', 'manage:profiles'),
    ('ADMIN', 'read:courses'), ('ADMIN', 'read:batches'), ('ADMIN', 'read:enrollments'),
    ('ADMIN', 'manage:announcements'), ('ADMIN', 'manage:queries'), ('ADMIN', 'read:audit'),

    ('HR_MANAGER', 'read:users'), ('HR_MANAGER', 'create:users'), ('HR_MANAGER', 'update:users'),
    ('HR_MANAGER', 'read:roles'), ('HR_MANAGER', 'read:branches'), ('HR_MANAGER', 'manage:profiles'),
    ('HR_MANAGER', 'read:bank_details'), ('HR_MANAGER', 'manage:leaves'), ('HR_MANAGER', 'read:payroll'),
    ('HR_MANAGER', 'read:announcements'),

    ('PAYROLL_MANAGER', 'read:users'), ('PAYROLL_MANAGER', 'read:branches'), ('PAYROLL_MANAGER', 'read:profiles'),
    ('PAYROLL_MANAGER', 'read:bank_details'), ('PAYROLL_MANAGER', 'manage:payroll'),
    ('PAYROLL_MANAGER', 'manage:expenses'), ('PAYROLL_MANAGER', 'read:fees'), ('PAYROLL_MANAGER', 'read:reports'),
    ('PAYROLL_MANAGER', 'read:announcements'), ('PAYROLL_MANAGER', 'create:leaves'),

    ('BUSINESS_ANALYST', 'read:users'), ('BUSINESS_ANALYST', 'read:branches'), ('BUSINESS_ANALYST', 'read:reports'),
    ('BUSINESS_ANALYST', 'read:courses'), ('BUSINESS_ANALYST', 'read:batches'),
    ('BUSINESS_ANALYST', 'read:enrollments'), ('BUSINESS_ANALYST', 'read:attendance'),
    ('BUSINESS_ANALYST', 'read:fees'), ('BUSINESS_ANALYST', 'read:expenses'), ('BUSINESS_ANALYST', 'read:leads'),
    ('BUSINESS_ANALYST', 'read:campaigns'), ('BUSINESS_ANALYST', 'read:announcements'),
    ('BUSINESS_ANALYST', 'create:leaves'),

    ('DIGITAL_MARKETING', 'read:branches'), ('DIGITAL_MARKETING', 'manage:leads'),
    ('DIGITAL_MARKETING', 'manage:campaigns'), ('DIGITAL_MARKETING', 'read:courses'),
    ('DIGITAL_MARKETING', 'read:batches'), ('DIGITAL_MARKETING', 'read:announcements'),
    ('DIGITAL_MARKETING', 'create:leaves'),

    ('BACKOFFICE', 'read:users'), ('BACKOFFICE', 'create:users'), ('BACKOFFICE', 'update:users'),
    ('BACKOFFICE', 'read:roles'), ('BACKOFFICE', 'read:branches'), ('BACKOFFICE', 'read:profiles'),
    ('BACKOFFICE', 'update:profiles'), ('BACKOFFICE', 'read:courses'), ('BACKOFFICE', 'manage:batches'),
    ('BACKOFFICE', 'manage:enrollments'), ('BACKOFFICE', 'read:attendance'), ('BACKOFFICE', 'manage:fees'),
    ('BACKOFFICE', 'manage:leads'), ('BACKOFFICE', 'manage:queries'), ('BACKOFFICE', 'read:announcements'),
    ('BACKOFFICE', 'create:leaves'),

    ('TEACHER', 'read:users'), ('TEACHER', 'read:branches'), ('TEACHER', 'read:courses'),
    ('TEACHER', 'create:curricula'), ('TEACHER', 'read:batches'), ('TEACHER', 'read:enrollments'),
    ('TEACHER', 'manage:attendance'), ('TEACHER', 'manage:quizzes'), ('TEACHER', 'read:announcements'),
    ('TEACHER', 'create:queries'), ('TEACHER', 'create:leaves'),

    ('STUDENT', 'read:courses'), ('STUDENT', 'read:announcements'), ('STUDENT', 'create:queries'),
    ('STUDENT', 'create:leaves')
) AS g(role_name, permission)
JOIN role r ON r.name = g.role_name
JOIN permission p ON p.action || ':' || p.subject = g.permission;
