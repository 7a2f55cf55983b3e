-- audit-service's schema. These migrations run as the schema's owner (coachos_audit_owner); the
-- service itself connects as ${runtime_role}, which may only add and read records (grants at the end).

-- One record per event, in one hash chain per kind of record (GENERAL, FINANCE, LOGIN). A record's
-- hash is SHA-256 over the canonical JSON of its other columns (previous_hash included); seq is its
-- place in its kind's chain, from 1. Partitioned by kind, then by month of recorded_at, so that a
-- kind's retention drops whole months (see drop_audit_month below) and never deletes rows.
CREATE TABLE audit_record (
    id              uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('GENERAL', 'FINANCE', 'LOGIN')),
    seq             bigint      NOT NULL CHECK (seq > 0),
    event_id        uuid        NOT NULL,
    type            text        NOT NULL,
    source          text,
    topic           text        NOT NULL,
    occurred_at     timestamptz,
    recorded_at     timestamptz NOT NULL,
    entity_type     text,
    entity_id       text,
    actor_user_id   uuid,
    actor_roles     text[],
    actor_job       text,
    actor_caused_by text,
    client_ip       text,
    user_agent      text,
    trace_id        text,
    branch_id       uuid,
    payload         jsonb       NOT NULL,
    changes         jsonb,
    outcome         text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    previous_hash   text        NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash            text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (kind, seq, recorded_at)
) PARTITION BY LIST (kind);

CREATE TABLE audit_record_general PARTITION OF audit_record FOR VALUES IN ('GENERAL') PARTITION BY RANGE (recorded_at);
CREATE TABLE audit_record_finance PARTITION OF audit_record FOR VALUES IN ('FINANCE') PARTITION BY RANGE (recorded_at);
CREATE TABLE audit_record_login PARTITION OF audit_record FOR VALUES IN ('LOGIN') PARTITION BY RANGE (recorded_at);

-- The search filters, newest first; each index is created on every monthly partition.
CREATE INDEX audit_record_recorded_idx ON audit_record (recorded_at DESC, id DESC);
CREATE INDEX audit_record_entity_idx ON audit_record (entity_type, entity_id, recorded_at DESC);
CREATE INDEX audit_record_actor_idx ON audit_record (actor_user_id, recorded_at DESC);
CREATE INDEX audit_record_branch_idx ON audit_record (branch_id, recorded_at DESC);
CREATE INDEX audit_record_type_idx ON audit_record (type, recorded_at DESC);
CREATE INDEX audit_record_source_idx ON audit_record (source, recorded_at DESC);
CREATE INDEX audit_record_id_idx ON audit_record (id);
CREATE INDEX audit_record_event_idx ON audit_record (event_id);

-- Where each kind's chain ends: the inserting transaction locks its kind's row (FOR UPDATE), so
-- appends to one chain are serialised and every record follows exactly one other.
CREATE TABLE chain_head (
    kind             text PRIMARY KEY CHECK (kind IN ('GENERAL', 'FINANCE', 'LOGIN')),
    last_seq         bigint      NOT NULL,
    last_hash        text        NOT NULL,
    last_recorded_at timestamptz
);
INSERT INTO chain_head (kind, last_seq, last_hash)
VALUES ('GENERAL', 0, repeat('0', 64)), ('FINANCE', 0, repeat('0', 64)), ('LOGIN', 0, repeat('0', 64));

-- One row per dropped month: how many records went and the seq and hash of the last one, from
-- which verification of the records that remain starts.
CREATE TABLE chain_anchor (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text        NOT NULL,
    month            date        NOT NULL,
    partition_name   text        NOT NULL,
    records          bigint      NOT NULL,
    first_seq        bigint,
    last_seq         bigint,
    last_hash        text,
    last_recorded_at timestamptz,
    dropped_at       timestamptz NOT NULL
);
CREATE INDEX chain_anchor_kind_idx ON chain_anchor (kind, last_seq DESC);

