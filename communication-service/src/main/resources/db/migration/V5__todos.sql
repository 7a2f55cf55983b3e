-- Todos: personal ones and ones given to someone else, each possibly about another record
-- (a lead, a query, a student) named by its type and id. Read by their creator and their assignee.
CREATE TABLE todo (
    id           uuid PRIMARY KEY,
    created_by   uuid          NOT NULL,
    assignee_id  uuid          NOT NULL,
    description  varchar(2000) NOT NULL,
    due_date     date,
    priority     varchar(8)    NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    status       varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    related_type varchar(40),
    related_id   uuid,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    closed_at    timestamptz,
    version      bigint        NOT NULL,
    CONSTRAINT todo_related_whole CHECK ((related_type IS NULL) = (related_id IS NULL))
);
-- The two ways a todo is someone's: given to them (their list, due first) and made by them.
CREATE INDEX todo_assignee_idx ON todo (assignee_id, status, due_date);
CREATE INDEX todo_creator_idx ON todo (created_by, created_at DESC);
CREATE INDEX todo_related_idx ON todo (related_type, related_id) WHERE related_id IS NOT NULL;
