package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.audit.chain.ChainHash;
import dev.coachos.audit.trail.Verification.Break;
import dev.coachos.audit.trail.Verification.ChainReport;
import dev.coachos.audit.trail.Verification.Reason;
import dev.coachos.platform.data.Where;

/**
 * Recomputes the chains: every record's hash from its stored fields, and that it names the hash
 * of the record before it in its chain (or, after a dropped month, the hash kept in that month's
 * anchor). The records of every chain are read together in the order they were recorded, page by
 * page (keyset on recording time, kind and number) in one snapshot, so appends going on meanwhile neither block nor confuse it. A
 * request stops when its budget is spent, at the next change of recording instant, and says where
 * to continue: asking again from there checks the rest, every record once.
 */
@Service
public class ChainVerification {

    private final JdbcClient jdbc;
    private final AuditSettings.Verify budget;

    ChainVerification(JdbcClient jdbc, AuditSettings settings) {
        this.jdbc = jdbc;
        this.budget = settings.verify();
    }

    /** Every chain, over the records recorded in [from, to) (either end open), within the budget. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Instant from, Instant to) {
        AuditQuery.between(from, to); // the same rule for the range as a search
        Walk walk = walk(List.of(Kind.values()), from, to,
                System.nanoTime() + budget.timeBudget().toNanos(), budget.maxRecords());
        List<ChainReport> chains = walk.reports();
        Break first = chains.stream().map(ChainReport::firstBroken).filter(Objects::nonNull)
                .min(Comparator.comparing(Break::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null);
        return new Verification(first == null, chains.stream().mapToLong(ChainReport::checked).sum(), from, to,
                walk.continueFrom == null,
                walk.continueFrom, first, chains);
    }

    /** One kind's chain, from its start (or its anchor) up to {@code to}, however long it takes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainReport verify(Kind kind, Instant to) {
        return walk(List.of(kind), null, to, Long.MAX_VALUE, Long.MAX_VALUE).reports().getFirst();
    }

    private Walk walk(List<Kind> kinds, Instant from, Instant to, long deadline, long maxRecords) {
        Walk walk = new Walk(deadline, maxRecords);
        for (Kind kind : kinds) {
            Optional<Anchor> anchor = jdbc.sql("""
                    select last_seq, last_hash from chain_anchor
                    where kind = ? and last_seq is not null order by last_seq desc limit 1""")
                    .param(kind.name())
                    .query((rs, row) -> new Anchor(rs.getLong("last_seq"), rs.getString("last_hash"))).optional();
            walk.chains.put(kind, new Chain(kind, anchor.orElse(null), from));
        }
        // Keyset pages in recording order: each page's plan walks the recorded_at index from where the
        // last one stopped (one query over millions of rows would be planned as a sort of all of them).
        Instant afterAt = null;
        String afterKind = null;
        long afterSeq = 0;
        try {
            while (true) {
                Where page = Where.always()
                        .andIfPresent(kinds.size() == 1 ? kinds.getFirst().name() : null, "r.kind = :kind", "kind")
                        .andIfPresent(to == null ? null : AuditTrail.utc(to), "r.recorded_at < :to", "to");
                if (afterAt == null) {
                    page.andIfPresent(from == null ? null : AuditTrail.utc(from), "r.recorded_at >= :from", "from");
                } else {
                    // The first condition lets the index start there; the second is the exact keyset.
                    page.and("r.recorded_at >= :afterAt")
                            .and("(r.recorded_at, r.kind, r.seq) > (:afterAt, :afterKind, :afterSeq)")
                            .param("afterAt", AuditTrail.utc(afterAt)).param("afterKind", afterKind)
                            .param("afterSeq", afterSeq);
                }
                List<AuditRecord> records = jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r"
                        + page.sql() + " order by r.recorded_at, r.kind, r.seq limit " + budget.pageSize())
                        .params(page.params()).query(AuditRecord::readRow).list();
                for (AuditRecord record : records) {
                    walk.check(record);
                }
                if (records.size() < budget.pageSize()) {
                    break;
                }
                AuditRecord last = records.getLast();
                afterAt = last.when().recordedAt();
                afterKind = last.kind().name();
                afterSeq = last.chain().seq();
            }
        } catch (Walk.Stop stop) {
            // The budget is spent, or every chain has broken: the rest is not read.
        }
        if (walk.continueFrom == null && to == null) {
            for (Chain chain : walk.chains.values()) {
                chain.compareWithHead();
            }
        }
        return walk;
    }

    /** Where one chain stands during a walk: the number and hash the next record must carry and name. */
    private final class Chain {

