package dev.coachos.testing;

import java.time.Instant;
import java.util.UUID;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event exactly as a producer puts it on Kafka: its contract record in the envelope, written
 * with a plain mapper as the outbox does. Consumer contract tests read it with the consumer's own
 * records, so a field renamed on one side fails a fast test instead of a journey.
 */
public final class PublishedEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublishedEvent() {
    }

    /** The record value on the topic for this event, at schema version 1. */
    public static String json(String type, DomainEvent payload) {
        return JSON.writeValueAsString(new EventEnvelope<>(UUID.randomUUID(), type, 1, Instant.now(), "contract-test",
                null, payload));
    }
}
