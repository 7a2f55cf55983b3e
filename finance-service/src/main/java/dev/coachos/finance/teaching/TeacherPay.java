package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.coachos.finance.money.Money;

/**
 * What the batches of a branch pay their teachers for a month. For each period a teacher held a
 * batch within the month (and within the batch's own dates):
 * <ul>
 * <li>the batch's fixed monthly compensation, prorated by the days held over the days of the month;</li>
 * <li>its per-student commission, once a month for each student whose enrollment was ACTIVE in the month,
 * shared between the teachers who held the batch on the student's active days in proportion to those
 * days (a student active 21 days, 6 of them under one teacher and 15 under the next, earns the first
 * 6/21 of the commission and the second 15/21): a handover or a transfer never pays a student's
 * commission twice, and the teachers' parts of a batch's commission add up to the whole rounded once
 * (largest remainder, see {@link PayDays#split}): three teachers with a third each of 100.00 are paid
 * 33.34, 33.33 and 33.33;</li>
 * <li>its session rate (finance's setting; none: nothing) times the sessions held on those days, a
 * session being a day with attendance marked.</li>
 * </ul>
 * A teacher who held a batch more than once in the month gets one line of each kind for it, each
 * session counted once. Each amount is rounded once, HALF_UP to the paisa. Pay from a batch is paid in the payroll run of
 * the batch's branch (head office: batches without a branch). A cancelled batch pays for the days it
 * was held before it was cancelled (cancelling closes its teacher's period, see
 * {@link BatchPayReadModel}).
 */
@Component
public class TeacherPay {

    /** One line of a teacher's slip from one batch. */
    public record Line(UUID batchId, String batchName, String code, String name, BigDecimal amount, String basis) {
    }

    private final JdbcClient jdbc;

    TeacherPay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The teachers who held a batch of the branch (null: head office) on any day of the month. */
    public Set<UUID> teachers(UUID branchId, YearMonth month) {
        return new TreeSet<>(jdbc.sql("""
                select distinct t.teacher_id from batch_teacher t join batch_pay b on b.batch_id = t.batch_id
                where b.branch_id is not distinct from :branch
                  and t.from_date <= :last and (t.to_date is null or t.to_date >= :first)
                  and (b.start_date is null or b.start_date <= :last) and (b.end_date is null or b.end_date >= :first)""")
                .param("branch", branchId).param("first", month.atDay(1)).param("last", month.atEndOfMonth())
                .query(UUID.class).list());
    }