-- Events recorded, so each is recorded once however often it is delivered (platform Inbox).
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Append-only, whoever asks: changing or deleting a record or an anchor is refused, also for the
-- owner (who would have to disable the trigger first: an act that leaves the chain to find it).
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER chain_anchor_append_only BEFORE UPDATE OR DELETE ON chain_anchor
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Creates the partition of one kind for the month holding p_day (UTC), if it is missing. Runs as
-- the owner, so the service may call it without any right to create tables itself.
CREATE FUNCTION ensure_audit_month(p_kind text, p_day date) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    v_month date := date_trunc('month', p_day::timestamp)::date;
    v_name  text;
BEGIN
    IF p_kind NOT IN ('GENERAL', 'FINANCE', 'LOGIN') THEN
        RAISE EXCEPTION 'no such kind of audit record: %', p_kind;
    END IF;
    v_name := 'audit_record_' || lower(p_kind) || '_' || to_char(v_month, 'YYYY_MM');
    PERFORM pg_advisory_xact_lock(hashtext('coachos.audit.partitions'));
    IF to_regclass(v_name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', v_name,
                'audit_record_' || lower(p_kind),
                (v_month::timestamp AT TIME ZONE 'UTC'),
                ((v_month + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
    END IF;
    RETURN v_name;
END
$$;

-- Drops one month of one kind, keeping an anchor of its last record. Only the oldest month of the
-- kind may go (the chain loses a prefix, never a piece in the middle), and never the current
-- month (UTC) or a later one. How long each kind is kept is the service's setting.
CREATE FUNCTION drop_audit_month(p_kind text, p_month date) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    v_month  date := date_trunc('month', p_month::timestamp)::date;
    v_parent text;
    v_name   text;
    v_oldest text;
    v_count  bigint;
    v_first  bigint;
    v_last   bigint;
    v_hash   text;
    v_at     timestamptz;
BEGIN
    IF p_kind NOT IN ('GENERAL', 'FINANCE', 'LOGIN') THEN
        RAISE EXCEPTION 'no such kind of audit record: %', p_kind;
    END IF;
    IF v_month >= date_trunc('month', now() AT TIME ZONE 'UTC')::date THEN
        RAISE EXCEPTION 'the current month of audit records cannot be dropped';
    END IF;
    v_parent := 'audit_record_' || lower(p_kind);
    v_name := v_parent || '_' || to_char(v_month, 'YYYY_MM');
    PERFORM pg_advisory_xact_lock(hashtext('coachos.audit.partitions'));
    IF to_regclass(v_name) IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT c.relname INTO v_oldest
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = v_parent::regclass
    ORDER BY c.relname LIMIT 1;
    IF v_oldest <> v_name THEN
        RAISE EXCEPTION 'only the oldest month of % records may be dropped (% is older than %)', p_kind, v_oldest, v_name;
    END IF;
    EXECUTE format('SELECT count(*), min(seq), max(seq) FROM %I', v_name) INTO v_count, v_first, v_last;
    IF v_count > 0 THEN
        EXECUTE format('SELECT hash, recorded_at FROM %I WHERE seq = $1', v_name) INTO v_hash, v_at USING v_last;
    END IF;
    INSERT INTO chain_anchor (kind, month, partition_name, records, first_seq, last_seq, last_hash, last_recorded_at,
                              dropped_at)
    VALUES (p_kind, v_month, v_name, v_count, v_first, v_last, v_hash, v_at, now());
    EXECUTE format('DROP TABLE %I', v_name);
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION ensure_audit_month(text, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION drop_audit_month(text, date) FROM PUBLIC;

-- What the service may do: add and read records, move its chains' heads, read anchors, record
-- processed events, and create or drop whole months through the two functions above.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${runtime_role};
GRANT SELECT, INSERT ON audit_record TO ${runtime_role};
GRANT SELECT, UPDATE ON chain_head TO ${runtime_role};
GRANT SELECT ON chain_anchor TO ${runtime_role};
GRANT SELECT, INSERT ON processed_event TO ${runtime_role};
GRANT EXECUTE ON FUNCTION ensure_audit_month(text, date) TO ${runtime_role};
GRANT EXECUTE ON FUNCTION drop_audit_month(text, date) TO ${runtime_role};
