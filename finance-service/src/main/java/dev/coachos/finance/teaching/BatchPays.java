package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.money.Money;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Batches' pay terms for payroll staff (the session rate is set here), and the teacher-pay preview:
 * what {@link TeacherPay} will put on a teacher's slips for a month, for checking before a run. Every
 * read is within the caller's branch reach; a batch of another branch is a 404.
 */
@Service
public class BatchPays {

    /** numeric(12,2): the largest amount a column holds. */
    private static final BigDecimal MOST = new BigDecimal("9999999999.99");

    private final JdbcClient jdbc;
    private final TeacherPay teacherPay;
    private final FinanceSettings settings;
    private final Clock clock;

    BatchPays(JdbcClient jdbc, TeacherPay teacherPay, FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.teacherPay = teacherPay;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sets the batch's pay per session held ({@code null}: sessions are not paid). */
    @Transactional
    public BatchPayView setSessionRate(UUID batchId, BigDecimal rate, Caller caller) {
        BigDecimal exact = null;
        if (rate != null) {
            try {
                exact = Money.requireNonNegative(rate, "rate");
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("rate", e.getMessage());
            }
            if (exact.compareTo(MOST) > 0) {
                throw Problems.invalidField("rate", "must be at most " + MOST.toPlainString());
            }
        }
        jdbc.sql("select branch_id from batch_pay where batch_id = ? for update")
                .param(batchId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                .filter(caller::reaches).orElseThrow(() -> Problems.notFound("batch", batchId));
        // The rate is pay: like every other part of one's own pay, someone else sets it.
        boolean ownBatch = jdbc.sql("select exists (select 1 from batch_teacher where batch_id = ? and teacher_id = ?)")
                .params(batchId, caller.userId()).query(Boolean.class).single();
        if (ownBatch) {
            throw Problems.forbidden("You hold or held this batch: its session rate is set by someone else in payroll");
        }
        jdbc.sql("update batch_pay set session_rate = ?, updated_at = ? where batch_id = ?")
                .params(exact, Timestamp.from(clock.instant()), batchId).update();
        return view(batchId, thisMonth());
    }

    /** A batch's terms, teachers and the month's sessions and active students (default: this month). */
    @Transactional(readOnly = true)
    public BatchPayView get(UUID batchId, String month, Caller caller) {
        YearMonth when = month(month, false);
        return jdbc.sql("select branch_id from batch_pay where batch_id = ?").param(batchId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).optional()
                .filter(caller::reaches).map(branch -> view(batchId, when))
                .orElseThrow(() -> Problems.notFound("batch", batchId));
    }

    /** The batches in the caller's reach (of one branch when given), by name. */
    @Transactional(readOnly = true)
    public List<BatchPayView> list(UUID branchId, String month, Caller caller) {
        YearMonth when = month(month, false);
        List<UUID> ids = jdbc.sql("""
                select batch_id from batch_pay
                where (cast(:branch as uuid) is null or branch_id = :branch)
                  and (:all or branch_id = :own)
                order by name, batch_id""")
                .param("branch", branchId).param("all", caller.seesAllBranches())
                .param("own", caller.branchId().orElse(null)).query(UUID.class).list();
        List<BatchPayView> views = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            views.add(view(id, when));
        }
        return views;
    }

    /**
     * The preview of a teacher's pay for a month: {@code teacherId} is a user id or {@code me}. Payroll
     * readers (read:payroll) see the teachers of the branches in their reach (one branch when given);
     * a teacher sees their own from every branch. Anyone else's: 404.
     */
    @Transactional(readOnly = true)
    public TeacherPayPreview preview(String teacherId, String month, UUID branchId, Caller caller) {
        if (teacherId == null || teacherId.isBlank()) {
            throw Problems.invalidField("teacherId", "is required: a teacher's user id, or me");
        }
        UUID teacher;
        if ("me".equals(teacherId.strip())) {
            teacher = caller.userId();
        } else {
            try {
                teacher = UUID.fromString(teacherId.strip());
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("teacherId", "must be a user id or me");
            }
        }
        YearMonth when = month(month, true);
        boolean own = caller.is(teacher);
        boolean payroll = caller.can("read:payroll");
        if (!own && !payroll) {
            throw Problems.notFound("teacher pay", teacher);
        }
        if (branchId != null && !own && !caller.reaches(Optional.of(branchId))) {
            throw Problems.notFound("teacher pay", teacher);
        }
        List<Optional<UUID>> branches = jdbc.sql("""
                select distinct b.branch_id from batch_teacher t join batch_pay b on b.batch_id = t.batch_id
                where t.teacher_id = :teacher and t.from_date <= :last and (t.to_date is null or t.to_date >= :first)""")
                .param("teacher", teacher).param("first", when.atDay(1)).param("last", when.atEndOfMonth())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class))).list();
        List<TeacherPayPreview.Line> lines = new ArrayList<>();
        branches.stream()
                .filter(b -> branchId == null || b.equals(Optional.of(branchId)))
                .filter(b -> own || caller.reaches(b))
                .sorted(Comparator.comparing(b -> b.map(UUID::toString).orElse("")))
                .forEach(b -> teacherPay.lines(teacher, b.orElse(null), when).forEach(l -> lines.add(
                        new TeacherPayPreview.Line(b.orElse(null), l.batchId(), l.batchName(), l.code(), l.name(),
                                l.amount(), l.basis()))));
        BigDecimal total = lines.stream().map(TeacherPayPreview.Line::amount).reduce(Money.ZERO, BigDecimal::add);
        String name = jdbc.sql("select name from payee_view where user_id = ?").param(teacher).query(String.class)
                .optional().orElse(null);
        return new TeacherPayPreview(teacher, name, when, lines, total);
    }

    private BatchPayView view(UUID batchId, YearMonth month) {
        List<BatchPayView.TeacherPeriod> teachers = jdbc.sql("""
                select t.teacher_id, p.name, t.from_date, t.to_date from batch_teacher t
                left join payee_view p on p.user_id = t.teacher_id
                where t.batch_id = ? order by t.from_date""").param(batchId)
                .query((rs, n) -> new BatchPayView.TeacherPeriod(rs.getObject("teacher_id", UUID.class),
                        rs.getString("name"), rs.getObject("from_date", LocalDate.class),
                        rs.getObject("to_date", LocalDate.class)))
                .list();
        UUID current = teachers.stream().filter(t -> t.to() == null).map(BatchPayView.TeacherPeriod::teacherId)
                .findFirst().orElse(null);
        return jdbc.sql("""
                select b.*,
                    (select count(*) from batch_session s where s.batch_id = b.batch_id
                       and s.session_date between greatest(:first, coalesce(b.start_date, :first))
                                              and least(:last, coalesce(b.end_date, :last))) as sessions,
                    (select count(distinct p.enrollment_id) from seat_period p where p.batch_id = b.batch_id
                       and p.from_date <= least(:last, coalesce(b.end_date, :last))
                       and (p.to_date is null or p.to_date >= greatest(:first, coalesce(b.start_date, :first)))
                       and greatest(:first, coalesce(b.start_date, :first)) <= least(:last, coalesce(b.end_date, :last))
                    ) as active_students
                from batch_pay b where b.batch_id = :batch""")
                .param("first", month.atDay(1)).param("last", month.atEndOfMonth()).param("batch", batchId)
                .query((rs, n) -> read(rs, current, teachers, month)).single();
    }

    private static BatchPayView read(ResultSet rs, UUID current, List<BatchPayView.TeacherPeriod> teachers,
            YearMonth month) throws SQLException {
        return new BatchPayView(rs.getObject("batch_id", UUID.class), rs.getObject("course_id", UUID.class),
                rs.getObject("branch_id", UUID.class), rs.getString("name"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getString("status"),
                rs.getBigDecimal("teacher_compensation"), rs.getBigDecimal("teacher_commission"),
                rs.getBigDecimal("monthly_overhead"), rs.getBigDecimal("session_rate"), current, teachers, month,
                rs.getInt("sessions"), rs.getInt("active_students"));
    }

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(settings.zone()));
    }

    private YearMonth month(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw Problems.invalidField("month", "is required, such as 2026-11");
            }
            return thisMonth();
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("month", "must be a month such as 2026-11, got '" + text.strip() + "'");
        }
    }
}
