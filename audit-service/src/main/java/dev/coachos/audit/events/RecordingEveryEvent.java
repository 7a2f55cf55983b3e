package dev.coachos.audit.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.audit.trail.AuditSettings;
import dev.coachos.audit.trail.AuditTrail;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.messaging.inbox.Inbox;

/**
 * Records every event of every service: subscribed by pattern ({@code coachos.audit.topic-pattern},
 * every {@code coachos.<domain>.events} topic, never their {@code .dlt} topics), so a topic created
 * later is found without a change here. Each event is recorded once, however often it arrives: its
 * id goes into the inbox in the same transaction as the record.
 * <p>
 * A poll's records are appended together, in one transaction: the chains' heads are locked once
 * and the records inserted as one batch. A record that is not an event goes to the dead-letter
 * topic after the records before it are recorded; when a batch fails for another reason, its
 * records are appended one at a time, so that the one at fault is found (and retried, then
 * dead-lettered, on its own) while the others are recorded.
 */
@Component
class RecordingEveryEvent {

    static final String CONSUMER = "audit.trail";

    private static final Logger log = LoggerFactory.getLogger(RecordingEveryEvent.class);

    private final Inbox inbox;
    private final AuditTrail trail;
    private final AuditSettings settings;
    private final TransactionTemplate transaction;

    RecordingEveryEvent(Inbox inbox, AuditTrail trail, AuditSettings settings, PlatformTransactionManager transactions) {
        this.inbox = inbox;
        this.trail = trail;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    @KafkaListener(id = "audit-trail", topicPattern = "${coachos.audit.topic-pattern}",
            groupId = "${coachos.audit.consumer-group}", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<NewRecord> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                String key = record.key() == null ? null : record.key().replace('\0', '\uFFFD');
                events.add(ObservedEvent.read(record.topic(), key, record.value(), settings.kinds()));
            } catch (RuntimeException unreadable) {
                // Those before it are recorded; it goes to the dead-letter topic (at once when it is
                // no event at all, see IncomingEvent.MalformedEvent); those after it come again.
                record(events);
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
            }
        }
        record(events);
    }

    /** Appends the events in one transaction or, when that fails for a reason of its own, one by one. */
    private void record(List<NewRecord> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> appendOnce(events));
        } catch (TransientDataAccessException | CannotCreateTransactionException databaseTrouble) {
            // Nothing was recorded: the first record waits (patiently, see the platform's error handler).
            throw new BatchListenerFailedException("the database is not available", databaseTrouble, 0);
        } catch (RuntimeException batchFailed) {
            log.warn("A batch of {} events could not be recorded together ({}); recording them one at a time",
                    events.size(), batchFailed.getMessage());
            for (int i = 0; i < events.size(); i++) {
                List<NewRecord> one = List.of(events.get(i));
                try {
                    transaction.executeWithoutResult(status -> appendOnce(one));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException(failed.getMessage(), failed, i);
                }
            }
        }
    }

    private void appendOnce(List<NewRecord> events) {
        Set<UUID> fresh = new HashSet<>(inbox.firstSeen(CONSUMER,
                events.stream().map(NewRecord::eventId).toList()));
        // An event delivered twice in one poll is recorded at its first delivery.
        List<NewRecord> firstTime = events.stream().filter(event -> fresh.remove(event.eventId())).toList();
        trail.appendAll(firstTime);
        log.debug("{} events recorded, {} recorded before and skipped", firstTime.size(),
                events.size() - firstTime.size());
    }
}
