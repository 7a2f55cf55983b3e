package dev.coachos.finance.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.finance.FinanceSettings;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * The finance reports (read:reports), each one or a few aggregate statements in PostgreSQL, and their
 * drill-downs: pages of the rows behind a figure with the figure itself beside them, so the rows of a
 * drill-down add up to the figure to the paisa.
 *
 * <p>The rules the figures follow, the same in a report and its drill-downs:
 * <ul>
 * <li>Money received: a payment counts its amount on the day it was received (in the institute's
 * zone) while it stands; a REVERSED one (a bounced cheque, one entered in error) counts nothing, on
 * any day. A cheque not yet cleared (RECEIVED) counts: a receipt was issued for it.</li>
 * <li>Fees of a batch: what those standing payments allocated to installments of the batch's plans.</li>
 * <li>Salary cost: slips of the month that are APPROVED or PAID (gross; teacher pay: their earning lines
 * naming the batch); DRAFT slips are shown apart and count nowhere; CANCELLED ones never show.</li>
 * <li>Expenses: COUNTED expenses by the day they were spent.</li>
 * <li>Dues: open installments (DUE, PARTIALLY_PAID) as they stand now, aged on the day {@code asOf}
 * (today unless given) exactly as {@code dev.coachos.finance.dues} ages them.</li>
 * </ul>
 */
@Service
public class Reports {

    static final String BASE = "/api/v1/reports";
    private static final Set<String> GROUPS = Set.of("day", "month", "branch", "method");
    private static final Set<String> METHODS = Set.of("CASH", "UPI", "BANK_TRANSFER", "CARD", "CHEQUE", "ONLINE");
    private static final Set<String> SLIP_STATUSES = Set.of("DRAFT", "APPROVED", "PAID", "CANCELLED");
    /** The slips that are a cost: approved or paid. */
    private static final List<String> COUNTED_SLIPS = List.of("APPROVED", "PAID");
    private static final String STANDING = "p.status <> 'REVERSED'";

    private final JdbcClient jdbc;
    private final FinanceSettings settings;
    private final Clock clock;

