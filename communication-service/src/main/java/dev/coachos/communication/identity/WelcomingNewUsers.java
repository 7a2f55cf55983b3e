package dev.coachos.communication.identity;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/** Greets every new account with a welcome notification, once, however often the event arrives. */
@Component
class WelcomingNewUsers {

    static final String CONSUMER = "communication.welcome";

    private static final Logger log = LoggerFactory.getLogger(WelcomingNewUsers.class);

    private final Inbox inbox;
    private final Notifications notifications;

    WelcomingNewUsers(Inbox inbox, Notifications notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "communication-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("UserRegistered")) {
            return;
        }
        Registered user = event.payloadAs(Registered.class, 1);
        UUID userId = parseUser(user);
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(new NewNotification(
                userId, "Welcome to Coaching Center OS",
                "Hello " + user.name() + ", your account is ready. Complete your profile to get started.",
                Notification.Type.SUCCESS, "/profile")));
        log.info("UserRegistered {} for user {}: {}", event.eventId(), user.userId(),
                applied ? "welcome notification created" : "already applied, skipped");
    }

    /** A payload without a usable user id or name can never be applied: dead-letter it at once. */
    private static UUID parseUser(Registered user) {
        if (user.userId() == null || user.name() == null || user.name().isBlank()) {
            throw new IncomingEvent.MalformedEvent("UserRegistered without userId or name");
        }
        return IncomingEvent.uuid(user.userId(), "userId");
    }

    /** The fields of identity's UserRegistered this listener needs; others are ignored. */
    record Registered(String userId, String name) {
    }
}
