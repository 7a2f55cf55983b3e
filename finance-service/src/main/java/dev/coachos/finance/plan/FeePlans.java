package dev.coachos.finance.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.finance.FeePlanCreated;
import dev.coachos.finance.FinanceEvents;
import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.Reach;
import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.finance.money.Money;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Fee plans: raised once per enrollment from its fee, frequency and discount; ended with the
 * enrollment (installments not yet due are cancelled, nothing paid changes); re-split and waived
 * by back office. Every change to a plan's installments locks the plan's row first, so payments and
 * re-splits of one plan take turns.
 */
@Service
public class FeePlans {

    private static final Sorting SORTING = Sorting.of(Map.of("createdAt", "p.created_at", "pending", "t.pending",
            "courseTitle", "p.course_title"), "p.created_at desc", "p.id");

    /** What an open installment still asks, summed: the one definition of "pending". */
    static final String TOTALS = """
            left join lateral (
                select coalesce(sum(i.amount) filter (where i.status in ('DUE', 'PARTIALLY_PAID', 'PAID')), 0) as total,
                       coalesce(sum(i.paid) filter (where i.status in ('DUE', 'PARTIALLY_PAID', 'PAID')), 0) as paid,
                       coalesce(sum(i.amount - i.paid) filter (where i.status in ('DUE', 'PARTIALLY_PAID')), 0) as pending,
                       coalesce(sum(i.amount - i.paid) filter (where i.status in ('DUE', 'PARTIALLY_PAID')
                                                                and i.due_date < :today), 0) as overdue
                from installment i where i.plan_id = p.id) t on true""";

    private static final String PLAN_COLUMNS = """
            p.id, p.enrollment_id, p.student_id, s.name as student_name, p.branch_id, p.course_id, p.batch_id,
            p.course_title, p.batch_name, p.frequency, p.fee, p.discount_type, p.discount, p.net_fee, p.status,
            p.created_at, t.total, t.paid, t.pending, t.overdue""";

    private static final String PLAN_FROM = "fee_plan p left join student_view s on s.student_id = p.student_id "
            + TOTALS;

    private final JdbcClient jdbc;
    private final FinanceEvents events;
    private final FinanceSettings settings;
    private final Clock clock;

