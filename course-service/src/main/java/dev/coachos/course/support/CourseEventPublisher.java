package dev.coachos.course.support;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.course.CourseEvents;
import dev.coachos.messaging.outbox.Outbox;

/** Stores course events in the outbox, inside the transaction of the change they report. */
@Component
public class CourseEventPublisher {

    private final Outbox outbox;

    CourseEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(DomainEvent event) {
        outbox.publish(Topics.COURSE, CourseEvents.typeOf(event), CourseEvents.SCHEMA_VERSION, event);
    }
}
