package dev.coachos.communication;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.communication.AnnouncementPublished;
import dev.coachos.events.communication.LeaveDecided;
import dev.coachos.events.communication.LeaveRequested;
import dev.coachos.events.communication.QueryOpened;
import dev.coachos.events.communication.QueryResolved;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events communication-service publishes, one method each, and the only caller of the outbox:
 * each is stored in the transaction of the change it reports and relayed to
 * {@value dev.coachos.events.Topics#COMMUNICATION} afterwards, keyed by its aggregate (a query's
 * events arrive in order; a leave's are keyed by the person on leave).
 */
@Component
public class CommunicationEvents {

    private final Outbox outbox;

    CommunicationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void queryOpened(QueryOpened event) {
        publish(event);
    }

    public void queryResolved(QueryResolved event) {
        publish(event);
    }

    public void leaveRequested(LeaveRequested event) {
        publish(event);
    }

    public void leaveDecided(LeaveDecided event) {
        publish(event);
    }

    public void announcementPublished(AnnouncementPublished event) {
        publish(event);
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.COMMUNICATION, dev.coachos.events.communication.CommunicationEvents.typeOf(event),
                dev.coachos.events.communication.CommunicationEvents.SCHEMA_VERSION, event);
    }
}
