package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.money.Money;
import dev.coachos.finance.teaching.TeacherPay;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Monthly payroll runs, one per month and branch (head office: no branch). The first run of a month makes
 * a DRAFT slip for everyone with a salary structure in effect on any day of the month in the branch and
 * every teacher with pay from the branch's batches (one slip for a person with both); a person whose
 * deductions would be above their gross, or whose slip would be above the largest amount a slip holds, gets
 * no slip and is listed in the run's skipped people with the reason (one such person does not stop the
 * others' slips); a slip is added for them later with {@link SalarySlips#addToRun}. Running it again makes nothing new and answers the run there is: the run's row is inserted with
 * "on conflict do nothing" on the unique (month, branch) index, so of two runs at the same time the second
 * waits for the first to commit and finds its run and slips.
 */
@Service
public class PayrollRuns {

    private static final String COLUMNS = "r.id, r.month, r.branch_id, r.created_by, r.created_at";
    private static final Sorting SORTING = Sorting.of(Map.of("month", "r.month", "createdAt", "r.created_at"),
            "r.month desc", "r.id");

    private final JdbcClient jdbc;
    private final SalarySlips slips;
    private final TeacherPay teacherPay;
    private final FinanceSettings finance;
    private final Clock clock;

    PayrollRuns(JdbcClient jdbc, SalarySlips slips, TeacherPay teacherPay, FinanceSettings finance, Clock clock) {
        this.jdbc = jdbc;
        this.slips = slips;
        this.teacherPay = teacherPay;
        this.finance = finance;
        this.clock = clock;
    }

    /** The run, and whether this call made it (false: it was there already). */
    public record Outcome(PayrollRun run, boolean created) {
    }

    /** Runs the payroll of a month for a branch (null: head office), once. */
    @Transactional
    public Outcome run(String monthText, UUID branchId, Caller caller) {
        if (monthText == null || monthText.isBlank()) {
            throw Problems.invalidField("month", "is required, such as 2026-11");
        }
        YearMonth month = SalarySlips.month(monthText);
        if (branchId == null && !caller.seesAllBranches()) {
            throw Problems.forbidden("The head office payroll (no branchId) needs access:all_branches");
        }
        if (!PayrollAccess.manages(caller, branchId)) {
            throw Problems.forbidden("Running the payroll needs manage:payroll for the branch");
        }
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), finance.zone()));
        if (month.isAfter(current)) {
            throw Problems.invalidField("month", "must not be after the current month (" + current + ")");
        }
        UUID id = UuidV7.next();
        int inserted = jdbc.sql("""
                insert into payroll_run (id, month, branch_id, created_by, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(id, month.atDay(1), branchId, caller.userId(), Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            UUID existing = jdbc.sql("select id from payroll_run where month = ? and branch_id is not distinct from ?")
                    .params(month.atDay(1), branchId).query(UUID.class).single();
            return new Outcome(find(existing).orElseThrow(), false);
        }
        TreeSet<UUID> people = new TreeSet<>(jdbc.sql("""
                select distinct person_id from salary_structure where branch_id is not distinct from ?
                  and effective_from <= ? and (effective_to is null or effective_to >= ?)""")
                .params(branchId, month.atEndOfMonth(), month.atDay(1)).query(UUID.class).list());
        people.addAll(teacherPay.teachers(branchId, month));
        for (UUID person : people) {
            Optional<SalarySlips.Computed> computed = slips.compute(person, branchId, month, List.of());
            if (computed.isEmpty()) {
                continue;
            }
            Optional<String> unstorable = SalarySlips.unstorable(computed.get().slip());
            if (unstorable.isEmpty()) {
                slips.insert(id, branchId, month, computed.get(), null, null, caller.userId());
            } else {
                jdbc.sql("insert into payroll_run_skip (run_id, person_id, person_name, reason) values (?, ?, ?, ?)")
                        .params(id, person, computed.get().personName(), unstorable.get()).update();
            }
        }
        return new Outcome(find(id).orElseThrow(), true);
    }

    @Transactional(readOnly = true)
    public PayrollRun get(UUID id, Caller caller) {
        return find(id).filter(r -> PayrollAccess.readsOthers(caller) && caller.reaches(Optional.ofNullable(r.branchId())))
                .orElseThrow(() -> Problems.notFound("payroll run", id));
    }

    /** Runs in the caller's reach, latest month first. */
    @Transactional(readOnly = true)
    public PageResponse<PayrollRun> list(UUID branchId, String month, Caller caller, Paging paging) {
        if (!PayrollAccess.readsOthers(caller)) {
            throw Problems.forbidden("Reading payroll runs needs read:payroll");
        }
        Where where = Where.always();
        if (!caller.seesAllBranches()) {
            where.and("r.branch_id = :reach", "reach", caller.branchId().orElse(null));
        }
        where.andIfPresent(branchId, "r.branch_id = :branch", "branch");
        where.andIfPresent(month == null ? null : SalarySlips.month(month).atDay(1), "r.month = :month", "month");
        PageResponse<UUID> page = PagedQuery.page(jdbc, COLUMNS, "payroll_run r", where, SORTING, paging,
                (rs, n) -> rs.getObject("id", UUID.class));
        return PageResponse.of(page.content().stream().map(id -> find(id).orElseThrow()).toList(), paging.size(),
                paging.page(), page.page().totalElements());
    }

    private Optional<PayrollRun> find(UUID id) {
        Map<String, PayrollRun.Totals> byStatus = new LinkedHashMap<>();
        jdbc.sql("""
                select status, count(distinct person_id) as people, count(*) as slips, coalesce(sum(gross), 0) as gross,
                       coalesce(sum(total_deductions), 0) as deductions, coalesce(sum(net), 0) as net
                from salary_slip where run_id = ? group by status order by status""").param(id)
                .query((rs, n) -> byStatus.put(rs.getString("status"), totals(rs))).list();
        PayrollRun.Totals all = jdbc.sql("""
                select count(distinct person_id) as people, count(*) as slips, coalesce(sum(gross), 0) as gross,
                       coalesce(sum(total_deductions), 0) as deductions, coalesce(sum(net), 0) as net
                from salary_slip where run_id = ? and status <> 'CANCELLED'""").param(id)
                .query((rs, n) -> totals(rs)).single();
        List<PayrollRun.Skipped> skipped = jdbc.sql("""
                select person_id, person_name, reason from payroll_run_skip where run_id = ? order by person_name, person_id""")
                .param(id).query((rs, n) -> new PayrollRun.Skipped(rs.getObject("person_id", UUID.class),
                        rs.getString("person_name"), rs.getString("reason")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from payroll_run r where r.id = ?").param(id)
                .query((rs, n) -> new PayrollRun(rs.getObject("id", UUID.class),
                        YearMonth.from(rs.getObject("month", LocalDate.class)).toString(),
                        rs.getObject("branch_id", UUID.class), rs.getObject("created_by", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), all, byStatus, skipped))
                .optional();
    }

    private static PayrollRun.Totals totals(ResultSet rs) throws SQLException {
        return new PayrollRun.Totals(rs.getInt("people"), rs.getInt("slips"), money(rs.getBigDecimal("gross")),
                money(rs.getBigDecimal("deductions")), money(rs.getBigDecimal("net")));
    }

    private static BigDecimal money(BigDecimal amount) {
        return Money.of(amount);
    }
}
