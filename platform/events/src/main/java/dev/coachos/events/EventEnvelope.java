package dev.coachos.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on a topic: the event and what every consumer needs to handle it once and in
 * context. Consumers dispatch on {@link #type()}, never on a Java class name, and ignore fields
 * they do not know.
 *
 * @param eventId       unique per event; consumers record it to apply the event once
 * @param type          the event's name, such as {@code UserRegistered}
 * @param schemaVersion the payload's version; a breaking change gets a new number
 * @param occurredAt    when the change was committed by the producer (UTC)
 * @param source        the producing service, such as {@code identity-service}
 * @param traceparent   the W3C trace context of the request that caused the event, if any
 * @param actor         who or what caused it (a user's request, another event, a job); absent
 *                      in events stored before it existed
 * @param payload       the event itself
 */
public record EventEnvelope<T>(UUID eventId, String type, int schemaVersion, Instant occurredAt, String source,
        String traceparent, Actor actor, T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion starts at 1");
        }
    }

    /** An envelope that names no actor (tests, and events from before the field existed). */
    public EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt, String source,
            String traceparent, T payload) {
        this(eventId, type, schemaVersion, occurredAt, source, traceparent, null, payload);
    }
}
