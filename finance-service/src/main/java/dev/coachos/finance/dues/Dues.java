package dev.coachos.finance.dues;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.finance.Reach;
import dev.coachos.finance.money.Money;
import dev.coachos.finance.plan.FeePlans;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Dues: what each student owes on open installments (DUE or PARTIALLY_PAID), how much of it is
 * overdue and for how long (ageing: 1-30, 31-60, 61-90 and more than 90 days past the due date).
 * Branch staff see their branch; head office every branch; a student only their own.
 */
@Service
public class Dues {

    private static final Sorting SORTING = Sorting.of(Map.of("pending", "d.pending", "overdue", "d.overdue",
            "oldestDueDate", "d.oldest_due", "studentName", "s.name", "over90", "d.over_90"),
            "d.overdue desc, d.oldest_due", "d.student_id, d.branch_id").nullsLast("studentName");

    /**
     * The buckets over {@code x}, the open installments with what is unpaid of each and its age in days
     * past the due date (negative: not yet due), each worked out once per installment.
     */
    private static final String BUCKETS = """
            sum(x.unpaid) as pending,
            coalesce(sum(x.unpaid) filter (where x.age > 0), 0) as overdue,
            coalesce(sum(x.unpaid) filter (where x.age <= 0), 0) as not_due,
            coalesce(sum(x.unpaid) filter (where x.age between 1 and 30), 0) as days_1_30,
            coalesce(sum(x.unpaid) filter (where x.age between 31 and 60), 0) as days_31_60,
            coalesce(sum(x.unpaid) filter (where x.age between 61 and 90), 0) as days_61_90,
            coalesce(sum(x.unpaid) filter (where x.age > 90), 0) as over_90,
            min(x.due_date) as oldest_due, count(*) as installments""";

    /** The open installments in reach, with their unpaid amount and age, for {@link #BUCKETS}. */
    private static String open(Where where) {
        return "(select i.student_id, i.branch_id, i.due_date, i.amount - i.paid as unpaid, :today - i.due_date as age"
                + " from installment i" + where.sql() + ") x";
    }

    private final JdbcClient jdbc;
    private final FeePlans plans;

    Dues(JdbcClient jdbc, FeePlans plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /** One row per student (and branch) with anything open, paged and sorted; {@code overdueOnly} keeps those owing past a due date. */
    @Transactional(readOnly = true)
    public PageResponse<StudentDues> perStudent(UUID branchId, UUID studentId, boolean overdueOnly, Caller caller,
            Paging paging) {
        LocalDate today = plans.today();
        Where inner = reach(branchId, studentId, caller).param("today", today);
        String order = SORTING.orderBy(paging);
        String grouped = "(select x.student_id, x.branch_id, " + BUCKETS + " from " + open(inner)
                + " group by x.student_id, x.branch_id) d";
        String outer = overdueOnly ? " where d.overdue > 0" : "";
        Map<String, Object> params = inner.params();
        // One pass over the open installments: the page and, beside each row, how many rows there are
        // in all (a window count is taken before the limit). Only a page past the end asks again.
        long[] total = {-1};
        List<StudentDues> rows = jdbc.sql("select d.*, s.name, count(*) over () as total_rows from " + grouped
                + " left join student_view s on s.student_id = d.student_id" + outer + order
                + " limit :pageLimit offset :pageOffset")
                .params(params).param("pageLimit", paging.size()).param("pageOffset", paging.offset())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total_rows");
                    return StudentDues.read(rs, today);
                }).list();
        if (rows.isEmpty()) {
            total[0] = jdbc.sql("select count(*) from " + grouped + outer).params(params).query(Long.class).single();
        }
        return PageResponse.of(rows, paging.size(), paging.page(), total[0]);
    }

    /** The ageing of everything open in the caller's reach, per branch. */
    @Transactional(readOnly = true)
    public List<BranchAgeing> ageing(UUID branchId, Caller caller) {
        LocalDate today = plans.today();
        Where where = reach(branchId, null, caller).param("today", today);
        return jdbc.sql("select x.branch_id, count(distinct x.student_id) as students, " + BUCKETS
                + " from " + open(where) + " group by x.branch_id order by x.branch_id nulls first")
                .params(where.params())
                .query((rs, n) -> new BranchAgeing(rs.getObject("branch_id", UUID.class), rs.getLong("students"),
                        Ageing.read(rs)))
                .list();
    }

    private static Where reach(UUID branchId, UUID studentId, Caller caller) {
        Where where = Where.always().and("i.status in ('DUE', 'PARTIALLY_PAID')");
        if (Reach.isStudent(caller)) {
            return where.and("i.student_id = :me", "me", caller.userId());
        }
        if (!caller.can("read:fees") && !caller.can("manage:fees")) {
            throw Problems.forbidden("Dues need read:fees");
        }
        if (!caller.seesAllBranches()) {
            where.and("i.branch_id = :reach", "reach", caller.branchId().orElse(null));
        }
        where.andIfPresent(branchId, "i.branch_id = :branch", "branch");
        where.andIfPresent(studentId, "i.student_id = :student", "student");
        return where;
    }

    /**
     * Amounts owed by how long past due.
     *
     * @param notYetDue owed on installments not yet due
     * @param days1To30 1 to 30 days past the due date; likewise the others
     */
    public record Ageing(BigDecimal pending, BigDecimal overdue, BigDecimal notYetDue, BigDecimal days1To30,
            BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90) {

        static Ageing read(ResultSet rs) throws SQLException {
            return new Ageing(Money.of(rs.getBigDecimal("pending")), Money.of(rs.getBigDecimal("overdue")),
                    Money.of(rs.getBigDecimal("not_due")), Money.of(rs.getBigDecimal("days_1_30")),
                    Money.of(rs.getBigDecimal("days_31_60")), Money.of(rs.getBigDecimal("days_61_90")),
                    Money.of(rs.getBigDecimal("over_90")));
        }
    }

    /** A student's dues in one branch. */
    public record StudentDues(UUID studentId, String studentName, UUID branchId, int installments,
            LocalDate oldestDueDate, long daysOverdue, Ageing ageing) {

        static StudentDues read(ResultSet rs, LocalDate today) throws SQLException {
            LocalDate oldest = rs.getObject("oldest_due", LocalDate.class);
            long days = oldest.isBefore(today) ? java.time.temporal.ChronoUnit.DAYS.between(oldest, today) : 0;
            return new StudentDues(rs.getObject("student_id", UUID.class), rs.getString("name"),
                    rs.getObject("branch_id", UUID.class), rs.getInt("installments"), oldest, days, Ageing.read(rs));
        }
    }

    /** A branch's dues by age. */
    public record BranchAgeing(UUID branchId, long students, Ageing ageing) {
    }
}
