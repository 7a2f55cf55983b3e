package dev.coachos.audit.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.coachos.audit.chain.CanonicalJson;
import dev.coachos.audit.trail.AuditSettings;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.audit.trail.Outcome;
import dev.coachos.messaging.inbox.IncomingEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads any service's event envelope into what the audit trail records, tolerating what it does
 * not know: only {@code eventId}, {@code type} and an object {@code payload} are required (without
 * them the record is a {@link IncomingEvent.MalformedEvent} and goes to the dead-letter topic).
 * Everything else is read if it is there and has the expected shape, and left empty otherwise:
 * <ul>
 * <li>the actor: {@code actor.userId}, {@code actor.roles} (a list, or one comma-separated text),
 * {@code actor.clientIp}, {@code actor.userAgent}, {@code actor.via} ({@code request},
 * {@code event:<id>}, {@code job:<name>}, {@code system}), and from it (or {@code actor.job},
 * {@code actor.causedBy}) the job or the triggering event when no user caused the event;</li>
 * <li>the trace id: from {@code traceparent} (W3C), else {@code actor.traceparent}, else
 * {@code actor.traceId};</li>
 * <li>the entity: its type from {@code aggregateType} when the envelope has one, else the payload's
 * {@code <name>Id} field holding the record key ({@code enrollmentId} → {@code Enrollment}), else the
 * event type's first word ({@code LoginFailed} → {@code Login}); its id is the record key;</li>
 * <li>the branch from the payload's {@code branchId};</li>
 * <li>changed fields from the payload's {@code changes} object as it is, else from pairs such as
 * {@code previousRole}/{@code role} (and {@code previous}/{@code status}) as
 * {@code {"role": {"old": ..., "new": ...}}}.</li>
 * </ul>
 */
final class ObservedEvent {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern FIRST_WORD = Pattern.compile("^[A-Z][a-z0-9]*");

    private ObservedEvent() {
    }

    static NewRecord read(String topic, String key, String value, AuditSettings.Kinds kinds) {
        JsonNode envelope;
        try {
            envelope = CanonicalJson.read(value);
        } catch (RuntimeException e) {
            throw new IncomingEvent.MalformedEvent("unreadable record: " + e.getMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            throw new IncomingEvent.MalformedEvent("not an event envelope");
        }
        if (value.contains("\\u0000")) {
            envelope = withoutNul(envelope); // PostgreSQL stores no NUL character, in text or in jsonb
        }
        String id = text(envelope, "eventId");
        String type = text(envelope, "type");
        JsonNode payload = envelope.path("payload");
        if (id == null || type == null || !payload.isObject()) {
            throw new IncomingEvent.MalformedEvent("not an event envelope (eventId, type and payload are required)");
        }
        UUID eventId = IncomingEvent.uuid(id, "eventId");
        String source = text(envelope, "source");
        JsonNode actor = envelope.path("actor");
        String traceId = traceId(text(envelope, "traceparent"), text(actor, "traceparent"), text(actor, "traceId"));
        String entityType = entityType(text(envelope, "aggregateType"), payload, key, type);
        String via = text(actor, "via");
        String job = text(actor, "job");
        String causedBy = text(actor, "causedBy");
        if (via != null && via.startsWith("job:") && job == null) {
            job = via.substring(4);
        }
        if (via != null && via.startsWith("event:") && causedBy == null) {
            causedBy = via.substring(6);
        }
        return new NewRecord(eventId, kind(topic, source, type, kinds), type, source, topic,
                instant(text(envelope, "occurredAt")), entityType, key, uuid(text(actor, "userId")), roles(actor),
                via, job, causedBy, text(actor, "clientIp"), text(actor, "userAgent"), traceId,
                uuid(text(payload, "branchId")), payload, changes(payload), Outcome.ofType(type));
    }

    /** FINANCE for the finance services (by source, or by a topic named after one), LOGIN for sign-in events. */
    static Kind kind(String topic, String source, String type, AuditSettings.Kinds kinds) {
        if (kinds.loginTypes().contains(type)) {
            return Kind.LOGIN;
        }
        for (String finance : kinds.financeSources()) {
            String domain = finance.endsWith("-service") ? finance.substring(0, finance.length() - 8) : finance;
            if (finance.equals(source) || ("coachos." + domain + ".events").equals(topic)) {
                return Kind.FINANCE;
            }
        }
        return Kind.GENERAL;
    }

    static String entityType(String declared, JsonNode payload, String key, String type) {
        if (declared != null) {
            return declared;
        }
        if (key != null) {
            for (Map.Entry<String, JsonNode> field : payload.properties()) {
                String name = field.getKey();
                if (name.length() > 2 && name.endsWith("Id") && field.getValue().isString()
                        && key.equalsIgnoreCase(field.getValue().asString())) {
                    String entity = name.substring(0, name.length() - 2);
                    return Character.toUpperCase(entity.charAt(0)) + entity.substring(1);
                }
            }
        }
        Matcher word = FIRST_WORD.matcher(type);
        return word.find() ? word.group() : null;
    }

    static JsonNode changes(JsonNode payload) {
        JsonNode given = payload.path("changes");
        if (given.isObject() || given.isArray()) {
            return given;
        }
        ObjectNode pairs = JsonNodeFactory.instance.objectNode();
        for (String name : payload.propertyNames()) {
            if (name.startsWith("previous") && name.length() > "previous".length()) {
                String field = name.substring(8, 9).toLowerCase(Locale.ROOT) + name.substring(9);
                if (payload.has(field)) {
                    pairs.set(field, pair(payload.get(name), payload.get(field)));
                }
            }
        }
        if (payload.has("previous") && payload.has("status")) {
            pairs.set("status", pair(payload.get("previous"), payload.get("status")));
        }
        return pairs.isEmpty() ? null : pairs;
    }

    private static ObjectNode pair(JsonNode old, JsonNode now) {
        ObjectNode pair = JsonNodeFactory.instance.objectNode();
        pair.set("old", old);
        pair.set("new", now);
        return pair;
    }

    private static List<String> roles(JsonNode actor) {
        JsonNode roles = actor.path("roles");
        List<String> names = new ArrayList<>();
        if (roles.isArray()) {
            for (JsonNode role : roles.values()) {
                if (role.isString() && !role.asString().isBlank()) {
                    names.add(role.asString().trim());
                }
            }
        } else if (roles.isString()) {
            for (String role : roles.asString().split(",")) {
                if (!role.isBlank()) {
                    names.add(role.trim());
                }
            }
        } else {
            String single = text(actor, "role");
            if (single != null) {
                names.add(single);
            }
        }
        return names.isEmpty() ? null : names;
    }

    private static String traceId(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            String lower = candidate.toLowerCase(Locale.ROOT);
            Matcher parent = TRACEPARENT.matcher(lower);
            if (parent.matches()) {
                return parent.group(1);
            }
            if (TRACE_ID.matcher(lower).matches()) {
                return lower;
            }
        }
        return null;
    }

    /** The same JSON with every NUL character (in names and text) replaced by U+FFFD. */
    static JsonNode withoutNul(JsonNode node) {
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(node.asString().replace('\0', '\uFFFD'));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node.values()) {
                copy.add(withoutNul(item));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey().replace('\0', '\uFFFD'), withoutNul(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    /** A text field, or null when it is absent, not text, or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
