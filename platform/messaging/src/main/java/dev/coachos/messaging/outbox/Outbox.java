package dev.coachos.messaging.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a domain event the only safe way: by storing it in the producer's own schema in the
 * transaction that makes the change. If the transaction rolls back, the event was never
 * published; if it commits, {@link OutboxRelay} delivers it to Kafka, however long that takes.
 *
 * <p>Each envelope names its actor ({@link CurrentActor}): the caller of the request, the event
 * being applied or the job that made the change. Each service owns an {@code outbox_event} table
 * (see the README for its DDL).
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Supplier<String> traceparent;
    private final RelaySignal committed;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Supplier<String> traceparent,
            RelaySignal committed) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.traceparent = traceparent;
        this.committed = committed;
    }

    /** Stores the event for delivery on {@code topic}, keyed by its aggregate id. Returns the event id. */
    public UUID publish(String topic, String type, int schemaVersion, DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Publish " + type + " inside the transaction that makes the change");
        }
        Instant now = Instant.now();
        UUID id = UUID.randomUUID();
        EventEnvelope<DomainEvent> envelope = new EventEnvelope<>(id, type, schemaVersion, now, source,
                traceparent.get(), CurrentActor.now(), event);
        jdbc.update("""
                insert into outbox_event (id, topic, record_key, type, envelope, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)""",
                id, topic, event.aggregateId(), type, json.writeValueAsString(envelope), Timestamp.from(now),
                Timestamp.from(now));
        wakeRelayOnCommit();
        return id;
    }

    /** Once per transaction, however many events it stores: the relay looks as soon as it commits. */
    private void wakeRelayOnCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(committed)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(committed, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(committed);
                if (status == STATUS_COMMITTED) {
                    committed.raise();
                }
            }
        });
    }
}
