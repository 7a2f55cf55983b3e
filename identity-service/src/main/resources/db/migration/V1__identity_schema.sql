-- identity-service owns this schema. Keys are UUIDv7 made by the application; times are UTC.

CREATE TABLE branch (
    id          uuid PRIMARY KEY,
    code        varchar(32)  NOT NULL,
    name        varchar(120) NOT NULL,
    address     varchar(500),
    city        varchar(80),
    state       varchar(80),
    phone       varchar(20),
    email       varchar(254),
    is_active   boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);
CREATE UNIQUE INDEX branch_code_uk ON branch (lower(code));

CREATE TABLE permission (
    id          uuid PRIMARY KEY,
    action      varchar(40)  NOT NULL,
    subject     varchar(60)  NOT NULL,
    description varchar(300),
    CONSTRAINT permission_action_subject_uk UNIQUE (action, subject)
);

CREATE TABLE role (
    id           uuid PRIMARY KEY,
    name         varchar(60)  NOT NULL,
    description  varchar(300),
    is_system    boolean      NOT NULL DEFAULT false,
    -- Which profile a user with this role gets: STUDENT, TEACHER or STAFF.
    profile_type varchar(16)  NOT NULL CHECK (profile_type IN ('STUDENT', 'TEACHER', 'STAFF')),
    -- Seniority: a user may only create or manage users whose role ranks below their own.
    rank         integer      NOT NULL CHECK (rank BETWEEN 0 AND 100),
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL,
    CONSTRAINT role_name_uk UNIQUE (name)
);

CREATE TABLE role_permission (
    role_id       uuid NOT NULL REFERENCES role (id) ON DELETE CASCADE,
    permission_id uuid NOT NULL REFERENCES permission (id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, permission_id)
);

CREATE TABLE app_user (
    id                 uuid PRIMARY KEY,
    email              varchar(254) NOT NULL,
    phone              varchar(20),
    password_hash      varchar(200) NOT NULL,
    name               varchar(120) NOT NULL,
    avatar_url         varchar(500),
    role_id            uuid         NOT NULL REFERENCES role (id),
    branch_id          uuid         REFERENCES branch (id),
    is_active          boolean      NOT NULL DEFAULT true,
    is_verified        boolean      NOT NULL DEFAULT false,
    is_deleted         boolean      NOT NULL DEFAULT false,
    deleted_at         timestamptz,
    last_login_at      timestamptz,
    failed_login_count integer      NOT NULL DEFAULT 0,
    locked_until       timestamptz,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL
);
-- One live account per e-mail address, whatever its letter case; a deleted account frees it.
CREATE UNIQUE INDEX app_user_email_uk ON app_user (lower(email)) WHERE NOT is_deleted;
CREATE INDEX app_user_branch_idx ON app_user (branch_id);
CREATE INDEX app_user_role_idx ON app_user (role_id);

CREATE TABLE student_profile (
    id              uuid PRIMARY KEY,
    user_id         uuid NOT NULL UNIQUE REFERENCES app_user (id) ON DELETE CASCADE,
    enrollment_date date,
    batch_id        uuid,
    discount        numeric(12, 2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL
);

CREATE TABLE teacher_profile (
    id            uuid PRIMARY KEY,
    user_id       uuid NOT NULL UNIQUE REFERENCES app_user (id) ON DELETE CASCADE,
    domain        varchar(120),
    bio           varchar(2000),
    qualification varchar(500),
    bank_details  jsonb,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint      NOT NULL
);

CREATE TABLE staff_profile (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL UNIQUE REFERENCES app_user (id) ON DELETE CASCADE,
    department   varchar(80),
    designation  varchar(120),
    bank_details jsonb,
    reporting_to uuid REFERENCES app_user (id),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL
);

-- Opaque refresh tokens, stored as SHA-256 hashes. A family is one login session: each
-- refresh rotates the token inside its family; reusing a rotated token revokes the family.
CREATE TABLE refresh_token (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  varchar(64) NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_user_idx ON refresh_token (user_id);

CREATE TABLE password_reset_token (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_hash  varchar(64) NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_reset_token_user_idx ON password_reset_token (user_id);

CREATE TABLE setting (
    id          uuid PRIMARY KEY,
    key         varchar(120) NOT NULL UNIQUE,
    value       jsonb        NOT NULL,
    category    varchar(40)  NOT NULL,
    description varchar(300),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);
CREATE INDEX setting_category_idx ON setting (category);
