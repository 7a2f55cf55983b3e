-- Who is who, as identity-service's events tell it: enough to address people by role (the
-- directors who review curricula) and by name. Kept by the directory consumer.
CREATE TABLE recipient (
    user_id    uuid PRIMARY KEY,
    name       varchar(200) NOT NULL,
    role       varchar(50)  NOT NULL,
    active     boolean      NOT NULL,
    updated_at timestamptz  NOT NULL
);
CREATE INDEX recipient_role_idx ON recipient (role) WHERE active;