    /** The lines a teacher earns from the branch's batches in the month, batch by batch. */
    public List<Line> lines(UUID teacherId, UUID branchId, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Held> held = jdbc.sql("""
                select b.batch_id, b.name, b.teacher_compensation, b.teacher_commission, b.session_rate,
                       greatest(t.from_date, :first, coalesce(b.start_date, :first)) as held_from,
                       least(coalesce(t.to_date, :last), :last, coalesce(b.end_date, :last)) as held_to
                from batch_teacher t join batch_pay b on b.batch_id = t.batch_id
                where t.teacher_id = :teacher and b.branch_id is not distinct from :branch
                  and t.from_date <= :last and (t.to_date is null or t.to_date >= :first)
                  and (b.start_date is null or b.start_date <= :last) and (b.end_date is null or b.end_date >= :first)
                order by b.name, b.batch_id, t.from_date""")
                .param("teacher", teacherId).param("branch", branchId).param("first", first).param("last", last)
                .query((rs, n) -> new Held(rs.getObject("batch_id", UUID.class), rs.getString("name"),
                        rs.getBigDecimal("teacher_compensation"), rs.getBigDecimal("teacher_commission"),
                        rs.getBigDecimal("session_rate"), rs.getObject("held_from", LocalDate.class),
                        rs.getObject("held_to", LocalDate.class)))
                .list();
        // A teacher may hold a batch more than once in a month (handed over and back): one line per
        // kind and batch, over all the days they held it, each student and session counted once.
        Map<UUID, List<Held>> byBatch = new LinkedHashMap<>();
        for (Held h : held) {
            if (!h.to().isBefore(h.from())) {
                byBatch.computeIfAbsent(h.batchId(), b -> new ArrayList<>()).add(h);
            }
        }
        List<Line> lines = new ArrayList<>();
        int daysInMonth = month.lengthOfMonth();
        for (List<Held> periods : byBatch.values()) {
            Held h = periods.get(0);
            long days = periods.stream().mapToLong(p -> p.to().toEpochDay() - p.from().toEpochDay() + 1).sum();
            if (h.compensation() != null && h.compensation().signum() > 0) {
                BigDecimal amount = h.compensation().multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(daysInMonth), Money.SCALE, RoundingMode.HALF_UP);
                lines.add(new Line(h.batchId(), h.name(), "BATCH_FIXED", "Batch pay: " + h.name(), amount,
                        days == daysInMonth ? "monthly compensation " + h.compensation().toPlainString()
                                : "monthly compensation " + h.compensation().toPlainString() + " x " + days + "/"
                                        + daysInMonth + " days"));
            }
            if (h.commission() != null && h.commission().signum() > 0) {
                Commission share = commission(teacherId, h.batchId(), h.commission(), first, last);
                if (share.share().students() > 0) {
                    lines.add(new Line(h.batchId(), h.name(), "BATCH_COMMISSION", "Commission: " + h.name(),
                            share.amount(), share.share().basis(h.commission())));
                }
            }
            if (h.sessionRate() != null && h.sessionRate().signum() > 0) {
                long sessions = jdbc.sql("""
                        select session_date from batch_session
                        where batch_id = :batch and session_date between :first and :last""")
                        .param("batch", h.batchId()).param("first", first).param("last", last)
                        .query(LocalDate.class).list().stream()
                        .filter(day -> periods.stream().anyMatch(p -> !day.isBefore(p.from()) && !day.isAfter(p.to())))
                        .count();
                if (sessions > 0) {
                    lines.add(new Line(h.batchId(), h.name(), "BATCH_SESSIONS", "Sessions: " + h.name(),
                            Money.of(h.sessionRate().multiply(BigDecimal.valueOf(sessions))),
                            sessions + " sessions x " + h.sessionRate().toPlainString()));
                }
            }
        }
        return lines;
    }

    /** A teacher's share of a batch's commission, and what it pays. */
    private record Commission(PayDays.CommissionShare share, BigDecimal amount) {
    }

    /**
     * The teacher's share of the batch's commission in the month and its amount: every teacher's periods
     * of the batch (within the month and the batch's dates) against its students' ACTIVE days, see
     * {@link PayDays#commissionShare}; the batch's commission is split between all of them with
     * {@link PayDays#split}, so the teachers' parts add up to the whole.
     */
    private Commission commission(UUID teacherId, UUID batchId, BigDecimal commission, LocalDate first,
            LocalDate last) {
        List<Period> held = jdbc.sql("""
                select t.teacher_id,
                       greatest(t.from_date, :first, coalesce(b.start_date, :first)) as held_from,
                       least(coalesce(t.to_date, :last), :last, coalesce(b.end_date, :last)) as held_to
                from batch_teacher t join batch_pay b on b.batch_id = t.batch_id
                where t.batch_id = :batch and t.from_date <= :last and (t.to_date is null or t.to_date >= :first)""")
                .param("batch", batchId).param("first", first).param("last", last)
                .query((rs, n) -> new Period(rs.getObject("teacher_id", UUID.class),
                        rs.getObject("held_from", LocalDate.class), rs.getObject("held_to", LocalDate.class)))
                .list();
        Map<UUID, Set<Long>> teacherDays = new TreeMap<>();
        Set<Long> heldDays = new HashSet<>();
        for (Period period : held) {
            Set<Long> days = PayDays.days(period.from(), period.to(), first, last);
            heldDays.addAll(days);
            teacherDays.computeIfAbsent(period.id(), t -> new HashSet<>()).addAll(days);
        }
        List<Period> seats = jdbc.sql("""
                select enrollment_id, from_date, to_date from seat_period
                where batch_id = :batch and from_date <= :last and (to_date is null or to_date >= :first)""")
                .param("batch", batchId).param("first", first).param("last", last)
                .query((rs, n) -> new Period(rs.getObject("enrollment_id", UUID.class),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class)))
                .list();
        // A student may have left the batch and come back: their active days are all their seats' days.
        Map<UUID, Set<Long>> students = new LinkedHashMap<>();
        for (Period seat : seats) {
            students.computeIfAbsent(seat.id(), e -> new HashSet<>()).addAll(PayDays.days(seat.from(), seat.to(), first,
                    last));
        }
        Map<UUID, PayDays.CommissionShare> shares = new TreeMap<>();
        for (Map.Entry<UUID, Set<Long>> teacher : teacherDays.entrySet()) {
            shares.put(teacher.getKey(), PayDays.commissionShare(teacher.getValue(), heldDays, students.values()));
        }
        PayDays.CommissionShare mine = shares.getOrDefault(teacherId, PayDays.CommissionShare.NONE);
        return new Commission(mine, PayDays.split(shares, commission).getOrDefault(teacherId, Money.ZERO));
    }

    /** A teacher's period holding a batch, or an enrollment's seat in it (to: null while open). */
    private record Period(UUID id, LocalDate from, LocalDate to) {
    }

    private record Held(UUID batchId, String name, BigDecimal compensation, BigDecimal commission,
            BigDecimal sessionRate, LocalDate from, LocalDate to) {
    }
}
