-- Idempotency-Key claims and the answers stored for them (dev.coachos.messaging.idempotency).
-- Copy into a service's own Flyway migration: each schema owns its history.
CREATE TABLE idempotent_request (
    caller_id    uuid         NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash varchar(64)  NOT NULL,
    status       integer      NOT NULL,   -- 0 while the first request is still running
    body         text         NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (caller_id, key)
);

-- What the test's writes change: one counter per test.
CREATE TABLE counter (
    name  varchar(100) PRIMARY KEY,
    value integer      NOT NULL
);
