package dev.coachos.communication.marketing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;

/**
 * Reminds a lead's assignee that its follow-up is due (LeadFollowUpDue), once per event however
 * often it arrives: "Follow up with Asha Verma (+919876543210): due 2 Dec 2026, 15:30", the time in
 * the institute's zone ({@code coachos.leads.time-zone}), linking to the lead. A lead nobody is
 * assigned to reminds nobody; marketing-service's other events pass by.
 */
@Component
class LeadFollowUpReminders {

    static final String CONSUMER = "communication.marketing";
    static final String FOLLOW_UP_DUE = "LeadFollowUpDue";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);

    private static final Logger log = LoggerFactory.getLogger(LeadFollowUpReminders.class);

    private final Inbox inbox;
    private final Notifications notifications;
    private final ZoneId zone;

    LeadFollowUpReminders(Inbox inbox, Notifications notifications,
            @Value("${coachos.leads.time-zone:Asia/Kolkata}") String zone) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.zone = ZoneId.of(zone);
    }

    @KafkaListener(topics = Topics.MARKETING, groupId = "communication-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!FOLLOW_UP_DUE.equals(event.type())) {
            return;
        }
        FollowUpDue due = event.payloadAs(FollowUpDue.class, 1);
        if (due.assigneeId() == null) {
            log.debug("{} {} for lead {}: nobody is assigned, nobody reminded", event.type(), event.eventId(),
                    due.leadId());
            return;
        }
        NewNotification reminder = reminder(due);
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(reminder));
        log.info("{} {} for assignee {}: {}", event.type(), event.eventId(), reminder.userId(),
                applied ? "reminder created" : "already applied, skipped");
    }

    private NewNotification reminder(FollowUpDue due) {
        UUID assignee = IncomingEvent.uuid(due.assigneeId(), "assigneeId");
        UUID lead = IncomingEvent.uuid(due.leadId(), "leadId");
        String name = due.name() == null || due.name().isBlank() ? "a lead" : due.name().trim();
        String phone = due.phone() == null || due.phone().isBlank() ? "" : " (" + due.phone().trim() + ")";
        return new NewNotification(assignee, "Lead follow-up due",
                "Follow up with " + name + phone + ": due " + when(due.followUpAt()),
                Notification.Type.REMINDER, "/leads/" + lead);
    }

    /** The follow-up's instant as "2 Dec 2026, 15:30" in the institute's zone; one that is not an instant can never be applied. */
    private String when(String followUpAt) {
        if (followUpAt == null) {
            throw new MalformedEvent("the payload has no followUpAt");
        }
        try {
            return WHEN.format(Instant.parse(followUpAt).atZone(zone));
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("the payload's followUpAt is not an ISO instant: " + followUpAt);
        }
    }

    /** The fields of marketing-service's LeadFollowUpDue used here. */
    record FollowUpDue(String leadId, String name, String phone, String assigneeId, String followUpAt) {
    }
}
