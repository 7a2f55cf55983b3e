package dev.coachos.audit.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.audit.trail.AuditSettings;
import dev.coachos.audit.trail.AuditTrail;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.messaging.inbox.Inbox;

/**
 * Records every event of every service: subscribed by pattern ({@code coachos.audit.topic-pattern},
 * every {@code coachos.<domain>.events} topic, never their {@code .dlt} topics), so a topic created
 * later is found without a change here. Each event is recorded once, however often it arrives: its
 * id goes into the inbox in the same transaction as the record.
 */
@Component
class RecordingEveryEvent {

    static final String CONSUMER = "audit.trail";

    private static final Logger log = LoggerFactory.getLogger(RecordingEveryEvent.class);

    private final Inbox inbox;
    private final AuditTrail trail;
    private final AuditSettings settings;

    RecordingEveryEvent(Inbox inbox, AuditTrail trail, AuditSettings settings) {
        this.inbox = inbox;
        this.trail = trail;
        this.settings = settings;
    }

    @KafkaListener(id = "audit-trail", topicPattern = "${coachos.audit.topic-pattern}", groupId = "audit-service")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        String key = record.key() == null ? null : record.key().replace('\0', '\uFFFD');
        NewRecord event = ObservedEvent.read(record.topic(), key, record.value(), settings.kinds());
        boolean recorded = inbox.applyOnce(CONSUMER, event.eventId(), () -> trail.append(event));
        log.debug("{} {} from {}: {}", event.type(), event.eventId(), record.topic(),
                recorded ? "recorded" : "recorded before, skipped");
    }
}
