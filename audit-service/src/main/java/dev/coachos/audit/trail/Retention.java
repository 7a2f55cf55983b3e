package dev.coachos.audit.trail;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.coachos.audit.trail.Verification.ChainReport;

/**
 * Keeps the partitions in order: this month's and next month's exist for every kind before a
 * record needs them, and a kind kept for N months loses, whole, each month that ended more than N
 * months ago, oldest first, and only after its chain up to that month's end verified intact (a
 * broken chain stops retention for its kind until someone looks). Each dropped month leaves an
 * anchor from which verification continues.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Partitions partitions;
    private final ChainVerification verification;
    private final AuditSettings settings;
    private final Clock clock;

    Retention(Partitions partitions, ChainVerification verification, AuditSettings settings, Clock clock) {
        this.partitions = partitions;
        this.verification = verification;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates this month's and next month's partition of every kind where missing. */
    public void prepareMonths() {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (Kind kind : Kind.values()) {
            partitions.ensure(kind, current);
            partitions.ensure(kind, current.plusMonths(1));
        }
    }

    /** Drops every month past its kind's retention; answers what it dropped. */
    public List<Dropped> apply() {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<Dropped> dropped = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Integer keep = settings.retention().months(kind);
            if (keep == null) {
                continue;
            }
            YearMonth cutoff = current.minusMonths(keep);
            for (YearMonth month : partitions.months(kind)) {
                if (!month.isBefore(cutoff)) {
                    break;
                }
                ChainReport report = verification.verify(kind,
                        month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                if (!report.intact()) {
                    log.error("{} records of {} are past their retention but not dropped: the chain breaks at {} ({})",
                            kind, month, report.firstBroken().seq(), report.firstBroken().detail());
                    break;
                }
                long records = partitions.drop(kind, month);
                log.info("Dropped {} {} record(s) of {} (kept {} months); the chain continues from its anchor",
                        records, kind, month, keep);
                dropped.add(new Dropped(kind, month, records));
            }
        }
        return dropped;
    }

    /** One month of one kind, dropped with its records. */
    public record Dropped(Kind kind, YearMonth month, long records) {
    }
}
