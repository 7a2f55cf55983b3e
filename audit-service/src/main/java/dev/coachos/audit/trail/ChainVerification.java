package dev.coachos.audit.trail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * of the record before it (or, after a dropped month, the hash kept in that month's anchor). Reads
 * in chunks in one snapshot, so appends going on meanwhile neither block nor confuse it.
 */
@Service
public class ChainVerification {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    ChainVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every chain, over the records recorded in [from, to) (either end open). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(Instant from, Instant to) {
        AuditQuery.between(from, to); // the same rule for the range as a search
        List<ChainReport> chains = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            chains.add(check(kind, from, to));
        }
        Break first = chains.stream().map(ChainReport::firstBroken).filter(b -> b != null)
                .min(Comparator.comparing(Break::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null);
        return new Verification(first == null, chains.stream().mapToLong(ChainReport::checked).sum(), from, to,
                first, List.copyOf(chains));
    }

    /** One kind's chain, from its start (or its anchor) up to {@code to}. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainReport verify(Kind kind, Instant to) {
        return check(kind, null, to);
    }

    private ChainReport check(Kind kind, Instant from, Instant to) {
        Optional<Anchor> anchor = jdbc.sql("""
                select last_seq, last_hash from chain_anchor
                where kind = ? and last_seq is not null order by last_seq desc limit 1""")
                .param(kind.name()).query((rs, row) -> new Anchor(rs.getLong("last_seq"), rs.getString("last_hash")))
                .optional();
        Long anchoredAfter = anchor.map(Anchor::lastSeq).orElse(null);
        long expectedSeq;
        String expectedPrevious;
        if (from == null) {
            expectedSeq = anchor.map(a -> a.lastSeq() + 1).orElse(1L);
            expectedPrevious = anchor.map(Anchor::lastHash).orElse(ChainHash.GENESIS);
        } else {
            Where range = Where.always().and("r.kind = :kind", "kind", kind.name())
                    .and("r.recorded_at >= :from", "from", AuditTrail.utc(from))
                    .andIfPresent(to == null ? null : AuditTrail.utc(to), "r.recorded_at < :to", "to");
            long first = jdbc.sql("select coalesce(min(r.seq), 0) from audit_record r" + range.sql())
                    .params(range.params()).query(Long.class).single();
            if (first == 0) {
                return new ChainReport(kind, true, 0, anchoredAfter, null);
            }
            expectedSeq = first;
            if (anchor.isPresent() && anchor.get().lastSeq() == first - 1) {
                expectedPrevious = anchor.get().lastHash();
            } else if (first == 1) {
                expectedPrevious = ChainHash.GENESIS;
            } else {
                Optional<String> before = jdbc.sql("select hash from audit_record where kind = ? and seq = ?")
                        .params(kind.name(), first - 1).query(String.class).optional();
                if (before.isEmpty()) {
                    AuditRecord record = bySeq(kind, first);
                    return broken(kind, 0, anchoredAfter, record, first, Reason.RECORDS_MISSING,
                            "the record before it (number " + (first - 1) + ") is missing");
                }
                expectedPrevious = before.get();
            }
        }
        long checked = 0;
        long cursor = expectedSeq - 1;
        while (true) {
            Where chunk = Where.always().and("r.kind = :kind", "kind", kind.name())
                    .and("r.seq > :cursor", "cursor", cursor)
                    .andIfPresent(to == null ? null : AuditTrail.utc(to), "r.recorded_at < :to", "to");
            List<AuditRecord> records = jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r" + chunk.sql()
                    + " order by r.seq limit " + CHUNK).params(chunk.params()).query(AuditRecord::readRow).list();
            for (AuditRecord record : records) {
                long seq = record.chain().seq();
                if (seq != expectedSeq) {
                    return broken(kind, checked, anchoredAfter, record, seq, Reason.RECORDS_MISSING,
                            "records " + expectedSeq + " to " + (seq - 1) + " of the chain are missing");
                }
                if (!ChainHash.ofValue(record.canonicalFields()).equals(record.chain().hash())) {
                    return broken(kind, checked, anchoredAfter, record, seq, Reason.CONTENT_CHANGED,
                            "its fields no longer give its hash: it was changed after it was recorded");
                }
                if (!record.chain().previousHash().equals(expectedPrevious)) {
                    return broken(kind, checked, anchoredAfter, record, seq, Reason.LINK_BROKEN,
                            "it does not name the hash of the record before it");
                }
                checked++;
                expectedPrevious = record.chain().hash();
                expectedSeq++;
                cursor = seq;
            }
            if (records.size() < CHUNK) {
                break;
            }
        }
        if (to == null) {
            Head head = jdbc.sql("select last_seq, last_hash from chain_head where kind = ?").param(kind.name())
                    .query((rs, row) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).single();
            if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(expectedPrevious)) {
                return broken(kind, checked, anchoredAfter, null, expectedSeq, Reason.RECORDS_MISSING,
                        "the chain's head names record " + head.lastSeq() + " but its records stop at number "
                                + (expectedSeq - 1));
            }
        }
        return new ChainReport(kind, true, checked, anchoredAfter, null);
    }

    private AuditRecord bySeq(Kind kind, long seq) {
        return jdbc.sql("select " + AuditRecord.COLUMNS + " from audit_record r where r.kind = ? and r.seq = ?")
                .params(kind.name(), seq).query(AuditRecord::readRow).single();
    }

    private static ChainReport broken(Kind kind, long checked, Long anchoredAfter, AuditRecord record, long seq,
            Reason reason, String detail) {
        Break at = new Break(record == null ? null : record.id(), kind, seq,
                record == null ? null : record.when().recordedAt(), reason, detail);
        return new ChainReport(kind, false, checked, anchoredAfter, at);
    }

    private record Anchor(long lastSeq, String lastHash) {
    }

    private record Head(long lastSeq, String lastHash) {
    }
}
