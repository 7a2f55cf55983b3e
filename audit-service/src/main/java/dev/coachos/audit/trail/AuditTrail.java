package dev.coachos.audit.trail;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
 * The audit trail: records appended to their kind's hash chain, one appender at a time per chain, and
 * searched newest first. Nothing here changes or deletes a record; the database refuses both.
 */
@Service
public class AuditTrail {

    /** Newest first unless asked otherwise. */
    private static final Sorting SORTING = Sorting.of(
            Map.of("recordedAt", "r.recorded_at", "occurredAt", "r.occurred_at"), "r.recorded_at desc", "r.id desc")
            .nullsLast("occurredAt");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Partitions partitions;
    private final Clock clock;
    private final AuditSettings.Private privacy;

    AuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Partitions partitions, Clock clock,
            AuditSettings settings) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.partitions = partitions;
        this.clock = clock;
        this.privacy = settings.privateTypes();
    }

    /**
     * Appends one record to the end of its kind's chain, in the caller's transaction (a listener
     * records the event id in the same one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord append(NewRecord event) {
        return appendAll(List.of(event)).getFirst();
    }

    /**
     * Appends records to the ends of their kinds' chains in the order given, in the caller's
     * transaction. Each chain's head row stays locked until that transaction ends, so appends to one
     * chain follow each other and each record names the one before it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditRecord> appendAll(List<NewRecord> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        events.forEach(event -> kinds.add(event.kind()));
        kinds.forEach(kind -> partitions.ensure(kind, now)); // before taking the locks: creating a table may wait
        Map<Kind, Head> heads = new EnumMap<>(Kind.class);
        // One statement locks every head needed, always in the same order, so two appenders never deadlock.
        jdbc.sql("""
                select kind, last_seq, last_hash, last_recorded_at from chain_head
                where kind = any(cast(:kinds as text[])) order by kind for update""")
                .param("kinds", kinds.stream().map(Kind::name).toArray(String[]::new))
                .query(rs -> {
                    OffsetDateTime last = rs.getObject("last_recorded_at", OffsetDateTime.class);
                    heads.put(Kind.valueOf(rs.getString("kind")), new Head(rs.getLong("last_seq"),
                            rs.getString("last_hash"), last == null ? null : last.toInstant()));
                });
        List<AuditRecord> records = new ArrayList<>(events.size());
        for (NewRecord event : events) {
            Head head = heads.get(event.kind());
            // Time never runs backwards along a chain, so its months hold consecutive pieces of it.
            Instant recordedAt = head.lastRecordedAt() != null && head.lastRecordedAt().isAfter(now)
                    ? head.lastRecordedAt() : now;
            if (!YearMonth.from(recordedAt.atZone(ZoneOffset.UTC)).equals(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
                partitions.ensure(event.kind(), recordedAt);
            }
            AuditRecord unsigned = AuditRecord.unsigned(UuidV7.next(), head.lastSeq() + 1, recordedAt,
                    head.lastHash(), event);
            AuditRecord record = unsigned.withHash(ChainHash.ofValue(unsigned.canonicalFields()));
            records.add(record);
            heads.put(event.kind(), new Head(record.chain().seq(), record.chain().hash(), recordedAt));
        }
        insert(records);
        for (Kind kind : kinds) {
            Head head = heads.get(kind);
            jdbc.sql("update chain_head set last_seq = ?, last_hash = ?, last_recorded_at = ? where kind = ?")
                    .params(head.lastSeq(), head.lastHash(), utc(head.lastRecordedAt()), kind.name())
                    .update();
        }
        return records;
    }

    private void insert(List<AuditRecord> records) {
        SqlParameterSource[] rows = records.stream().map(AuditTrail::row).toArray(SqlParameterSource[]::new);
        batches.batchUpdate("""
                insert into audit_record (id, kind, seq, event_id, type, source, topic, occurred_at, recorded_at,
                    entity_type, entity_id, actor_user_id, actor_roles, actor_via, actor_job, actor_caused_by, client_ip,
                    user_agent, trace_id, branch_id, payload, changes, outcome, previous_hash, hash)
                values (:id, :kind, :seq, :eventId, :type, :source, :topic, :occurredAt, :recordedAt,
                    :entityType, :entityId, :actorUserId, cast(:actorRoles as text[]), :actorVia, :actorJob,
                    :actorCausedBy,
                    :clientIp, :userAgent, :traceId, :branchId, cast(:payload as jsonb), cast(:changes as jsonb),
                    :outcome, :previousHash, :hash)""", rows);
    }

    private static SqlParameterSource row(AuditRecord r) {
        return new MapSqlParameterSource()
                .addValue("id", r.id())
                .addValue("kind", r.kind().name())
                .addValue("seq", r.chain().seq())
                .addValue("eventId", r.eventId())
                .addValue("type", r.action())
                .addValue("source", r.where().source(), Types.VARCHAR)
                .addValue("topic", r.where().topic())
                .addValue("occurredAt", r.when().occurredAt() == null ? null : utc(r.when().occurredAt()),
                        Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("recordedAt", utc(r.when().recordedAt()))
                .addValue("entityType", r.what().entityType(), Types.VARCHAR)
                .addValue("entityId", r.what().entityId(), Types.VARCHAR)
                .addValue("actorUserId", r.who().userId(), Types.OTHER)
                .addValue("actorRoles", r.who().roles() == null ? null : r.who().roles().toArray(String[]::new),
                        Types.ARRAY)
                .addValue("actorVia", r.who().via(), Types.VARCHAR)
                .addValue("actorJob", r.who().job(), Types.VARCHAR)
                .addValue("actorCausedBy", r.who().causedBy(), Types.VARCHAR)
                .addValue("clientIp", r.where().clientIp(), Types.VARCHAR)
                .addValue("userAgent", r.where().userAgent(), Types.VARCHAR)
                .addValue("traceId", r.where().traceId(), Types.VARCHAR)
                .addValue("branchId", r.where().branchId(), Types.OTHER)
                .addValue("payload", CanonicalJson.write(r.what().payload()))
                .addValue("changes", r.what().changes() == null ? null : CanonicalJson.write(r.what().changes()),
                        Types.VARCHAR)
                .addValue("outcome", r.outcome().name())
                .addValue("previousHash", r.chain().previousHash())
                .addValue("hash", r.chain().hash());
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
        PageResponse<AuditRecord> page = PagedQuery.page(jdbc, AuditRecord.COLUMNS, "audit_record r", where,
                SORTING, paging, AuditRecord::readRow);
        return new PageResponse<>(shownTo(page.content(), caller), page.page());
    }

    /**
     * The records as this caller may see them: the payload and changes of a private type (a person's
     * pay) only for holders of one of the permissions that read it; others see that it happened, by
     * whom and when, with {@code payload} and {@code changes} left out. A hash covers the payload, and
     * every hash after it in its chain covers that hash in turn, so a payload of few unknowns could be
     * found by trying values against any later hash: for those readers no record of a chain that holds
     * a private record shows {@code hash} or {@code previousHash}. The verify endpoint checks the
     * chains on the server and answers only ids and numbers.
     */
    List<AuditRecord> shownTo(List<AuditRecord> records, Caller caller) {
        if (privacy.types().isEmpty() || privacy.permissions().stream().anyMatch(caller::can)) {
            return records;
        }
        Set<Kind> guarded = chainsHoldingPrivate(records);
        return records.stream().map(record -> {
            if (privacy.types().contains(record.action())) {
                return record.withoutPayload();
            }
            if (guarded.contains(record.kind())) {
                return record.withoutHashes();
            }
            return record;
        }).toList();
    }

    /** Of the kinds of these records, those whose chain holds a record of a private type. */
    private Set<Kind> chainsHoldingPrivate(List<AuditRecord> records) {
        Set<Kind> guarded = EnumSet.noneOf(Kind.class);
        for (Kind kind : records.stream().map(AuditRecord::kind).distinct().toList()) {
            if (jdbc.sql("select exists (select 1 from audit_record where type in (:types) and kind = :kind)")
                    .param("types", privacy.types()).param("kind", kind.name()).query(Boolean.class).single()) {
                guarded.add(kind);
            }
        }
        return guarded;
    }

    /** One record by its id; one outside the caller's branch is not found, so its existence does not leak. */
    @Transactional(readOnly = true)
    public AuditRecord one(UUID id, Caller caller) {
        return jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r where r.id = ?").param(id)
                .query(AuditRecord::readRow).optional()
                .filter(record -> caller.seesAllBranches() || (record.where().branchId() != null
                        && caller.reaches(Optional.of(record.where().branchId()))))
                .map(record -> shownTo(List.of(record), caller).getFirst())
                .orElseThrow(() -> Problems.notFound("audit record", id));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Head(long lastSeq, String lastHash, Instant lastRecordedAt) {
    }
}
