package dev.coachos.enrollment.identity;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * When identity deactivates an account, once per event: {@link AccountDeactivated} is published in
 * this service, in the inbox's transaction, so that its enrollments are put on hold and its
 * calendar feed stops working (the features listening to it decide what it means for them).
 */
@Component
class DeactivatedUsers {

    static final String CONSUMER = "enrollment.deactivated";

    private static final Logger log = LoggerFactory.getLogger(DeactivatedUsers.class);

    private final Inbox inbox;
    private final ApplicationEventPublisher features;

    DeactivatedUsers(Inbox inbox, ApplicationEventPublisher features) {
        this.inbox = inbox;
        this.features = features;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "enrollment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("UserDeactivated")) {
            return;
        }
        UUID user = IncomingEvent.uuid(event.payloadAs(Deactivated.class, 1).userId(), "userId");
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(),
                () -> features.publishEvent(new AccountDeactivated(user)));
        log.info("UserDeactivated {} for {}: {}", event.eventId(), user, applied ? "applied" : "already applied, skipped");
    }

    /** The part of identity's UserDeactivated this service reads. */
    record Deactivated(String userId) {
    }
}
