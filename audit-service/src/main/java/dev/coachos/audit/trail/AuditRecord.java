package dev.coachos.audit.trail;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.coachos.audit.chain.CanonicalJson;
import tools.jackson.databind.JsonNode;

/**
 * One event as the audit trail keeps it: who did it, what it did to which entity, when, where it
 * came from and how it ended, and its place in its kind's hash chain.
 *
 * @param action the event's type, such as {@code EnrollmentCreated}
 */
public record AuditRecord(UUID id, UUID eventId, String action, Outcome outcome, Kind kind, Who who, What what,
        When when, Where where, Chain chain) {

    static final String COLUMNS = """
            r.id, r.kind, r.seq, r.event_id, r.type, r.source, r.topic, r.occurred_at, r.recorded_at, r.entity_type,
            r.entity_id, r.actor_user_id, r.actor_roles, r.actor_via, r.actor_job, r.actor_caused_by, r.client_ip, r.user_agent,
            r.trace_id, r.branch_id, r.payload::text as payload_text, r.changes::text as changes_text, r.outcome,
            r.previous_hash, r.hash""";

    /**
     * Who acted: a user (with the roles they held), or a job or another event when no user did.
     *
     * @param via how it came about, as the event says: {@code request}, {@code event:<id>},
     *            {@code job:<name>} or {@code system}
     */
    public record Who(UUID userId, List<String> roles, String via, String job, String causedBy) {
    }

    /** What happened: to which entity, the fields it changed (old and new, where the event says), its payload. */
    public record What(String entityType, String entityId, JsonNode changes, JsonNode payload) {
    }

    /** When it happened at its source, and when it was recorded here. */
    public record When(Instant occurredAt, Instant recordedAt) {
    }

    /** Where it came from: the service and topic, the branch, the client's address and agent, the trace. */
    public record Where(String source, String topic, UUID branchId, String clientIp, String userAgent,
            String traceId) {
    }

    /** The record's place in its kind's chain: its number, the previous record's hash and its own. */
    public record Chain(long seq, String previousHash, String hash) {
    }

    /** A record not yet stored: its hash is taken over {@link #canonicalFields()}. */
    static AuditRecord unsigned(UUID id, long seq, Instant recordedAt, String previousHash, NewRecord event) {
        return new AuditRecord(id, event.eventId(), event.type(), event.outcome(), event.kind(),
                new Who(event.actorUserId(), event.actorRoles(), event.actorVia(), event.actorJob(),
                        event.actorCausedBy()),
                new What(event.entityType(), event.entityId(), event.changes(), event.payload()),
                new When(event.occurredAt(), recordedAt),
                new Where(event.source(), event.topic(), event.branchId(), event.clientIp(), event.userAgent(),
                        event.traceId()),
                new Chain(seq, previousHash, null));
    }

    /**
     * The same record without its payload and changes (what a reader of a private type may not see),
     * and without its hash and the previous record's: the hash covers the payload, so with every other
     * field shown a payload of few unknowns (a cash salary's net) could be found by trying values until
     * one gives the hash. Its number in the chain stays.
     */
    AuditRecord withoutPayload() {
        return new AuditRecord(id, eventId, action, outcome, kind, who,
                new What(what.entityType(), what.entityId(), null, null), when, where,
                new Chain(chain.seq(), null, null));
    }

    /** The same record without its chain's hashes (which cover a record the reader may not see). */
    AuditRecord withoutHashes() {
        return new AuditRecord(id, eventId, action, outcome, kind, who, what, when, where,
                new Chain(chain.seq(), null, null));
    }

    AuditRecord withHash(String hash) {
        return new AuditRecord(id, eventId, action, outcome, kind, who, what, when, where,
                new Chain(chain.seq(), chain.previousHash(), hash));
    }

    /**
     * The fields the hash covers, by their stable names (chain format 1): every column but the
     * hash itself; absent values are left out, so a column added later does not change the hash
     * of the records before it.
     */
    public Map<String, Object> canonicalFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "id", id.toString());
        put(fields, "kind", kind.name());
        put(fields, "seq", chain.seq());
        put(fields, "eventId", eventId.toString());
        put(fields, "type", action);
        put(fields, "source", where.source());
        put(fields, "topic", where.topic());
        put(fields, "occurredAt", when.occurredAt() == null ? null : when.occurredAt().toString());
        put(fields, "recordedAt", when.recordedAt().toString());
        put(fields, "entityType", what.entityType());
        put(fields, "entityId", what.entityId());
        put(fields, "actorUserId", who.userId() == null ? null : who.userId().toString());
        put(fields, "actorRoles", who.roles());
        put(fields, "actorVia", who.via());
        put(fields, "actorJob", who.job());
        put(fields, "actorCausedBy", who.causedBy());
        put(fields, "clientIp", where.clientIp());
        put(fields, "userAgent", where.userAgent());
        put(fields, "traceId", where.traceId());
        put(fields, "branchId", where.branchId() == null ? null : where.branchId().toString());
        put(fields, "payload", what.payload());
        put(fields, "changes", what.changes());
        put(fields, "outcome", outcome.name());
        put(fields, "previousHash", chain.previousHash());
        return fields;
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static AuditRecord readRow(ResultSet rs, int row) throws SQLException {
        String changes = rs.getString("changes_text");
        return new AuditRecord(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("type"), Outcome.valueOf(rs.getString("outcome")), Kind.valueOf(rs.getString("kind")),
                new Who(rs.getObject("actor_user_id", UUID.class), strings(rs.getArray("actor_roles")),
                        rs.getString("actor_via"), rs.getString("actor_job"), rs.getString("actor_caused_by")),
                new What(rs.getString("entity_type"), rs.getString("entity_id"),
                        changes == null ? null : CanonicalJson.read(changes),
                        CanonicalJson.read(rs.getString("payload_text"))),
                new When(instant(rs, "occurred_at"), instant(rs, "recorded_at")),
                new Where(rs.getString("source"), rs.getString("topic"), rs.getObject("branch_id", UUID.class),
                        rs.getString("client_ip"), rs.getString("user_agent"), rs.getString("trace_id")),
                new Chain(rs.getLong("seq"), rs.getString("previous_hash"), rs.getString("hash")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