    FeePlans(JdbcClient jdbc, FinanceEvents events, FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today in the institute's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    /**
     * Raises the plan of a new enrollment, once: the enrollment's id is unique, so a redelivered
     * event finds the plan there and changes nothing. A monthly plan runs between its batch's dates,
     * which the event carries; an event published before it carried them takes them from the batch's
     * own events, and is retried until the batch is known here.
     */
    @Transactional
    public void raise(NewPlan plan) {
        if (jdbc.sql("select 1 from fee_plan where enrollment_id = ?").param(plan.enrollmentId()).query(Integer.class)
                .optional().isPresent()) {
            return;
        }
        LocalDate enrolledOn = LocalDate.ofInstant(plan.enrolledAt(), settings.zone());
        LocalDate batchStart = enrolledOn;
        LocalDate batchEnd = null;
        if (plan.frequency() == FeeSchedule.Frequency.MONTHLY && plan.batchStart() != null) {
            batchStart = plan.batchStart();
            batchEnd = plan.batchEnd();
        } else if (plan.frequency() == FeeSchedule.Frequency.MONTHLY) {
            record Dates(LocalDate start, LocalDate end) {
            }
            Dates dates = jdbc.sql("select start_date, end_date from batch_view where batch_id = ?")
                    .param(plan.batchId())
                    .query((rs, n) -> new Dates(rs.getObject("start_date", LocalDate.class),
                            rs.getObject("end_date", LocalDate.class)))
                    .optional()
                    .orElseThrow(() -> new IncomingEvent.NotYetApplicable("batch " + plan.batchId() + " is not known yet"));
            batchStart = dates.start() == null ? enrolledOn : dates.start();
            batchEnd = dates.end();
        }
        List<FeeSchedule.Installment> schedule;
        try {
            schedule = FeeSchedule.plan(plan.netFee(), plan.frequency(), enrolledOn, batchStart, batchEnd,
                    settings.monthsWithoutEnd());
        } catch (IllegalArgumentException e) {
            // The batch ended before this enrollment's first month, say: one installment due now, so
            // nothing owed is lost and back office can re-split it.
            schedule = FeeSchedule.plan(plan.netFee(), FeeSchedule.Frequency.ONE_TIME, enrolledOn, enrolledOn, null, 1);
        }
        UUID planId = UuidV7.next();
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                insert into fee_plan (id, enrollment_id, student_id, branch_id, course_id, batch_id, course_title,
                    batch_name, frequency, fee, discount_type, discount, net_fee, status, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 0)
                on conflict (enrollment_id) do nothing""")
                .params(planId, plan.enrollmentId(), plan.studentId(), plan.branchId(), plan.courseId(), plan.batchId(),
                        plan.courseTitle(), plan.batchName(), plan.frequency().name(), plan.fee(), plan.discountType(),
                        plan.discount(), plan.netFee(), now, now)
                .update();
        if (inserted == 0) {
            return;
        }
        insertInstallments(planId, plan.studentId(), plan.branchId(), 1, schedule, "FEE", null, now);
        events.feePlanCreated(new FeePlanCreated(planId.toString(), plan.enrollmentId().toString(),
                plan.studentId().toString(), plan.branchId() == null ? null : plan.branchId().toString(),
                plan.courseTitle(), plan.batchName(), plan.frequency().name(), Money.of(plan.netFee()).toPlainString(),
                schedule.size(), schedule.getFirst().dueDate().toString()));
    }

    private void insertInstallments(UUID planId, UUID studentId, UUID branchId, int firstSeq,
            List<FeeSchedule.Installment> schedule, String kind, String note, Timestamp now) {
        int seq = firstSeq;
        for (FeeSchedule.Installment part : schedule) {
            // A part of nothing (a full discount) is settled from the start.
            String status = part.amount().signum() == 0 ? "PAID" : "DUE";
            jdbc.sql("""
                    insert into installment (id, plan_id, seq, kind, student_id, branch_id, due_date, amount, paid, status,
                        note, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                    .params(UuidV7.next(), planId, seq++, kind, studentId, branchId, part.dueDate(), part.amount(),
                            status, note, now, now)
                    .update();
        }
    }

    /**
     * The enrollment ended (DROPPED or COMPLETED): installments not yet due are cancelled; one
     * partly paid keeps what was paid and asks no more. Anything due already stays owed.
     */
    @Transactional
    public void enrollmentEnded(UUID enrollmentId, String status, String reason) {
        Optional<UUID> planId = jdbc.sql("select id from fee_plan where enrollment_id = ? for update")
                .param(enrollmentId).query(UUID.class).optional();
        if (planId.isEmpty()) {
            // No plan was raised (the enrollment came before this service): nothing to end.
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String note = "enrollment " + status.toLowerCase() + (reason == null || reason.isBlank() ? "" : ": " + reason);
        note = note.length() > 300 ? note.substring(0, 300) : note;
        jdbc.sql("""
                update installment set status = 'CANCELLED', note = ?, closed_at = ?, updated_at = ?
                where plan_id = ? and status = 'DUE' and paid = 0 and due_date > ?""")
                .params(note, now, now, planId.get(), today()).update();
        jdbc.sql("""
                update installment set amount = paid, status = 'PAID', note = ?, closed_at = ?, updated_at = ?
                where plan_id = ? and status = 'PARTIALLY_PAID' and due_date > ?""")
                .params(note, now, now, planId.get(), today()).update();
        jdbc.sql("update fee_plan set status = 'ENDED', ended_reason = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(note, now, planId.get()).update();
    }

    @Transactional(readOnly = true)
    public FeePlan get(UUID id, Caller caller) {
        FeePlan plan = find(id).orElseThrow(() -> Problems.notFound("fee plan", id));
        Reach.requireRead(caller, "fee plan", id, plan.studentId(), plan.branchId());
        return plan;
    }

    Optional<FeePlan> find(UUID id) {
        LocalDate today = today();
        return jdbc.sql("select " + PLAN_COLUMNS + " from " + PLAN_FROM + " where p.id = :id")
                .param("id", id).param("today", today)
                .query((rs, n) -> summary(rs))
                .optional()
                .map(p -> withInstallments(p, installments(id, today)));
    }

    List<Installment> installments(UUID planId, LocalDate today) {
        return jdbc.sql("select " + Installment.COLUMNS + " from installment i where i.plan_id = ? order by i.seq")
                .param(planId).query((rs, n) -> Installment.read(rs, today)).list();
    }

    /** Plans in the caller's reach: a student's own; staff's of their branch (or every branch). */
    @Transactional(readOnly = true)
    public PageResponse<FeePlan> list(UUID studentId, UUID branchId, String status, Caller caller, Paging paging) {
        Where where = Where.always().param("today", today());
        if (Reach.isStudent(caller)) {
            where.and("p.student_id = :me", "me", caller.userId());
        } else {
            if (!caller.can("read:fees") && !caller.can("manage:fees")) {
                throw Problems.forbidden("Listing fee plans needs read:fees");
            }
            if (!caller.seesAllBranches()) {
                where.and("p.branch_id = :reach", "reach", caller.branchId().orElse(null));
            }
            where.andIfPresent(branchId, "p.branch_id = :branch", "branch");
            where.andIfPresent(studentId, "p.student_id = :student", "student");
        }
        where.andIfPresent(status, "p.status = :status", "status");
        return PagedQuery.page(jdbc, PLAN_COLUMNS, PLAN_FROM, where, SORTING, paging, (rs, n) -> summary(rs));
    }

    private static FeePlan summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FeePlan(rs.getObject("id", UUID.class), rs.getObject("enrollment_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getString("student_name"),
                rs.getObject("branch_id", UUID.class), rs.getObject("course_id", UUID.class),
                rs.getObject("batch_id", UUID.class), rs.getString("course_title"), rs.getString("batch_name"),
                rs.getString("frequency"), rs.getBigDecimal("fee"), rs.getString("discount_type"),
                rs.getBigDecimal("discount"), rs.getBigDecimal("net_fee"), rs.getString("status"),
                Money.of(rs.getBigDecimal("total")), Money.of(rs.getBigDecimal("paid")),
                Money.of(rs.getBigDecimal("pending")), Money.of(rs.getBigDecimal("overdue")),
                rs.getTimestamp("created_at").toInstant(), List.of());
    }

    private static FeePlan withInstallments(FeePlan p, List<Installment> installments) {
        return new FeePlan(p.id(), p.enrollmentId(), p.studentId(), p.studentName(), p.branchId(), p.courseId(),
                p.batchId(), p.courseTitle(), p.batchName(), p.frequency(), p.fee(), p.discountType(), p.discount(),
                p.netFee(), p.status(), p.total(), p.paid(), p.pending(), p.overdue(), p.createdAt(), installments);
    }

    /**
     * Re-splits what is unpaid of a plan: the open installments are SUPERSEDED (what was paid on
     * them stays theirs) and the balance becomes the new parts, which add up to it to the paisa.
     */
    @Transactional
    public FeePlan resplit(UUID planId, Resplit request, Caller caller) {
        Locked plan = lock(planId);
        Reach.requireManage(caller, "fee plan", planId, plan.studentId(), plan.branchId());
        record Open(UUID id, BigDecimal amount, BigDecimal paid) {
        }
        List<Open> open = jdbc.sql("""
                select id, amount, paid from installment where plan_id = ? and status in ('DUE', 'PARTIALLY_PAID')
                order by due_date, seq""").param(planId)
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("paid")))
                .list();
        BigDecimal unpaid = open.stream().map(o -> o.amount().subtract(o.paid())).reduce(Money.ZERO, BigDecimal::add);
        if (unpaid.signum() == 0) {
            throw Problems.raise(HttpStatus.UNPROCESSABLE_CONTENT, Problems.type("nothing-to-resplit"),
                    "Nothing to re-split", "Fee plan " + planId + " has no unpaid balance");
        }
        List<FeeSchedule.Installment> parts;
        try {
            parts = request.parts() != null && !request.parts().isEmpty()
                    ? FeeSchedule.resplit(unpaid, request.parts().stream()
                            .map(p -> new FeeSchedule.Part(p.dueDate(), p.amount())).toList())
                    : FeeSchedule.evenly(unpaid, request.count() == null ? 0 : request.count(),
                            request.firstDueDate() == null ? today() : request.firstDueDate());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(request.parts() != null && !request.parts().isEmpty() ? "parts" : "count",
                    e.getMessage() + " (the unpaid balance is " + unpaid.toPlainString() + ")");
        }
        Timestamp now = Timestamp.from(clock.instant());
        String note = "re-split on " + today() + " by " + caller.userId();
        for (Open o : open) {
            jdbc.sql("""
                    update installment set status = 'SUPERSEDED', note = ?, closed_by = ?, closed_at = ?, updated_at = ?
                    where id = ?""").params(note, caller.userId(), now, now, o.id()).update();
        }
        int nextSeq = jdbc.sql("select coalesce(max(seq), 0) + 1 from installment where plan_id = ?").param(planId)
                .query(Integer.class).single();
        insertInstallments(planId, plan.studentId(), plan.branchId(), nextSeq, parts, "FEE", "re-split", now);
        touch(planId, now);
        return find(planId).orElseThrow();
    }

    /** Waives what is unpaid of an installment, with a reason; what was paid on it stays. */
    @Transactional
    public Installment waive(UUID installmentId, String reason, Caller caller) {
        UUID planId = jdbc.sql("select plan_id from installment where id = ?").param(installmentId).query(UUID.class)
                .optional().orElseThrow(() -> Problems.notFound("installment", installmentId));
        Locked plan = lock(planId);
        // waive:fees on its own (a role may forgive fees without taking payments); manage:fees includes it.
        if (!caller.can("waive:fees") || !caller.reaches(Optional.ofNullable(plan.branchId()))) {
            Reach.requireRead(caller, "installment", installmentId, plan.studentId(), plan.branchId());
            throw Problems.forbidden("Waiving an installment needs waive:fees for its branch");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                update installment set status = 'WAIVED', note = ?, closed_by = ?, closed_at = ?, updated_at = ?
                where id = ? and status in ('DUE', 'PARTIALLY_PAID')""")
                .params(reason.strip(), caller.userId(), now, now, installmentId).update();
        if (changed == 0) {
            throw Problems.raise(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                    "Installment " + installmentId + " is not open: only a DUE, PARTIALLY_PAID or OVERDUE one can be waived");
        }
        touch(planId, now);
        LocalDate today = today();
        return jdbc.sql("select " + Installment.COLUMNS + " from installment i where i.id = ?").param(installmentId)
                .query((rs, n) -> Installment.read(rs, today)).single();
    }

    /** Locks a plan's row for a change of its installments; 404 when there is none. */
    public Locked lock(UUID planId) {
        return jdbc.sql("select id, student_id, branch_id, status from fee_plan where id = ? for update").param(planId)
                .query((rs, n) -> new Locked(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                        rs.getObject("branch_id", UUID.class), rs.getString("status")))
                .optional().orElseThrow(() -> Problems.notFound("fee plan", planId));
    }

    /** Marks a plan changed (its version counts changes of its installments). */
    public void touch(UUID planId, Timestamp now) {
        jdbc.sql("update fee_plan set updated_at = ?, version = version + 1 where id = ?").params(now, planId).update();
    }

    /** A plan's row, locked. */
    public record Locked(UUID id, UUID studentId, UUID branchId, String status) {
    }

    /** A plan to raise, from EnrollmentCreated. */
    public record NewPlan(UUID enrollmentId, UUID studentId, UUID courseId, String courseTitle, UUID batchId,
            String batchName, UUID branchId, BigDecimal fee, FeeSchedule.Frequency frequency, String discountType,
            BigDecimal discount, BigDecimal netFee, Instant enrolledAt, LocalDate batchStart, LocalDate batchEnd) {
    }

    /**
     * A re-split: either {@code parts} (each a due date and an amount, adding up to the unpaid balance),
     * or {@code count} parts a month apart from {@code firstDueDate} (today when absent), evenly.
     */
    public record Resplit(List<ResplitPart> parts, Integer count, LocalDate firstDueDate) {

        public Resplit {
            parts = parts == null ? null : new ArrayList<>(parts);
        }
    }

    public record ResplitPart(LocalDate dueDate, BigDecimal amount) {
    }
}
