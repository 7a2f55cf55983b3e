package dev.coachos.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves stored events to Kafka, oldest first, a batch at a time: every due event of the batch is
 * sent without waiting for the one before (Kafka's idempotent producer keeps their order per
 * partition), then those the broker acknowledged are marked published in one statement. One
 * relay at a time works on a schema (a transaction-scoped advisory lock), so events leave in the
 * order they were committed. An event the broker does not take holds back the later events of
 * its aggregate and, once it waits for its next try, every event behind it; it is tried again
 * with growing back-off until it goes through. Only an event the broker can never take (too
 * large, say) is set aside with its error, so that it cannot block the service forever. Delivery
 * is at least once: consumers apply each event id once.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int LOCK_KEY = 0x6f7574; // "out"
    private static final int FETCH_SIZE = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProducerFactory<String, String> producers;
    private final OutboxProperties properties;
    private Producer<String, String> producer;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, ProducerFactory<String, String> producers,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.producers = producers;
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
        Round round;
        do {
            round = transactions.execute(status -> relayBatch());
            total += round == null ? 0 : round.delivered();
        } while (round != null && round.more());
        return total;
    }

    /** What one round did: how many events it delivered, and whether more may be due right away. */
    private record Round(int delivered, boolean more) {
        static final Round NONE = new Round(0, false);
    }

    private Round relayBatch() {
        // One relay per schema: services share a database, so the lock is named after the schema.
        Boolean locked = jdbc.queryForObject(
                "select pg_try_advisory_xact_lock(?, hashtext(current_schema()))", Boolean.class, LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return Round.NONE;
        }
        // Losing the "published" marks of a round in a database crash only means sending those events
        // again (delivery is at least once), so the round's commit need not wait for the disk.
        jdbc.execute("set local synchronous_commit to off");
        // Everything due goes out as it is read, in commit order: the idempotent producer keeps that
        // order per partition with several requests in flight. The oldest event waiting for its next
        // try holds back every event behind it.
        Instant now = Instant.now();
        List<Pending> sending = new ArrayList<>(properties.batchSize());
        List<CompletableFuture<?>> acks = new ArrayList<>(properties.batchSize());
        int[] read = {0};
        boolean[] stopped = {false};
        jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement("""
                    select id, topic, record_key, envelope::text, attempts, next_attempt_at, envelope->>'traceparent'
                    from outbox_event where published_at is null and parked_at is null
                    order by seq limit ?""");
            select.setInt(1, properties.batchSize());
            select.setFetchSize(FETCH_SIZE); // the first events leave while the rest are still being read
            return select;
        }, rs -> {
            read[0]++;
            if (stopped[0]) {
                return;
            }
            Pending event = new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
            if (event.nextAttemptAt().isAfter(now)) {
                stopped[0] = true;
                return;
            }
            CompletableFuture<?> ack = send(event);
            sending.add(event);
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                stopped[0] = true; // refused before it left (no topic metadata in time, say): the rest wait
            }
        });
        int delivered = settle(sending, acks);
        boolean clean = delivered == sending.size();
        return new Round(delivered, clean && !stopped[0] && read[0] == properties.batchSize());
    }

    /**
     * Waits for every acknowledgement, then marks the delivered events published in one statement.
     * After a failure, a later event of the same aggregate is not marked even if the broker took it
     * (it goes again behind the failed one, so a consumer never applies it first for good); events
     * of other aggregates that were taken are marked, so they are not sent twice.
     */
    private int settle(List<Pending> sending, List<CompletableFuture<?>> acks) {
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos() * 2;
        List<UUID> delivered = new ArrayList<>(sending.size());
        Set<String> heldBack = new HashSet<>();
        boolean retryScheduled = false;
        for (int i = 0; i < sending.size(); i++) {
            Pending event = sending.get(i);
            String stream = event.topic() + '\n' + event.key();
            Throwable failure;
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                failure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // stopping: what is not marked goes again
            } catch (Exception e) {
                failure = unwrap(e);
            }
            if (failure == null) {
                if (!heldBack.contains(stream)) {
                    delivered.add(event.id());
                }
            } else if (permanent(failure)) {
                jdbc.update("update outbox_event set attempts = attempts + 1, parked_at = now(), last_error = ? "
                        + "where id = ?", describe(failure), event.id());
                log.error("Kafka can never take event {}; it is set aside in outbox_event: {}", event.id(),
                        describe(failure));
            } else {
                heldBack.add(stream);
                if (!retryScheduled) {
                    // The oldest failure is the oldest pending event now: its wait holds back the rest.
                    Duration wait = backoff(event.attempts() + 1);
                    jdbc.update("update outbox_event set attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                            + "where id = ?", Timestamp.from(Instant.now().plus(wait)), describe(failure), event.id());
                    log.warn("Kafka did not take event {} (try {}), next try in {}: {}", event.id(),
                            event.attempts() + 1, wait, describe(failure));
                    retryScheduled = true;
                }
            }
        }
        if (!delivered.isEmpty()) {
            jdbc.update(connection -> {
                PreparedStatement update = connection.prepareStatement("update outbox_event "
                        + "set published_at = now(), attempts = attempts + 1, last_error = null where id = any(?)");
                update.setArray(1, connection.createArrayOf("uuid", delivered.toArray()));
                return update;
            });
        }
        return delivered.size();
    }

    private CompletableFuture<?> send(Pending event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.envelope());
        record.headers().add("coachos-event-id", event.id().toString().getBytes(StandardCharsets.UTF_8));
        if (event.traceparent() != null) {
            // The trace of the request that made the change continues in every consumer.
            record.headers().add("traceparent", event.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        // The plain producer, not a KafkaTemplate: nothing between the relay and the client per record.
        // It gives up after max.block + delivery timeout (both derived from the send timeout); the
        // wait in settle is a little longer, so a record it still writes is not sent again.
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer().send(record, (written, failure) -> {
                if (failure == null) {
                    ack.complete(written);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException refused) {
            ack.completeExceptionally(refused);
        }
        return ack;
    }

    /** Closes the relay's producer (what it has not sent stays in the outbox for the next start). */
    public void close() {
        if (producers instanceof org.springframework.beans.factory.DisposableBean disposable) {
            try {
                disposable.destroy();
            } catch (Exception e) {
                log.warn("Closing the outbox producer failed: {}", e.toString());
            }
        }
    }

    /** Created on the first send: a service whose relay is off never connects to Kafka. */
    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.createProducer();
        }
        return producer;
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

    private record Pending(UUID id, String topic, String key, String envelope, int attempts,
            Instant nextAttemptAt, String traceparent) {
    }
}