    Reports(JdbcClient jdbc, FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- Collections ----

    /** Money received from {@code from} to {@code to}, grouped by day, month, branch or method. */
    @Transactional(readOnly = true)
    public CollectionsReport collections(String fromText, String toText, String groupByText, UUID branchId,
            boolean headOffice, Caller caller) {
        ReportParams.Days days = ReportParams.days(fromText, toText);
        String groupBy = groupByText == null || groupByText.isBlank() ? "day" : groupByText.strip();
        if (!GROUPS.contains(groupBy)) {
            throw Problems.invalidField("groupBy", "must be day, month, branch or method");
        }
        Where where = received(ReportParams.branches(Where.always(), "p.branch_id", branchId, headOffice, caller), days);
        String key = switch (groupBy) {
            // Grouped by the date (cheaper than by formatted text), written as text below.
            case "day" -> "(p.received_at at time zone :zone)::date";
            case "month" -> "date_trunc('month', p.received_at at time zone :zone)::date";
            case "branch" -> "p.branch_id::text";
            default -> "p.method";
        };
        String label = groupBy.equals("branch") ? "min(b.name)" : "null";
        String join = groupBy.equals("branch") ? " left join branch_view b on b.branch_id = p.branch_id" : "";
        String scope = ReportParams.branchQuery(branchId, headOffice);
        List<CollectionRow> rows = jdbc.sql("select " + key + " as key, " + label + " as label, count(*) as payments,"
                + " sum(p.amount) as amount from payment p" + join + where.sql() + " group by 1 order by 1 nulls first")
                .params(where.params()).param("zone", zone())
                .query((rs, n) -> {
                    String k = switch (groupBy) {
                        case "day" -> rs.getObject("key", LocalDate.class).toString();
                        case "month" -> YearMonth.from(rs.getObject("key", LocalDate.class)).toString();
                        default -> rs.getString("key");
                    };
                    String link = collectionLink(groupBy, k, days, scope);
                    return new CollectionRow(k == null ? "HEAD_OFFICE" : k,
                            k == null && groupBy.equals("branch") ? "Head office" : rs.getString("label"),
                            rs.getLong("payments"), money(rs.getBigDecimal("amount")), link);
                }).list();
        long count = rows.stream().mapToLong(CollectionRow::count).sum();
        BigDecimal amount = rows.stream().map(CollectionRow::amount).reduce(zero(), BigDecimal::add);
        return new CollectionsReport(days.from(), days.to(), groupBy, branchId, rows, new Total(count, amount,
                BASE + "/collections/payments?from=" + days.from() + "&to=" + days.to() + scope));
    }

    private static String collectionLink(String groupBy, String key, ReportParams.Days days, String scope) {
        String base = BASE + "/collections/payments?";
        return switch (groupBy) {
            case "day" -> base + "day=" + key + scope;
            case "month" -> {
                YearMonth month = YearMonth.parse(key);
                LocalDate from = month.atDay(1).isBefore(days.from()) ? days.from() : month.atDay(1);
                LocalDate to = month.atEndOfMonth().isAfter(days.to()) ? days.to() : month.atEndOfMonth();
                yield base + "from=" + from + "&to=" + to + scope;
            }
            case "branch" -> base + "from=" + days.from() + "&to=" + days.to()
                    + (key == null ? "&headOffice=true" : "&branchId=" + key);
            default -> base + "from=" + days.from() + "&to=" + days.to() + "&method=" + key + scope;
        };
    }

    /** The standing payments behind a collections figure, oldest first, with their count and sum. */
    @Transactional(readOnly = true)
    public Listing<PaymentRow> collectionPayments(String fromText, String toText, String dayText, UUID branchId,
            boolean headOffice, String method, Caller caller, Paging paging) {
        ReportParams.Days days;
        if (dayText != null && !dayText.isBlank()) {
            if (fromText != null || toText != null) {
                throw Problems.invalidField("day", "give either day or from and to, not both");
            }
            LocalDate day = ReportParams.day(dayText, "day");
            days = new ReportParams.Days(day, day);
        } else {
            days = ReportParams.days(fromText, toText);
        }
        Where where = received(ReportParams.branches(Where.always(), "p.branch_id", branchId, headOffice, caller), days);
        if (method != null && !method.isBlank()) {
            if (!METHODS.contains(method.strip())) {
                throw Problems.invalidField("method", "must be one of CASH, UPI, BANK_TRANSFER, CARD, CHEQUE, ONLINE");
            }
            where.and("p.method = :method", "method", method.strip());
        }
        Summed summed = jdbc.sql("select count(*) as n, coalesce(sum(p.amount), 0) as amount from payment p" + where.sql())
                .params(where.params()).query((rs, n) -> new Summed(rs.getLong("n"), rs.getBigDecimal("amount")))
                .single();
        List<PaymentRow> rows = page(summed.count(), paging, """
                select p.id, p.received_at, p.student_id, s.name as student_name, p.branch_id, b.name as branch_name,
                    p.method, p.reference, p.status, p.amount
                from payment p left join student_view s on s.student_id = p.student_id
                left join branch_view b on b.branch_id = p.branch_id""" + where.sql()
                + " order by p.received_at, p.id", where, (rs, n) -> new PaymentRow(rs.getObject("id", UUID.class),
                        instant(rs, "received_at"), rs.getObject("student_id", UUID.class), rs.getString("student_name"),
                        rs.getObject("branch_id", UUID.class), rs.getString("branch_name"), rs.getString("method"),
                        rs.getString("reference"), rs.getString("status"), money(rs.getBigDecimal("amount"))));
        return listing(rows, paging, summed.count(), new Total(summed.count(), money(summed.amount()), null));
    }

    private Where received(Where where, ReportParams.Days days) {
        return where.and(STANDING).and("p.received_at >= :start", "start", start(days.from()))
                .and("p.received_at < :end", "end", start(days.to().plusDays(1)));
    }

    // ---- Dues ----

    /** What is owed per branch by age on {@code asOf} (today unless given). */
    @Transactional(readOnly = true)
    public DuesReport dues(UUID branchId, boolean headOffice, String asOfText, Caller caller) {
        LocalDate asOf = asOf(asOfText);
        Where where = open(ReportParams.branches(Where.always(), "i.branch_id", branchId, headOffice, caller));
        List<DuesRow> rows = jdbc.sql("""
                select x.branch_id, min(b.name) as branch_name, count(distinct x.student_id) as students,
                    count(*) as installments, sum(x.unpaid) as pending,
                    coalesce(sum(x.unpaid) filter (where x.age > 0), 0) as overdue,
                    coalesce(sum(x.unpaid) filter (where x.age <= 0), 0) as not_due,
                    coalesce(sum(x.unpaid) filter (where x.age between 1 and 30), 0) as days_1_30,
                    coalesce(sum(x.unpaid) filter (where x.age between 31 and 60), 0) as days_31_60,
                    coalesce(sum(x.unpaid) filter (where x.age between 61 and 90), 0) as days_61_90,
                    coalesce(sum(x.unpaid) filter (where x.age > 90), 0) as over_90
                from (select i.student_id, i.branch_id, i.amount - i.paid as unpaid, :asOf - i.due_date as age
                      from installment i""" + where.sql() + """
                ) x left join branch_view b on b.branch_id = x.branch_id
                group by x.branch_id order by min(b.name) nulls first, x.branch_id""")
                .params(where.params()).param("asOf", asOf)
                .query((rs, n) -> {
                    UUID branch = rs.getObject("branch_id", UUID.class);
                    String link = BASE + "/dues/installments?asOf=" + asOf
                            + ReportParams.branchQuery(branch, branch == null) + "&bucket=";
                    return new DuesRow(branch, branch == null ? "Head office" : rs.getString("branch_name"),
                            rs.getLong("students"), rs.getLong("installments"), money(rs.getBigDecimal("pending")),
                            money(rs.getBigDecimal("overdue")), money(rs.getBigDecimal("not_due")),
                            money(rs.getBigDecimal("days_1_30")), money(rs.getBigDecimal("days_31_60")),
                            money(rs.getBigDecimal("days_61_90")), money(rs.getBigDecimal("over_90")),
                            new DuesLinks(link + "PENDING", link + "OVERDUE", link + "NOT_DUE", link + "DAYS_1_30",
                                    link + "DAYS_31_60", link + "DAYS_61_90", link + "OVER_90"));
                }).list();
        String link = BASE + "/dues/installments?asOf=" + asOf + ReportParams.branchQuery(branchId, headOffice)
                + "&bucket=";
        return new DuesReport(asOf, branchId, rows, new DuesTotal(
                rows.stream().mapToLong(DuesRow::installments).sum(),
                sum(rows, DuesRow::pending), sum(rows, DuesRow::overdue), sum(rows, DuesRow::notYetDue),
                sum(rows, DuesRow::days1To30), sum(rows, DuesRow::days31To60), sum(rows, DuesRow::days61To90),
                sum(rows, DuesRow::over90), new DuesLinks(link + "PENDING", link + "OVERDUE", link + "NOT_DUE",
                        link + "DAYS_1_30", link + "DAYS_31_60", link + "DAYS_61_90", link + "OVER_90")));
    }

    /** The open installments behind a bucket of the dues report, oldest due first. */
    @Transactional(readOnly = true)
    public Listing<InstallmentRow> duesInstallments(UUID branchId, boolean headOffice, String asOfText,
            String bucketText, Caller caller, Paging paging) {
        LocalDate asOf = asOf(asOfText);
        String bucket = bucketText == null || bucketText.isBlank() ? "PENDING" : bucketText.strip();
        String age = ":asOf - i.due_date";
        String condition = switch (bucket) {
            case "PENDING" -> "true";
            case "OVERDUE" -> age + " > 0";
            case "NOT_DUE" -> age + " <= 0";
            case "DAYS_1_30" -> age + " between 1 and 30";
            case "DAYS_31_60" -> age + " between 31 and 60";
            case "DAYS_61_90" -> age + " between 61 and 90";
            case "OVER_90" -> age + " > 90";
            default -> throw Problems.invalidField("bucket",
                    "must be PENDING, OVERDUE, NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90 or OVER_90");
        };
        Where where = open(ReportParams.branches(Where.always(), "i.branch_id", branchId, headOffice, caller))
                .and(condition).param("asOf", asOf);
        Summed summed = jdbc.sql("select count(*) as n, coalesce(sum(i.amount - i.paid), 0) as amount from installment i"
                + where.sql()).params(where.params())
                .query((rs, n) -> new Summed(rs.getLong("n"), rs.getBigDecimal("amount"))).single();
        List<InstallmentRow> rows = page(summed.count(), paging, """
                select i.id, i.plan_id, i.student_id, s.name as student_name, i.branch_id, b.name as branch_name,
                    i.due_date, i.amount, i.paid, i.amount - i.paid as unpaid, greatest(:asOf - i.due_date, 0) as days
                from installment i left join student_view s on s.student_id = i.student_id
                left join branch_view b on b.branch_id = i.branch_id""" + where.sql()
                + " order by i.due_date, i.id", where, (rs, n) -> new InstallmentRow(rs.getObject("id", UUID.class),
                        rs.getObject("plan_id", UUID.class), rs.getObject("student_id", UUID.class),
                        rs.getString("student_name"), rs.getObject("branch_id", UUID.class),
                        rs.getString("branch_name"), rs.getObject("due_date", LocalDate.class),
                        money(rs.getBigDecimal("amount")), money(rs.getBigDecimal("paid")),
                        money(rs.getBigDecimal("unpaid")), rs.getInt("days")));
        return listing(rows, paging, summed.count(), new Total(summed.count(), money(summed.amount()), null));
    }

    private static Where open(Where where) {
        return where.and("i.status in ('DUE', 'PARTIALLY_PAID')");
    }

    private LocalDate asOf(String text) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        if (text == null || text.isBlank()) {
            return today;
        }
        LocalDate asOf = ReportParams.day(text, "asOf");
        if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, asOf)) > ReportParams.MAX_DAYS) {
            throw Problems.invalidField("asOf", "must be within " + ReportParams.MAX_DAYS + " days of today");
        }
        return asOf;
    }

    // ---- Batches ----

    /**
     * Each batch's month: fees its plans received, its teachers' pay (APPROVED and PAID slips; DRAFT apart),
     * its overhead for the days it ran in the month, and the margin that leaves.
     */
    @Transactional(readOnly = true)
    public BatchReport batches(String monthText, UUID branchId, boolean headOffice, Caller caller) {
        YearMonth month = ReportParams.month(monthText, "month");
        Where fees = received(ReportParams.branches(Where.always(), "f.branch_id", branchId, headOffice, caller),
                new ReportParams.Days(month.atDay(1), month.atEndOfMonth()));
        Where batch = ReportParams.branches(Where.always(), "coalesce(bp.branch_id, bv.branch_id)", branchId,
                headOffice, caller);
        String sql = """
                with fees as (
                    select f.batch_id, count(distinct p.id) as payments, sum(a.amount) as fees
                    from payment p join allocation a on a.payment_id = p.id
                    join installment i on i.id = a.installment_id join fee_plan f on f.id = i.plan_id"""
                + fees.sql() + """
                    group by f.batch_id),
                pay as (
                    select l.batch_id,
                        coalesce(sum(l.amount) filter (where s.status in ('APPROVED', 'PAID')), 0) as teacher_pay,
                        coalesce(sum(l.amount) filter (where s.status = 'DRAFT'), 0) as draft_pay
                    from salary_slip s join salary_slip_line l on l.slip_id = s.id
                    where s.month = :month and s.status <> 'CANCELLED' and l.batch_id is not null and l.kind = 'EARNING'
                    group by l.batch_id),
                running as (
                    select batch_id from batch_pay
                    where status <> 'CANCELLED' and coalesce(monthly_overhead, 0) > 0
                      and (start_date is null or start_date <= :last) and (end_date is null or end_date >= :month)),
                ids as (select batch_id from fees union select batch_id from pay union select batch_id from running),
                rows as (
                    select ids.batch_id, coalesce(bp.name, bv.name) as name, coalesce(bp.branch_id, bv.branch_id) as branch_id,
                        coalesce(fees.payments, 0) as payments, coalesce(fees.fees, 0) as fees,
                        coalesce(pay.teacher_pay, 0) as teacher_pay, coalesce(pay.draft_pay, 0) as draft_pay,
                        bp.monthly_overhead,
                        case when bp.monthly_overhead is null or bp.status = 'CANCELLED' then 0
                             else greatest(0, least(coalesce(bp.end_date, :last), :last)
                                              - greatest(coalesce(bp.start_date, :month), :month) + 1) end as days
                    from ids left join batch_pay bp on bp.batch_id = ids.batch_id
                    left join batch_view bv on bv.batch_id = ids.batch_id
                    left join fees on fees.batch_id = ids.batch_id left join pay on pay.batch_id = ids.batch_id"""
                + batch.sql() + """
                )
                select r.*, br.name as branch_name, round(coalesce(r.monthly_overhead, 0) * r.days / :monthDays, 2) as overhead
                from rows r left join branch_view br on br.branch_id = r.branch_id
                order by br.name nulls first, r.name, r.batch_id""";
        Map<String, Object> params = fees.params();
        params.putAll(batch.params());
        List<BatchRow> rows = jdbc.sql(sql).params(params).param("month", month.atDay(1))
                .param("last", month.atEndOfMonth()).param("monthDays", month.lengthOfMonth())
                .query((rs, n) -> {
                    UUID id = rs.getObject("batch_id", UUID.class);
                    BigDecimal feesIn = money(rs.getBigDecimal("fees"));
                    BigDecimal teacherPay = money(rs.getBigDecimal("teacher_pay"));
                    BigDecimal overhead = money(rs.getBigDecimal("overhead"));
                    String link = BASE + "/batches/" + id;
                    return new BatchRow(id, rs.getString("name"), rs.getObject("branch_id", UUID.class),
                            rs.getString("branch_name"), rs.getLong("payments"), feesIn, teacherPay,
                            money(rs.getBigDecimal("draft_pay")), nullableMoney(rs.getBigDecimal("monthly_overhead")),
                            rs.getInt("days"), overhead, feesIn.subtract(teacherPay).subtract(overhead),
                            new BatchLinks(link + "/payments?month=" + month, link + "/pay-lines?month=" + month,
                                    link + "/pay-lines?month=" + month + "&draft=true"));
                }).list();
        BigDecimal feesIn = sum(rows, BatchRow::fees);
        BigDecimal teacherPay = sum(rows, BatchRow::teacherPay);
        BigDecimal overhead = sum(rows, BatchRow::overhead);
        return new BatchReport(month, branchId, rows, new BatchTotal(feesIn, teacherPay, sum(rows, BatchRow::draftTeacherPay),
                overhead, feesIn.subtract(teacherPay).subtract(overhead)));
    }

    /** The payments behind a batch's fees in a month: what each allocated to the batch's installments. */
    @Transactional(readOnly = true)
    public Listing<BatchPaymentRow> batchPayments(UUID batchId, String monthText, Caller caller, Paging paging) {
        YearMonth month = ReportParams.month(monthText, "month");
        requireBatch(batchId, caller);
        Where where = received(Where.always(), new ReportParams.Days(month.atDay(1), month.atEndOfMonth()))
                .and("f.batch_id = :batch", "batch", batchId);
        String from = """
                from payment p join allocation a on a.payment_id = p.id
                join installment i on i.id = a.installment_id join fee_plan f on f.id = i.plan_id""";
        Summed summed = jdbc.sql("select count(distinct p.id) as n, coalesce(sum(a.amount), 0) as amount " + from
                + where.sql()).params(where.params())
                .query((rs, n) -> new Summed(rs.getLong("n"), rs.getBigDecimal("amount"))).single();
        List<BatchPaymentRow> rows = page(summed.count(), paging, "select p.id, p.received_at, p.student_id,"
                + " min(s.name) as student_name, p.method, p.reference, sum(a.amount) as amount " + from
                + " left join student_view s on s.student_id = p.student_id" + where.sql()
                + " group by p.id order by p.received_at, p.id", where,
                (rs, n) -> new BatchPaymentRow(rs.getObject("id", UUID.class), instant(rs, "received_at"),
                        rs.getObject("student_id", UUID.class), rs.getString("student_name"), rs.getString("method"),
                        rs.getString("reference"), money(rs.getBigDecimal("amount"))));
        return listing(rows, paging, summed.count(), new Total(summed.count(), money(summed.amount()), null));
    }

    /**
     * The slip lines behind a batch's teacher pay in a month: APPROVED and PAID slips, or only DRAFT ones.
     * Each person's pay: read:payroll as well as read:reports.
     */
    @Transactional(readOnly = true)
    public Listing<PayLineRow> batchPayLines(UUID batchId, String monthText, boolean draft, Caller caller,
            Paging paging) {
        ReportParams.requirePersonPay(caller);
        YearMonth month = ReportParams.month(monthText, "month");
        requireBatch(batchId, caller);
        Where where = Where.always().and("l.batch_id = :batch", "batch", batchId)
                .and("s.month = :month", "month", month.atDay(1)).and("l.kind = 'EARNING'")
                .and("s.status in (:statuses)", "statuses", draft ? List.of("DRAFT") : COUNTED_SLIPS);
        String from = " from salary_slip s join salary_slip_line l on l.slip_id = s.id";
        Summed summed = jdbc.sql("select count(*) as n, coalesce(sum(l.amount), 0) as amount" + from + where.sql())
                .params(where.params()).query((rs, n) -> new Summed(rs.getLong("n"), rs.getBigDecimal("amount")))
                .single();
        List<PayLineRow> rows = page(summed.count(), paging, "select s.id, s.person_id, s.person_name, s.status,"
                + " l.seq, l.code, l.name, l.amount, l.basis" + from + where.sql()
                + " order by s.person_name nulls last, s.id, l.seq", where,
                (rs, n) -> new PayLineRow(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("person_name"), rs.getString("status"), rs.getInt("seq"), rs.getString("code"),
                        rs.getString("name"), money(rs.getBigDecimal("amount")), rs.getString("basis")));
        return listing(rows, paging, summed.count(), new Total(summed.count(), money(summed.amount()), null));
    }

    /** A batch the caller's reports cover (its branch in reach), else a 404. */
    private void requireBatch(UUID batchId, Caller caller) {
        ReportParams.requireReports(caller);
        List<UUID> branch = jdbc.sql("""
                select coalesce(bp.branch_id, bv.branch_id) as branch_id
                from (select cast(:batch as uuid) as batch_id) x
                left join batch_pay bp on bp.batch_id = x.batch_id left join batch_view bv on bv.batch_id = x.batch_id
                where bp.batch_id is not null or bv.batch_id is not null""").param("batch", batchId)
                .query((rs, n) -> rs.getObject("branch_id", UUID.class)).list();
        if (branch.isEmpty() || !(caller.seesAllBranches() || caller.reaches(java.util.Optional.ofNullable(branch.getFirst())))) {
            throw Problems.notFound("batch", batchId);
        }
    }

    // ---- Branches ----

    /** Each branch's month: income received, salary cost (gross of APPROVED and PAID slips), expenses, net. */
    @Transactional(readOnly = true)
    public BranchReport branches(String monthText, UUID branchId, boolean headOffice, Caller caller) {
        YearMonth month = ReportParams.month(monthText, "month");
        ReportParams.Days days = new ReportParams.Days(month.atDay(1), month.atEndOfMonth());
        Where income = received(ReportParams.branches(Where.always(), "p.branch_id", branchId, headOffice, caller), days);
        Where slips = ReportParams.branches(Where.always(), "s.branch_id", branchId, headOffice, caller)
                .and("s.month = :month").and("s.status in ('APPROVED', 'PAID')");
        Where spent = ReportParams.branches(Where.always(), "e.branch_id", branchId, headOffice, caller)
                .and("e.status = 'COUNTED'").and("e.spent_on between :month and :last");
        Where known = ReportParams.branches(Where.always(), "v.branch_id", branchId, headOffice, caller);
        String sql = "with income as (select p.branch_id, count(*) as payments, sum(p.amount) as amount from payment p"
                + income.sql() + " group by p.branch_id),"
                + " salaries as (select s.branch_id, count(*) as slips, sum(s.gross) as gross from salary_slip s"
                + slips.sql() + " group by s.branch_id),"
                + " spent as (select e.branch_id, count(*) as expenses, sum(e.amount) as amount from expense e"
                + spent.sql() + " group by e.branch_id),"
                + " ids as (select v.branch_id from branch_view v" + known.sql()
                + " union select branch_id from income union select branch_id from salaries"
                + " union select branch_id from spent)"
                + """
                 select ids.branch_id, b.name, coalesce(income.payments, 0) as payments,
                    coalesce(income.amount, 0) as income, coalesce(salaries.slips, 0) as slips,
                    coalesce(salaries.gross, 0) as salaries, coalesce(spent.expenses, 0) as expense_count,
                    coalesce(spent.amount, 0) as expenses
                from ids left join branch_view b on b.branch_id = ids.branch_id
                left join income on income.branch_id is not distinct from ids.branch_id
                left join salaries on salaries.branch_id is not distinct from ids.branch_id
                left join spent on spent.branch_id is not distinct from ids.branch_id
                order by b.name nulls first, ids.branch_id""";
        Map<String, Object> params = income.params();
        params.putAll(slips.params());
        params.putAll(spent.params());
        params.putAll(known.params());
        List<BranchRow> rows = jdbc.sql(sql).params(params).param("month", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .query((rs, n) -> {
                    UUID branch = rs.getObject("branch_id", UUID.class);
                    String scope = ReportParams.branchQuery(branch, branch == null);
                    BigDecimal in = money(rs.getBigDecimal("income"));
                    BigDecimal salaries = money(rs.getBigDecimal("salaries"));
                    BigDecimal expenses = money(rs.getBigDecimal("expenses"));
                    return new BranchRow(branch, branch == null ? "Head office" : rs.getString("name"),
                            rs.getLong("payments"), in, rs.getLong("slips"), salaries, rs.getLong("expense_count"),
                            expenses, in.subtract(salaries).subtract(expenses), links(month, days, scope));
                }).list();
        BigDecimal in = sum(rows, BranchRow::income);
        BigDecimal salaries = sum(rows, BranchRow::salaries);
        BigDecimal expenses = sum(rows, BranchRow::expenses);
        return new BranchReport(month, branchId, rows, new BranchTotal(in, salaries, expenses,
                in.subtract(salaries).subtract(expenses),
                links(month, days, ReportParams.branchQuery(branchId, headOffice))));
    }

    private static BranchLinks links(YearMonth month, ReportParams.Days days, String scope) {
        return new BranchLinks(BASE + "/collections/payments?from=" + days.from() + "&to=" + days.to() + scope,
                BASE + "/slips?month=" + month + "&status=APPROVED,PAID" + scope,
                BASE + "/expenses?from=" + days.from() + "&to=" + days.to() + scope);
    }

    /** The COUNTED expenses spent from {@code from} to {@code to}, oldest first, with their sum. */
    @Transactional(readOnly = true)
    public Listing<ExpenseRow> expenses(String fromText, String toText, UUID branchId, boolean headOffice,
            String category, Caller caller, Paging paging) {
        ReportParams.Days days = ReportParams.days(fromText, toText);
        // Every expense names a branch: head office's (headOffice=true) are none.
        Where where = ReportParams.branches(Where.always(), "e.branch_id", branchId, headOffice, caller)
                .and("e.status = 'COUNTED'").and("e.spent_on >= :from", "from", days.from())
                .and("e.spent_on <= :to", "to", days.to());
        where.andIfPresent(category == null || category.isBlank() ? null : category.strip().toUpperCase(java.util.Locale.ROOT),
                "e.category = :category", "category");
        Summed summed = jdbc.sql("select count(*) as n, coalesce(sum(e.amount), 0) as amount from expense e" + where.sql())
                .params(where.params()).query((rs, n) -> new Summed(rs.getLong("n"), rs.getBigDecimal("amount")))
                .single();
        List<ExpenseRow> rows = page(summed.count(), paging, """
                select e.id, e.spent_on, e.branch_id, b.name as branch_name, e.category, e.title, e.amount
                from expense e left join branch_view b on b.branch_id = e.branch_id""" + where.sql()
                + " order by e.spent_on, e.id", where, (rs, n) -> new ExpenseRow(rs.getObject("id", UUID.class),
                        rs.getObject("spent_on", LocalDate.class), rs.getObject("branch_id", UUID.class),
                        rs.getString("branch_name"), rs.getString("category"), rs.getString("title"),
                        money(rs.getBigDecimal("amount"))));
        return listing(rows, paging, summed.count(), new Total(summed.count(), money(summed.amount()), null));
    }

    // ---- Payroll ----

    /** The payroll's cost per month: APPROVED and PAID slips (people, gross, deductions, net; paid, unpaid). */
    @Transactional(readOnly = true)
    public PayrollReport payroll(String fromText, String toText, UUID branchId, boolean headOffice, Caller caller) {
        ReportParams.Months months = ReportParams.months(fromText, toText);
        Where where = ReportParams.branches(Where.always(), "s.branch_id", branchId, headOffice, caller)
                .and("s.month between :from and :to").and("s.status <> 'CANCELLED'")
                .param("from", months.from().atDay(1)).param("to", months.to().atDay(1));
        String scope = ReportParams.branchQuery(branchId, headOffice);
        List<PayrollRow> rows = jdbc.sql("""
                select s.month,
                    count(distinct s.person_id) filter (where s.status in ('APPROVED', 'PAID')) as people,
                    count(*) filter (where s.status in ('APPROVED', 'PAID')) as slips,
                    coalesce(sum(s.gross) filter (where s.status in ('APPROVED', 'PAID')), 0) as gross,
                    coalesce(sum(s.total_deductions) filter (where s.status in ('APPROVED', 'PAID')), 0) as deductions,
                    coalesce(sum(s.net) filter (where s.status in ('APPROVED', 'PAID')), 0) as net,
                    coalesce(sum(s.net) filter (where s.status = 'PAID'), 0) as paid,
                    coalesce(sum(s.net) filter (where s.status = 'APPROVED'), 0) as unpaid,
                    count(*) filter (where s.status = 'DRAFT') as drafts
                from salary_slip s""" + where.sql() + " group by s.month order by s.month")
                .params(where.params())
                .query((rs, n) -> {
                    YearMonth month = YearMonth.from(rs.getObject("month", LocalDate.class));
                    String link = BASE + "/slips?month=" + month + scope + "&status=";
                    return new PayrollRow(month, rs.getLong("people"), rs.getLong("slips"),
                            money(rs.getBigDecimal("gross")), money(rs.getBigDecimal("deductions")),
                            money(rs.getBigDecimal("net")), money(rs.getBigDecimal("paid")),
                            money(rs.getBigDecimal("unpaid")), rs.getLong("drafts"),
                            new PayrollLinks(link + "APPROVED,PAID", link + "PAID", link + "APPROVED", link + "DRAFT"));
                }).list();
        return new PayrollReport(months.from(), months.to(), branchId, rows, new PayrollTotal(
                rows.stream().mapToLong(PayrollRow::slips).sum(), sum(rows, PayrollRow::gross),
                sum(rows, PayrollRow::deductions), sum(rows, PayrollRow::net), sum(rows, PayrollRow::paid),
                sum(rows, PayrollRow::unpaid)));
    }

    /**
     * The slips of a month behind a payroll or branch figure, by status (default APPROVED and PAID). Each
     * person's pay: read:payroll as well as read:reports.
     */
    @Transactional(readOnly = true)
    public Listing<SlipRow> slips(String monthText, UUID branchId, boolean headOffice, String statusText,
            Caller caller, Paging paging) {
        ReportParams.requirePersonPay(caller);
        YearMonth month = ReportParams.month(monthText, "month");
        List<String> statuses = statusText == null || statusText.isBlank() ? COUNTED_SLIPS
                : java.util.Arrays.stream(statusText.split(",")).map(String::strip).toList();
        if (statuses.isEmpty() || !SLIP_STATUSES.containsAll(statuses)) {
            throw Problems.invalidField("status", "must be one or more of DRAFT, APPROVED, PAID, CANCELLED, comma separated");
        }
        Where where = ReportParams.branches(Where.always(), "s.branch_id", branchId, headOffice, caller)
                .and("s.month = :month", "month", month.atDay(1)).and("s.status in (:statuses)", "statuses", statuses);
        SlipTotal total = jdbc.sql("""
                select count(*) as n, count(distinct s.person_id) as people, coalesce(sum(s.gross), 0) as gross,
                    coalesce(sum(s.total_deductions), 0) as deductions, coalesce(sum(s.net), 0) as net
                from salary_slip s""" + where.sql()).params(where.params())
                .query((rs, n) -> new SlipTotal(rs.getLong("n"), rs.getLong("people"), money(rs.getBigDecimal("gross")),
                        money(rs.getBigDecimal("deductions")), money(rs.getBigDecimal("net")))).single();
        List<SlipRow> rows = page(total.count(), paging, """
                select s.id, s.person_id, s.person_name, s.branch_id, s.status, s.gross, s.total_deductions, s.net,
                    s.paid_at, s.amends
                from salary_slip s""" + where.sql() + " order by s.person_name nulls last, s.id", where,
                (rs, n) -> new SlipRow(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("person_name"), rs.getObject("branch_id", UUID.class), month,
                        rs.getString("status"), money(rs.getBigDecimal("gross")),
                        money(rs.getBigDecimal("total_deductions")), money(rs.getBigDecimal("net")),
                        instant(rs, "paid_at"), rs.getObject("amends", UUID.class)));
        return new Listing<>(rows, meta(paging, total.count()), total);
    }

    // ---- Helpers ----

    private <T> List<T> page(long count, Paging paging, String sql, Where where, RowMapper<T> mapper) {
        if (count <= paging.offset()) {
            return List.of();
        }
        return jdbc.sql(sql + " limit :pageLimit offset :pageOffset").params(where.params())
                .param("pageLimit", paging.size()).param("pageOffset", paging.offset()).query(mapper).list();
    }

    private static <T> Listing<T> listing(List<T> rows, Paging paging, long count, Total total) {
        return new Listing<>(rows, meta(paging, count), total);
    }

    private static PageResponse.PageMetadata meta(Paging paging, long count) {
        return PageResponse.of(List.of(), paging.size(), paging.page(), count).page();
    }

    private String zone() {
        return settings.zone().getId();
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(settings.zone()).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** An amount read from an aggregate (exact already: sums of numeric(12,2) or a round(_, 2)). */
    private static BigDecimal money(BigDecimal value) {
        return value == null ? zero() : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal nullableMoney(BigDecimal value) {
        return value == null ? null : money(value);
    }

    private static <T> BigDecimal sum(List<T> rows, java.util.function.Function<T, BigDecimal> amount) {
        return rows.stream().map(amount).reduce(zero(), BigDecimal::add);
    }

    private record Summed(long count, BigDecimal amount) {
    }

    // ---- What the API answers ----

    /** A page of drill-down rows, and the figure they add up to over all pages. */
    public record Listing<T>(List<T> content, PageResponse.PageMetadata page, Object total) {
    }

    /** A count and the amount it adds up to; {@code drillDown} lists the rows behind it (null in a drill-down). */
    public record Total(long count, BigDecimal amount, String drillDown) {
    }

    public record CollectionsReport(LocalDate from, LocalDate to, String groupBy, UUID branchId,
            List<CollectionRow> rows, Total total) {

        Csv.Table table() {
            return new Csv.Table("collections-" + from + "-" + to + "-by-" + groupBy + ".csv",
                    List.of("key", "label", "count", "amount"),
                    rows.stream().map(r -> Csv.line().value(r.key()).text(r.label()).value(r.count())
                            .amount(r.amount()).cells()).toList());
        }
    }

    /** @param key the day (yyyy-MM-dd), month (yyyy-MM), branch id (HEAD_OFFICE for none) or method */
    public record CollectionRow(String key, String label, long count, BigDecimal amount, String drillDown) {
    }

    public record PaymentRow(UUID id, Instant receivedAt, UUID studentId, String studentName, UUID branchId,
            String branchName, String method, String reference, String status, BigDecimal amount) implements CsvRow {

        static final List<String> HEADER = List.of("id", "receivedAt", "studentId", "studentName", "branchId", "branchName", "method",
                "reference", "status", "amount");

        @Override
        public List<String> csv() {
            return Csv.line().value(id).value(receivedAt).value(studentId).text(studentName).value(branchId)
                    .text(branchName).value(method).text(reference).value(status).amount(amount).cells();
        }
    }

    public record DuesReport(LocalDate asOf, UUID branchId, List<DuesRow> rows, DuesTotal total) {

        Csv.Table table() {
            return new Csv.Table("dues-" + asOf + ".csv",
                    List.of("branchId", "branchName", "students", "installments", "pending", "overdue", "notYetDue",
                            "days1To30", "days31To60", "days61To90", "over90"),
                    rows.stream().map(r -> Csv.line().value(r.branchId()).text(r.branchName()).value(r.students())
                            .value(r.installments()).amount(r.pending()).amount(r.overdue()).amount(r.notYetDue())
                            .amount(r.days1To30()).amount(r.days31To60()).amount(r.days61To90()).amount(r.over90())
                            .cells()).toList());
        }
    }

    public record DuesRow(UUID branchId, String branchName, long students, long installments, BigDecimal pending,
            BigDecimal overdue, BigDecimal notYetDue, BigDecimal days1To30, BigDecimal days31To60,
            BigDecimal days61To90, BigDecimal over90, DuesLinks drillDown) {
    }

    public record DuesTotal(long installments, BigDecimal pending, BigDecimal overdue, BigDecimal notYetDue,
            BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90,
            DuesLinks drillDown) {
    }

    /** The installments behind each figure of a dues row. */
    public record DuesLinks(String pending, String overdue, String notYetDue, String days1To30, String days31To60,
            String days61To90, String over90) {
    }

    /** @param daysOverdue days past the due date on the report's day (0: not yet due) */
    public record InstallmentRow(UUID id, UUID planId, UUID studentId, String studentName, UUID branchId,
            String branchName, LocalDate dueDate, BigDecimal amount, BigDecimal paid, BigDecimal unpaid,
            int daysOverdue) implements CsvRow {

        static final List<String> HEADER = List.of("id", "planId", "studentId", "studentName", "branchId", "branchName",
                "dueDate", "amount", "paid", "unpaid", "daysOverdue");

        @Override
        public List<String> csv() {
            return Csv.line().value(id).value(planId).value(studentId).text(studentName).value(branchId)
                    .text(branchName).value(dueDate).amount(amount).amount(paid).amount(unpaid).value(daysOverdue).cells();
        }
    }

    public record BatchReport(YearMonth month, UUID branchId, List<BatchRow> rows, BatchTotal total) {

        Csv.Table table() {
            return new Csv.Table("batches-" + month + ".csv",
                    List.of("batchId", "batchName", "branchId", "branchName", "payments", "fees", "teacherPay",
                            "draftTeacherPay", "monthlyOverhead", "overheadDays", "overhead", "margin"),
                    rows.stream().map(r -> Csv.line().value(r.batchId()).text(r.batchName()).value(r.branchId())
                            .text(r.branchName()).value(r.payments()).amount(r.fees()).amount(r.teacherPay())
                            .amount(r.draftTeacherPay()).amount(r.monthlyOverhead()).value(r.overheadDays())
                            .amount(r.overhead()).amount(r.margin()).cells()).toList());
        }
    }

    /**
     * A batch's month.
     *
     * @param teacherPay      earning lines naming the batch on APPROVED and PAID slips of the month
     * @param draftTeacherPay the same on DRAFT slips: shown, not counted in the margin
     * @param overheadDays    days of the month the batch ran (between its start and end dates)
     * @param overhead        monthlyOverhead x overheadDays / days in the month, to the paisa
     */
    public record BatchRow(UUID batchId, String batchName, UUID branchId, String branchName, long payments,
            BigDecimal fees, BigDecimal teacherPay, BigDecimal draftTeacherPay, BigDecimal monthlyOverhead,
            int overheadDays, BigDecimal overhead, BigDecimal margin, BatchLinks drillDown) {
    }

    public record BatchTotal(BigDecimal fees, BigDecimal teacherPay, BigDecimal draftTeacherPay, BigDecimal overhead,
            BigDecimal margin) {
    }

    public record BatchLinks(String fees, String teacherPay, String draftTeacherPay) {
    }

    /** @param amount what the payment allocated to installments of the batch's plans */
    public record BatchPaymentRow(UUID id, Instant receivedAt, UUID studentId, String studentName, String method,
            String reference, BigDecimal amount) implements CsvRow {

        static final List<String> HEADER = List.of("id", "receivedAt", "studentId", "studentName", "method", "reference",
                "amount");

        @Override
        public List<String> csv() {
            return Csv.line().value(id).value(receivedAt).value(studentId).text(studentName).value(method)
                    .text(reference).amount(amount).cells();
        }
    }

    public record PayLineRow(UUID slipId, UUID personId, String personName, String slipStatus, int seq, String code,
            String name, BigDecimal amount, String basis) implements CsvRow {

        static final List<String> HEADER = List.of("slipId", "personId", "personName", "slipStatus", "seq", "code", "name",
                "amount", "basis");

        @Override
        public List<String> csv() {
            return Csv.line().value(slipId).value(personId).text(personName).value(slipStatus).value(seq)
                    .value(code).text(name).amount(amount).text(basis).cells();
        }
    }

    public record BranchReport(YearMonth month, UUID branchId, List<BranchRow> rows, BranchTotal total) {

        Csv.Table table() {
            return new Csv.Table("branches-" + month + ".csv",
                    List.of("branchId", "branchName", "payments", "income", "slips", "salaries", "expenseCount",
                            "expenses", "net"),
                    rows.stream().map(r -> Csv.line().value(r.branchId()).text(r.branchName()).value(r.payments())
                            .amount(r.income()).value(r.slips()).amount(r.salaries()).value(r.expenseCount())
                            .amount(r.expenses()).amount(r.net()).cells()).toList());
        }
    }

    /** @param salaries gross of the month's APPROVED and PAID slips of the branch */
    public record BranchRow(UUID branchId, String branchName, long payments, BigDecimal income, long slips,
            BigDecimal salaries, long expenseCount, BigDecimal expenses, BigDecimal net, BranchLinks drillDown) {
    }

    public record BranchTotal(BigDecimal income, BigDecimal salaries, BigDecimal expenses, BigDecimal net,
            BranchLinks drillDown) {
    }

    public record BranchLinks(String income, String salaries, String expenses) {
    }

    public record ExpenseRow(UUID id, LocalDate spentOn, UUID branchId, String branchName, String category,
            String title, BigDecimal amount) implements CsvRow {

        static final List<String> HEADER = List.of("id", "spentOn", "branchId", "branchName", "category", "title", "amount");

        @Override
        public List<String> csv() {
            return Csv.line().value(id).value(spentOn).value(branchId).text(branchName).value(category)
                    .text(title).amount(amount).cells();
        }
    }

    public record PayrollReport(YearMonth from, YearMonth to, UUID branchId, List<PayrollRow> rows,
            PayrollTotal total) {

        Csv.Table table() {
            return new Csv.Table("payroll-" + from + "-" + to + ".csv",
                    List.of("month", "people", "slips", "gross", "deductions", "net", "paid", "unpaid", "draftSlips"),
                    rows.stream().map(r -> Csv.line().value(r.month()).value(r.people()).value(r.slips())
                            .amount(r.gross()).amount(r.deductions()).amount(r.net()).amount(r.paid())
                            .amount(r.unpaid()).value(r.draftSlips()).cells()).toList());
        }
    }

    /**
     * A month of payroll: APPROVED and PAID slips.
     *
     * @param paid   net of PAID slips
     * @param unpaid net of APPROVED slips not paid yet
     */
    public record PayrollRow(YearMonth month, long people, long slips, BigDecimal gross, BigDecimal deductions,
            BigDecimal net, BigDecimal paid, BigDecimal unpaid, long draftSlips, PayrollLinks drillDown) {
    }

    public record PayrollTotal(long slips, BigDecimal gross, BigDecimal deductions, BigDecimal net, BigDecimal paid,
            BigDecimal unpaid) {
    }

    public record PayrollLinks(String slips, String paid, String unpaid, String drafts) {
    }

    public record SlipRow(UUID id, UUID personId, String personName, UUID branchId, YearMonth month, String status,
            BigDecimal gross, BigDecimal deductions, BigDecimal net, Instant paidAt, UUID amends) implements CsvRow {

        static final List<String> HEADER = List.of("id", "personId", "personName", "branchId", "month", "status", "gross",
                "deductions", "net", "paidAt", "amends");

        @Override
        public List<String> csv() {
            return Csv.line().value(id).value(personId).text(personName).value(branchId).value(month)
                    .value(status).amount(gross).amount(deductions).amount(net).value(paidAt).value(amends).cells();
        }
    }

    public record SlipTotal(long count, long people, BigDecimal gross, BigDecimal deductions, BigDecimal net) {
    }

    /** The CSV of a drill-down page: its header and the page's rows. */
    static Csv.Table table(String name, List<String> header, Listing<? extends CsvRow> listing) {
        return new Csv.Table(name + ".csv", header, listing.content().stream().map(CsvRow::csv).toList());
    }

    /** A drill-down row as the cells of a CSV line, in the order of its record's HEADER. */
    interface CsvRow {
        List<String> csv();
    }
}
