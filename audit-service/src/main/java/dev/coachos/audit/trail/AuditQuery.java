package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.UUID;

import dev.coachos.platform.web.Problems;

/**
 * What a search of the audit trail asks for; every filter is optional and they all apply together.
 * A filter that cannot mean anything is a 400 naming it.
 *
 * @param entityType the kind of entity, such as {@code Enrollment} (needed with {@code entityId})
 * @param entityId   the entity's id (the event's record key)
 * @param actor      the user who acted
 * @param branch     the branch the event names
 * @param action     the event's type, such as {@code EnrollmentCreated}
 * @param source     the service the event came from, such as {@code enrollment-service}
 * @param from       recorded at or after
 * @param to         recorded before
 */
public record AuditQuery(String entityType, String entityId, UUID actor, UUID branch, String action, String source,
        Instant from, Instant to) {

    static final int MAX_TEXT = 200;

    public AuditQuery {
        entityType = text("entityType", entityType);
        entityId = text("entityId", entityId);
        action = text("action", action);
        source = text("source", source);
        if (entityId != null && entityType == null) {
            throw Problems.invalidField("entityType", "is required with entityId");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problems.invalidField("to", "must be after from");
        }
    }

    /** Nothing but a time range (either end open). */
    public static AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(null, null, null, null, null, null, from, to);
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw Problems.invalidField(name, "must be at most " + MAX_TEXT + " characters");
        }
        return trimmed;
    }
}
