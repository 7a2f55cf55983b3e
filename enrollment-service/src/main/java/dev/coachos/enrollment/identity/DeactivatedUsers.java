package dev.coachos.enrollment.identity;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.calendar.CalendarFeeds;
import dev.coachos.enrollment.enrollment.Enrollments;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * When identity deactivates an account: its active enrollments go ON_HOLD, its calendar feed
 * stops working, and it is remembered so that it is not enrolled again. Once per event.
 */
@Component
class DeactivatedUsers {

    static final String CONSUMER = "enrollment.deactivated";

    private static final Logger log = LoggerFactory.getLogger(DeactivatedUsers.class);

    private final Inbox inbox;
    private final Enrollments enrollments;
    private final CalendarFeeds feeds;

    DeactivatedUsers(Inbox inbox, Enrollments enrollments, CalendarFeeds feeds) {
        this.inbox = inbox;
        this.enrollments = enrollments;
        this.feeds = feeds;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "enrollment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("UserDeactivated")) {
            return;
        }
        UUID user = IncomingEvent.uuid(event.payloadAs(Deactivated.class, 1).userId(), "userId");
        int[] held = {0};
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> {
            held[0] = enrollments.deactivated(user);
            feeds.revoke(user);
        });
        log.info("UserDeactivated {} for {}: {}", event.eventId(), user,
                applied ? held[0] + " enrollment(s) put on hold" : "already applied, skipped");
    }

    /** The part of identity's UserDeactivated this service reads. */
    record Deactivated(String userId) {
    }
}
