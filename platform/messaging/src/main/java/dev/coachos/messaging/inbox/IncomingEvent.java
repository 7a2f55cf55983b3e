package dev.coachos.messaging.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as a consumer receives it: the envelope's fields, and the payload still as JSON so
 * that each consumer reads only the fields it knows (unknown ones are ignored).
 */
public record IncomingEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, String source,
        String traceparent, JsonNode payload) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads a record's value; a value that is not an envelope is a {@link MalformedEvent}. */
    public static IncomingEvent read(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            String id = node.path("eventId").asString(null);
            String type = node.path("type").asString(null);
            if (id == null || type == null || !node.path("payload").isObject()) {
                throw new MalformedEvent("not an event envelope (eventId, type and payload are required)");
            }
            String occurred = node.path("occurredAt").asString(null);
            return new IncomingEvent(UUID.fromString(id), type, node.path("schemaVersion").asInt(1),
                    occurred == null ? null : Instant.parse(occurred), node.path("source").asString(null),
                    node.path("traceparent").asString(null), node.path("payload"));
        } catch (MalformedEvent e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedEvent("unreadable record: " + e.getMessage());
        }
    }

    /**
     * The payload as the consumer's own view of the event, in the one schema version the
     * consumer understands; another version can never be applied, so it is a {@link MalformedEvent}.
     */
    public <T> T payloadAs(Class<T> type, int understoodVersion) {
        if (schemaVersion != understoodVersion) {
            throw new MalformedEvent(this.type + " v" + schemaVersion + " is not understood here");
        }
        return payloadAs(type);
    }

    /** A payload field that must hold a UUID; a missing or malformed one can never be applied. */
    public static UUID uuid(String value, String field) {
        if (value == null) {
            throw new MalformedEvent("the payload has no " + field);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the payload's " + field + " is not a UUID");
        }
    }

    /** A payload field that may be absent (null or blank) and otherwise must hold a UUID. */
    public static UUID optionalUuid(String value, String field) {
        return value == null || value.isBlank() ? null : uuid(value, field);
    }

    /** A payload field that must hold an ISO date, such as {@code 2026-11-30}. */
    public static LocalDate date(String value, String field) {
        if (value == null) {
            throw new MalformedEvent("the payload has no " + field);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("the payload's " + field + " is not an ISO date: " + value);
        }
    }

    /** A payload field that may be absent (null or blank) and otherwise must hold an ISO date. */
    public static LocalDate optionalDate(String value, String field) {
        return value == null || value.isBlank() ? null : date(value, field);
    }

    /** The payload as the consumer's own view of the event. */
    public <T> T payloadAs(Class<T> type) {
        try {
            return JSON.treeToValue(payload, type);
        } catch (RuntimeException e) {
            throw new MalformedEvent("payload of " + this.type + " does not fit " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** A record no retry can mend: it goes to the dead-letter topic at once. */
    public static final class MalformedEvent extends RuntimeException {
        public MalformedEvent(String message) {
            super(message);
        }
    }

    /**
     * The event is fine but its effect needs something this service has not learnt yet (such as
     * the users it must notify, still arriving on another topic). It is retried patiently, like a
     * database outage, instead of being dead-lettered after the usual few attempts.
     */
    public static final class NotYetApplicable extends RuntimeException {
        public NotYetApplicable(String message) {
            super(message);
        }
    }
}
