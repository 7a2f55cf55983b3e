package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What an event tells the audit trail, as the listener read it from the envelope: everything a
 * record holds except its place in the chain and the time it was recorded. Text is cut to the
 * column limits here, so what is hashed is what is stored.
 */
public record NewRecord(UUID eventId, Kind kind, String type, String source, String topic, Instant occurredAt,
        String entityType, String entityId, UUID actorUserId, List<String> actorRoles, String actorVia,
        String actorJob, String actorCausedBy, String clientIp, String userAgent, String traceId, UUID branchId, JsonNode payload,
        JsonNode changes, Outcome outcome) {

    public NewRecord {
        type = cut(type, 200);
        source = cut(source, 200);
        topic = cut(topic, 249);
        entityType = cut(entityType, 100);
        entityId = cut(entityId, 200);
        actorRoles = actorRoles == null ? null
                : actorRoles.stream().limit(50).map(role -> cut(role, 100)).toList();
        actorVia = cut(actorVia, 250);
        actorJob = cut(actorJob, 200);
        actorCausedBy = cut(actorCausedBy, 200);
        clientIp = cut(clientIp, 100);
        userAgent = cut(userAgent, 500);
        traceId = cut(traceId, 64);
        occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String cut(String text, int limit) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // Never split a surrogate pair: the half left would not be valid text.
        if (text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end);
    }
}
