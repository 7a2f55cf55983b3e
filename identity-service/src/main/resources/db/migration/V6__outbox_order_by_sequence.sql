-- The relay sends in insert-sequence order, not by application clock (platform/events outbox-table.sql).
ALTER TABLE outbox_event ADD COLUMN seq bigserial NOT NULL UNIQUE;
DROP INDEX outbox_event_pending_idx;
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;
