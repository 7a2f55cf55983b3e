package dev.coachos.events;

/**
 * A fact a service publishes: an immutable record named in the past tense. Its
 * {@link #aggregateId()} is the Kafka record key, so one aggregate's events stay in order.
 */
public interface DomainEvent {

    /** The id of the thing the event is about (a user, an enrollment, ...). */
    String aggregateId();
}
