package dev.coachos.audit.trail;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of each kind's records ({@code audit_record_<kind>_<yyyy>_<mm>}, months in
 * UTC). The service's role may not create or drop tables; it asks the schema owner's functions
 * {@code ensure_audit_month} and {@code drop_audit_month} to.
 */
@Service
public class Partitions {

    private static final Pattern NAME = Pattern.compile("audit_record_([a-z]+)_(\\d{4})_(\\d{2})");

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    /** Months known to have their partition, so that appends ask the database only once a month. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Partitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Makes sure the month of {@code at} (UTC) has its partition for this kind. */
    public void ensure(Kind kind, Instant at) {
        ensure(kind, YearMonth.from(at.atZone(ZoneOffset.UTC)));
    }

    /** Makes sure the month has its partition for this kind, in a short transaction of its own. */
    public void ensure(Kind kind, YearMonth month) {
        String key = kind + ":" + month;
        if (known.contains(key)) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            // Creating a partition waits for readers of the parent table; never for long.
            jdbc.sql("set local lock_timeout = '10s'").update();
            jdbc.sql("select ensure_audit_month(?, ?)").params(kind.name(), month.atDay(1)).query(String.class)
                    .single();
        });
        known.add(key);
    }

    /** The months that have a partition for this kind, oldest first. */
    public List<YearMonth> months(Kind kind) {
        return jdbc.sql("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = to_regclass(?) order by c.relname""")
                .param("audit_record_" + kind.name().toLowerCase(java.util.Locale.ROOT))
                .query(String.class).list().stream()
                .map(NAME::matcher).filter(Matcher::matches)
                .map(m -> YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                .toList();
    }

    /**
     * Drops one month of one kind (the oldest there is), leaving an anchor with its last record's
     * number and hash; answers how many records went.
     */
    public long drop(Kind kind, YearMonth month) {
        Long dropped = ownTransaction.execute(status -> {
            // Dropping a month waits for readers of its kind's table (a long verify); not for ever.
            jdbc.sql("set local lock_timeout = '30s'").update();
            return jdbc.sql("select drop_audit_month(?, ?)").params(kind.name(), month.atDay(1)).query(rs -> {
                rs.next();
                long count = rs.getLong(1);
                return rs.wasNull() ? 0L : count;
            });
        });
        known.remove(kind + ":" + month);
        return dropped == null ? 0 : dropped;
    }
}
