package dev.coachos.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves stored events to Kafka, oldest first. One relay at a time works on a schema (a
 * transaction-scoped advisory lock), so events leave in the order they were committed. An event
 * the broker does not take blocks the ones behind it and is tried again with growing back-off
 * until it goes through; only an event the broker can never take (too large, say) is set aside
 * with its error, so that it cannot block the service forever. Delivery is at least once:
 * consumers apply each event id once.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_KEY = 0x6f7574; // "out"

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Whether this service has an outbox table (a service that only consumes has none). */
    public boolean hasOutbox() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass('outbox_event') is not null", Boolean.class));
    }

    /** Events stored and not yet delivered (or NaN when the service has no outbox). */
    public double pending() {
        return count("published_at is null and parked_at is null");
    }

    /** Events set aside because the broker can never take them. */
    public double parked() {
        return count("parked_at is not null");
    }

    private double count(String condition) {
        try {
            Long count = jdbc.queryForObject("select count(*) from outbox_event where " + condition, Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Relays until nothing is due; returns how many events went out. */
    public int relayDue() {
        int total = 0;
        int sent;
        do {
            Integer batch = transactions.execute(status -> relayBatch());
            sent = batch == null ? 0 : batch;
            total += sent;
        } while (sent == properties.batchSize());
        return total;
    }

    private int relayBatch() {
        // One relay per schema: services share a database, so the lock is named after the schema.
        Boolean locked = jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(?, hashtext(current_schema()))", Boolean.class, LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<Pending> pending = jdbc.query("""
                select id, topic, record_key, envelope::text, attempts, next_attempt_at, envelope->>'traceparent'
                from outbox_event where published_at is null and parked_at is null
                order by seq limit ?""",
                (rs, i) -> new Pending(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7)),
                properties.batchSize());
        int sent = 0;
        Instant now = Instant.now();
        for (Pending event : pending) {
            if (event.nextAttemptAt().isAfter(now)) {
                break; // the oldest event waits for its next try; the ones behind it wait too
            }
            try {
                send(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                Throwable cause = unwrap(e);
                if (!permanent(cause)) {
                    Duration wait = backoff(event.attempts() + 1);
                    jdbc.update("update outbox_event set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                            + "where id = ?", Timestamp.from(Instant.now().plus(wait)), describe(cause), event.id());
                    log.warn("Kafka did not take event {} (try {}), next try in {}: {}", event.id(),
                            event.attempts() + 1, wait, describe(cause));
                } else {
                    jdbc.update("update outbox_event set attempts = attempts + 1, parked_at = now(), last_error = ? "
                            + "where id = ?", describe(cause), event.id());
                    log.error("Kafka can never take event {}; it is set aside in outbox_event: {}", event.id(),
                            describe(cause));
                }
                break;
            }
            jdbc.update("update outbox_event set published_at = now(), attempts = attempts + 1, last_error = null "
                    + "where id = ?", event.id());
            sent++;
        }
        return sent;
    }

    private void send(Pending event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        record.headers().add("coachos-event-id", event.id().toString().getBytes(StandardCharsets.UTF_8));
        if (event.traceparent() != null) {
            // The trace of the request that made the change continues in every consumer.
            record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        // The producer gives up after max.block + delivery timeout (both derived from the send
        // timeout); waiting a little longer means a record it still writes is not sent again.
        kafka.send(record).get(properties.sendTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof org.springframework.kafka.KafkaException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Failures that no number of tries can mend; anything else (an absent broker above all) is tried again. */
    private static boolean permanent(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof InvalidTopicException
                || cause instanceof SerializationException;
    }

    private Duration backoff(int attempt) {
        long millis = 500L << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(millis, properties.maxBackoff().toMillis()));
    }

    private static String describe(Throwable cause) {
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private record Pending(java.util.UUID id, String topic, String key, String envelope, int attempts,
            Instant nextAttemptAt, String traceparent) {
    }
}