        final Kind kind;
        final Anchor anchor;
        Long expectedSeq;
        String expectedPrevious;
        long checked;
        Break broken;

        Chain(Kind kind, Anchor anchor, Instant from) {
            this.kind = kind;
            this.anchor = anchor;
            if (from == null) {
                expectedSeq = anchor == null ? 1L : anchor.lastSeq() + 1;
                expectedPrevious = anchor == null ? ChainHash.GENESIS : anchor.lastHash();
            }
        }

        void check(AuditRecord record) {
            long seq = record.chain().seq();
            if (expectedSeq == null) {
                // The first record of this chain in the range: it names the record before it.
                expectedSeq = seq;
                if (anchor != null && anchor.lastSeq() == seq - 1) {
                    expectedPrevious = anchor.lastHash();
                } else if (seq == 1) {
                    expectedPrevious = ChainHash.GENESIS;
                } else {
                    Optional<String> before = jdbc.sql("select hash from audit_record where kind = ? and seq = ?")
                            .params(kind.name(), seq - 1).query(String.class).optional();
                    if (before.isEmpty()) {
                        breaks(record, seq, Reason.RECORDS_MISSING,
                                "the record before it (number " + (seq - 1) + ") is missing");
                        return;
                    }
                    expectedPrevious = before.get();
                }
            }
            if (seq != expectedSeq) {
                breaks(record, seq, Reason.RECORDS_MISSING,
                        "records " + expectedSeq + " to " + (seq - 1) + " of the chain are missing");
            } else if (!ChainHash.ofValue(record.canonicalFields()).equals(record.chain().hash())) {
                breaks(record, seq, Reason.CONTENT_CHANGED,
                        "its fields no longer give its hash: it was changed after it was recorded");
            } else if (!record.chain().previousHash().equals(expectedPrevious)) {
                breaks(record, seq, Reason.LINK_BROKEN, "it does not name the hash of the record before it");
            } else {
                checked++;
                expectedPrevious = record.chain().hash();
                expectedSeq++;
            }
        }

        /** At the end of the whole chain: its head must name its last record. */
        void compareWithHead() {
            if (broken != null || expectedSeq == null) {
                return; // broken already, or none of its records are in the range
            }
            Head head = jdbc.sql("select last_seq, last_hash from chain_head where kind = ?").param(kind.name())
                    .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
            if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(expectedPrevious)) {
                breaks(null, expectedSeq, Reason.RECORDS_MISSING, "the chain's head names record " + head.lastSeq()
                        + " but its records stop at number " + (expectedSeq - 1));
            }
        }

        void breaks(AuditRecord record, long seq, Reason reason, String detail) {
            broken = new Break(record == null ? null : record.id(), kind, seq,
                    record == null ? null : record.when().recordedAt(), reason, detail);
        }

        ChainReport report() {
            return new ChainReport(kind, broken == null, checked, anchor == null ? null : anchor.lastSeq(), broken);
        }
    }

    /**
     * The records of the chains in the order they were recorded, each checked by its chain. Stops
     * once the budget is spent and the next record was recorded at a later instant than the last
     * one checked (so that continuing from that instant leaves out nothing and repeats nothing), or
     * once every chain has broken.
     */
    private static final class Walk {

        final Map<Kind, Chain> chains = new EnumMap<>(Kind.class);
        private final long deadline;
        private final long maxRecords;
        long checked;
        Instant lastRecordedAt;
        Instant continueFrom;

        Walk(long deadline, long maxRecords) {
            this.deadline = deadline;
            this.maxRecords = maxRecords;
        }

        void check(AuditRecord record) {
            Instant recordedAt = record.when().recordedAt();
            if (lastRecordedAt != null && !recordedAt.equals(lastRecordedAt)
                    && (checked >= maxRecords || System.nanoTime() > deadline)) {
                continueFrom = recordedAt;
                throw new Stop();
            }
            Chain chain = chains.get(record.kind());
            if (chain.broken == null) {
                chain.check(record);
                checked++;
                if (chain.broken != null && chains.values().stream().allMatch(c -> c.broken != null)) {
                    throw new Stop();
                }
            }
            lastRecordedAt = recordedAt;
        }

        List<ChainReport> reports() {
            return chains.values().stream().map(Chain::report).toList();
        }

        /** Ends the walk early; caught where the walk starts. */
        static final class Stop extends RuntimeException {

            Stop() {
                super(null, null, false, false);
            }
        }
    }

    private record Anchor(long lastSeq, String lastHash) {
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
