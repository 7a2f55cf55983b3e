package dev.coachos.enrollment.support;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.enrollment.EnrollmentEvents;
import dev.coachos.messaging.outbox.Outbox;

/** Stores enrollment events in the outbox, inside the transaction of the change they report. */
@Component
public class EnrollmentEventPublisher {

    private final Outbox outbox;

    EnrollmentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(DomainEvent event) {
        outbox.publish(Topics.ENROLLMENT, EnrollmentEvents.typeOf(event), EnrollmentEvents.SCHEMA_VERSION, event);
    }
}
