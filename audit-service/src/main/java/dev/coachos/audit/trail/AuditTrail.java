package dev.coachos.audit.trail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.audit.chain.CanonicalJson;
import dev.coachos.audit.chain.ChainHash;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * The audit trail: records appended to their kind's hash chain, one at a time per chain, and
 * searched newest first. Nothing here changes or deletes a record; the database refuses both.
 */
@Service
public class AuditTrail {

    /** Newest first unless asked otherwise. */
    private static final Sorting SORTING = Sorting.of(
            Map.of("recordedAt", "r.recorded_at", "occurredAt", "r.occurred_at"), "r.recorded_at desc", "r.id desc")
            .nullsLast("occurredAt");

    private final JdbcClient jdbc;
    private final Partitions partitions;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Partitions partitions, Clock clock) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.clock = clock;
    }

    /**
     * Appends one record to the end of its kind's chain, in the caller's transaction (a listener
     * records the event id in the same one). The chain's head row stays locked until that
     * transaction ends, so appends to one chain follow each other and each names the one before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord append(NewRecord event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        partitions.ensure(event.kind(), now); // before taking the chain's lock: creating a table may wait
        Head head = jdbc.sql("select last_seq, last_hash, last_recorded_at from chain_head where kind = ? for update")
                .param(event.kind().name())
                .query((rs, row) -> {
                    OffsetDateTime last = rs.getObject("last_recorded_at", OffsetDateTime.class);
                    return new Head(rs.getLong("last_seq"), rs.getString("last_hash"),
                            last == null ? null : last.toInstant());
                }).single();
        // Time never runs backwards along a chain, so its months hold consecutive pieces of it.
        Instant recordedAt = head.lastRecordedAt() != null && head.lastRecordedAt().isAfter(now)
                ? head.lastRecordedAt() : now;
        if (!YearMonth.from(recordedAt.atZone(ZoneOffset.UTC)).equals(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
            partitions.ensure(event.kind(), recordedAt);
        }
        AuditRecord unsigned = AuditRecord.unsigned(UuidV7.next(), head.lastSeq() + 1, recordedAt, head.lastHash(),
                event);
        AuditRecord record = unsigned.withHash(ChainHash.ofValue(unsigned.canonicalFields()));
        insert(record);
        jdbc.sql("update chain_head set last_seq = ?, last_hash = ?, last_recorded_at = ? where kind = ?")
                .params(record.chain().seq(), record.chain().hash(), utc(recordedAt), event.kind().name())
                .update();
        return record;
    }

    private void insert(AuditRecord r) {
        jdbc.sql("""
                insert into audit_record (id, kind, seq, event_id, type, source, topic, occurred_at, recorded_at,
                    entity_type, entity_id, actor_user_id, actor_roles, actor_via, actor_job, actor_caused_by, client_ip,
                    user_agent, trace_id, branch_id, payload, changes, outcome, previous_hash, hash)
                values (:id, :kind, :seq, :eventId, :type, :source, :topic, :occurredAt, :recordedAt,
                    :entityType, :entityId, :actorUserId, cast(:actorRoles as text[]), :actorVia, :actorJob,
                    :actorCausedBy,
                    :clientIp, :userAgent, :traceId, :branchId, cast(:payload as jsonb), cast(:changes as jsonb),
                    :outcome, :previousHash, :hash)""")
                .param("id", r.id())
                .param("kind", r.kind().name())
                .param("seq", r.chain().seq())
                .param("eventId", r.eventId())
                .param("type", r.action())
                .param("source", r.where().source())
                .param("topic", r.where().topic())
                .param("occurredAt", r.when().occurredAt() == null ? null : utc(r.when().occurredAt()))
                .param("recordedAt", utc(r.when().recordedAt()))
                .param("entityType", r.what().entityType())
                .param("entityId", r.what().entityId())
                .param("actorUserId", r.who().userId())
                .param("actorRoles", r.who().roles() == null ? null : r.who().roles().toArray(String[]::new))
                .param("actorVia", r.who().via())
                .param("actorJob", r.who().job())
                .param("actorCausedBy", r.who().causedBy())
                .param("clientIp", r.where().clientIp())
                .param("userAgent", r.where().userAgent())
                .param("traceId", r.where().traceId())
                .param("branchId", r.where().branchId())
                .param("payload", CanonicalJson.write(r.what().payload()))
                .param("changes", r.what().changes() == null ? null : CanonicalJson.write(r.what().changes()))
                .param("outcome", r.outcome().name())
                .param("previousHash", r.chain().previousHash())
                .param("hash", r.chain().hash())
                .update();
    }

    /**
     * Records matching every filter given, newest first unless sorted otherwise. A caller who does
     * not see every branch sees only the records of their own branch (never those without one).
     */
    @Transactional(readOnly = true)
    public PageResponse<AuditRecord> search(AuditQuery query, Caller caller, Paging paging) {
        Where where = Where.always();
        if (!caller.seesAllBranches()) {
            UUID own = caller.branchId().orElseThrow(() -> Problems.forbidden(
                    "Your account has no branch: only staff who see every branch read records without one"));
            if (query.branch() != null && !query.branch().equals(own)) {
                throw Problems.forbidden("You read the audit records of your own branch only");
            }
            where.and("r.branch_id = :ownBranch", "ownBranch", own);
        }
        where
                .andIfPresent(query.entityType(), "r.entity_type = :entityType", "entityType")
                .andIfPresent(query.entityId(), "r.entity_id = :entityId", "entityId")
                .andIfPresent(query.actor(), "r.actor_user_id = :actor", "actor")
                .andIfPresent(query.branch(), "r.branch_id = :branch", "branch")
                .andIfPresent(query.action(), "r.type = :action", "action")
                .andIfPresent(query.source(), "r.source = :source", "source")
                .andIfPresent(query.from() == null ? null : utc(query.from()), "r.recorded_at >= :from", "from")
                .andIfPresent(query.to() == null ? null : utc(query.to()), "r.recorded_at < :to", "to");
        return PagedQuery.page(jdbc, AuditRecord.COLUMNS, "audit_record r", where, SORTING, paging,
                AuditRecord::readRow);
    }

    /** One record by its id; one outside the caller's branch is not found, so its existence does not leak. */
    @Transactional(readOnly = true)
    public AuditRecord one(UUID id, Caller caller) {
        return jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r where r.id = ?").param(id)
                .query(AuditRecord::readRow).optional()
                .filter(record -> caller.seesAllBranches() || (record.where().branchId() != null
                        && caller.reaches(Optional.of(record.where().branchId()))))
                .orElseThrow(() -> Problems.notFound("audit record", id));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Head(long lastSeq, String lastHash, Instant lastRecordedAt) {
    }
}
