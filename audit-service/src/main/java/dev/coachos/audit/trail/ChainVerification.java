package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
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
 * of the record before it (or, after a dropped month, the hash kept in that month's anchor). Each
 * chain is read in one ordered, streamed query, in one snapshot, so appends going on meanwhile
 * neither block nor confuse it. A request stops at its budget (time, and records per chain) and
 * says where to continue.
 */
@Service
public class ChainVerification {

    /** Rows fetched from the server at a time while streaming a chain. */
    private static final int FETCH = 2000;

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
        long deadline = System.nanoTime() + budget.timeBudget().toNanos();
        List<ChainReport> chains = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            chains.add(check(kind, from, to, deadline, budget.maxRecords()));
        }
        Break first = chains.stream().map(ChainReport::firstBroken).filter(Objects::nonNull)
                .min(Comparator.comparing(Break::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null);
        Instant continueFrom = chains.stream().map(ChainReport::continueFrom).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new Verification(first == null, chains.stream().mapToLong(ChainReport::checked).sum(), from, to,
                continueFrom == null, continueFrom, first, List.copyOf(chains));
    }

    /** One kind's chain, from its start (or its anchor) up to {@code to}, however long it takes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainReport verify(Kind kind, Instant to) {
        return check(kind, null, to, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    private ChainReport check(Kind kind, Instant from, Instant to, long deadline, long maxRecords) {
        Optional<Anchor> anchor = jdbc.sql("""
                select last_seq, last_hash from chain_anchor
                where kind = ? and last_seq is not null order by last_seq desc limit 1""")
                .param(kind.name()).query((rs, row) -> new Anchor(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional();
        Long anchoredAfter = anchor.map(Anchor::lastSeq).orElse(null);
        Walk walk;
        if (from == null) {
            walk = new Walk(kind, anchor.map(a -> a.lastSeq() + 1).orElse(1L),
                    anchor.map(Anchor::lastHash).orElse(ChainHash.GENESIS), deadline, maxRecords);
        } else {
            Where range = Where.always().and("r.kind = :kind", "kind", kind.name())
                    .and("r.recorded_at >= :from", "from", AuditTrail.utc(from))
                    .andIfPresent(to == null ? null : AuditTrail.utc(to), "r.recorded_at < :to", "to");
            long first = jdbc.sql("select coalesce(min(r.seq), 0) from audit_record r" + range.sql())
                    .params(range.params()).query(Long.class).single();
            if (first == 0) {
                return new ChainReport(kind, true, 0, anchoredAfter, true, null, null);
            }
            String previous;
            if (anchor.isPresent() && anchor.get().lastSeq() == first - 1) {
                previous = anchor.get().lastHash();
            } else if (first == 1) {
                previous = ChainHash.GENESIS;
            } else {
                Optional<String> before = jdbc.sql("select hash from audit_record where kind = ? and seq = ?")
                        .params(kind.name(), first - 1).query(String.class).optional();
                if (before.isEmpty()) {
                    AuditRecord record = bySeq(kind, first);
                    return new ChainReport(kind, false, 0, anchoredAfter, true, null, at(kind, record, first,
                            Reason.RECORDS_MISSING, "the record before it (number " + (first - 1) + ") is missing"));
                }
                previous = before.get();
            }
            walk = new Walk(kind, first, previous, deadline, maxRecords);
        }
        Where chain = Where.always().and("r.kind = :kind", "kind", kind.name())
                .and("r.seq >= :first", "first", walk.expectedSeq)
                .andIfPresent(to == null ? null : AuditTrail.utc(to), "r.recorded_at < :to", "to");
        try {
            jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r" + chain.sql() + " order by r.seq")
                    .params(chain.params()).withFetchSize(FETCH).query(walk);
        } catch (Walk.Stop stop) {
            // A break found, or the budget spent: the rest of the chain is not read.
        }
        if (walk.broken != null || walk.continueFrom != null) {
            return new ChainReport(kind, walk.broken == null, walk.checked, anchoredAfter, walk.broken != null,
                    walk.continueFrom, walk.broken);
        }
        if (to == null) {
            Head head = jdbc.sql("select last_seq, last_hash from chain_head where kind = ?").param(kind.name())
                    .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
            if (head.lastSeq() != walk.expectedSeq - 1 || !head.lastHash().equals(walk.expectedPrevious)) {
                return new ChainReport(kind, false, walk.checked, anchoredAfter, true, null, at(kind, null,
                        walk.expectedSeq, Reason.RECORDS_MISSING, "the chain's head names record " + head.lastSeq()
                                + " but its records stop at number " + (walk.expectedSeq - 1)));
            }
        }
        return new ChainReport(kind, true, walk.checked, anchoredAfter, true, null, null);
    }

    private AuditRecord bySeq(Kind kind, long seq) {
        return jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r where r.kind = ? and r.seq = ?")
                .params(kind.name(), seq).query(AuditRecord::readRow).single();
    }

    private static Break at(Kind kind, AuditRecord record, long seq, Reason reason, String detail) {
        return new Break(record == null ? null : record.id(), kind, seq,
                record == null ? null : record.when().recordedAt(), reason, detail);
    }

    /**
     * One chain's records in order, each checked against the one before. Stops at the first break,
     * or once the budget is spent and the next record was recorded at a later instant than the last
     * one checked (so that continuing from that instant leaves out nothing and repeats nothing).
     */
    private final class Walk implements RowCallbackHandler {

        private final Kind kind;
        private final long deadline;
        private final long maxRecords;
        long expectedSeq;
        String expectedPrevious;
        long checked;
        Instant lastRecordedAt;
        Break broken;
        Instant continueFrom;

        Walk(Kind kind, long expectedSeq, String expectedPrevious, long deadline, long maxRecords) {
            this.kind = kind;
            this.maxRecords = maxRecords;
            this.expectedSeq = expectedSeq;
            this.expectedPrevious = expectedPrevious;
            this.deadline = deadline;
        }

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            AuditRecord record = AuditRecord.readRow(rs, 0);
            Instant recordedAt = record.when().recordedAt();
            if ((checked >= maxRecords || System.nanoTime() > deadline)
                    && !recordedAt.equals(lastRecordedAt)) {
                continueFrom = recordedAt;
                throw new Stop();
            }
            long seq = record.chain().seq();
            if (seq != expectedSeq) {
                stop(record, seq, Reason.RECORDS_MISSING,
                        "records " + expectedSeq + " to " + (seq - 1) + " of the chain are missing");
            }
            if (!ChainHash.ofValue(record.canonicalFields()).equals(record.chain().hash())) {
                stop(record, seq, Reason.CONTENT_CHANGED,
                        "its fields no longer give its hash: it was changed after it was recorded");
            }
            if (!record.chain().previousHash().equals(expectedPrevious)) {
                stop(record, seq, Reason.LINK_BROKEN, "it does not name the hash of the record before it");
            }
            checked++;
            expectedPrevious = record.chain().hash();
            expectedSeq++;
            lastRecordedAt = recordedAt;
        }

        private void stop(AuditRecord record, long seq, Reason reason, String detail) {
            broken = at(kind, record, seq, reason, detail);
            throw new Stop();
        }

        /** Ends the walk early; caught by {@link ChainVerification#check}. */
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
