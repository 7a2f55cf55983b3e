package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The finance reports on a small worked example: November 2026 in two branches (Delhi, Noida) and head
 * office. Payments are taken and reversed, expenses recorded and approved through the API; salary slips
 * and batch pay terms are written as a payroll run and enrollment's events would leave them. Each report's
 * figures are checked by hand, its CSV against its JSON, every figure against the sum of its drill-down,
 * reach (a branch's staff see their branch only; without read:reports nothing) and bad parameters.
 */
class ReportsIT extends FinanceTestBase {

    /** The worked example, made once for the class (the tests only read it). */
    private static World world;

    private record World(UUID delhi, UUID noida, UUID batch1, UUID batch2, UUID batch3, String reversedPayment) {
    }

    private static String delhiReports(UUID delhi) {
        return KEYS.staff("BRANCH_MANAGER", delhi, "read:reports");
    }

    /**
     * Head office's payroll manager: reports and payroll, the two grants the drill-downs to each person's
     * pay (slips, a batch's pay lines) need.
     */
    private static final String PAYROLL_REPORTS = KEYS.staff("PAYROLL_MANAGER", UUID.randomUUID(), "read:reports",
            "read:payroll", "access:all_branches");

    private World world() {
        if (world != null) {
            return world;
        }
        UUID delhi = branch("DEL", "07", null);
        UUID noida = branch("NOI", "09", null);
        String delhiOffice = backOffice(delhi);
        String noidaOffice = backOffice(noida);
        UUID s1 = student("=Aarav Sharma", "07");
        UUID s2 = student("Diya \"Dee\" Mehta, Jr", "07");
        UUID s3 = student("Kabir Rao", "09");
        UUID s4 = student("Isha Gupta", "07");
        UUID s5 = student("Vihaan Jain", "07");
        UUID batch1 = batch(delhi, LocalDate.of(2026, 11, 1), null);
        UUID batch2 = batch(noida, LocalDate.of(2026, 11, 1), null);
        UUID batch3 = UUID.randomUUID();

        // August: a plan left unpaid (over 90 days past due by December).
        setDay(LocalDate.of(2026, 8, 1));
        plan(s4, delhi, batch1, "9000.00", FeeSchedule.Frequency.ONE_TIME);
        // 3 November: two students of batch 1 pay part of their one-time fees.
        setDay(LocalDate.of(2026, 11, 3));
        UUID p1 = plan(s1, delhi, batch1, "30000.00", FeeSchedule.Frequency.ONE_TIME);
        UUID p2 = plan(s2, delhi, batch1, "20000.00", FeeSchedule.Frequency.ONE_TIME);
        pay(delhiOffice, p1, "10000.00", "UPI", upi("401234567890"));
        pay(delhiOffice, p2, "5000.00", "CASH", Map.of());
        // 20 November: Noida, paid in full.
        setDay(LocalDate.of(2026, 11, 20));
        UUID p3 = plan(s3, noida, batch2, "15000.00", FeeSchedule.Frequency.ONE_TIME);
        pay(noidaOffice, p3, "15000.00", "CASH", Map.of());
        // 25 November: entered in error, reversed the next day: it counts nothing, on any day.
        setDay(LocalDate.of(2026, 11, 25));
        String wrong = pay(delhiOffice, p1, "2500.50", "CASH", Map.of()).path("id").asString();
        setDay(LocalDate.of(2026, 11, 26));
        Response reversed = api.post("/api/v1/payments/" + wrong + "/reversal", delhiOffice, Map.of("reason", "typo"));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        // 00:30 on 1 December in India is still 30 November in UTC: it is December's money.
        clock.set(LocalDateTime.of(2026, 12, 1, 0, 30).atZone(INDIA).toInstant());
        pay(delhiOffice, p2, "1000.00", "UPI", upi("409876543210"));
        // Today (2 December): a monthly fee of 3,000 for a batch to February, the first due today.
        setDay(TODAY);
        plan(s5, delhi, batch(delhi, TODAY, LocalDate.of(2027, 2, 28)), "3000.00", FeeSchedule.Frequency.MONTHLY);

        // Expenses, through the API: counted, waiting for approval, reversed, another month, another branch.
        String delhiManager = KEYS.staff("BRANCH_MANAGER", delhi, "manage:expenses", "read:expenses");
        expense(delhiManager, delhi, "4000.00", "2026-11-05", "Rent, \"first floor\"");
        expense(delhiManager, delhi, "30000.00", "2026-11-10", "Projector");
        String reversedExpense = expense(delhiManager, delhi, "1200.50", "2026-11-30", "Chairs");
        assertThat(api.post("/api/v1/expenses/" + reversedExpense + "/reversal", delhiManager,
                Map.of("reason", "entered twice")).status()).isEqualTo(200);
        expense(delhiManager, delhi, "800.00", "2026-12-01", "Water");
        expense(KEYS.staff("BRANCH_MANAGER", noida, "manage:expenses"), noida, "2000.00", "2026-11-20", "Posters");

        // Batch pay terms as enrollment's events leave them: batch 1 from 10 November (21 of 30 days),
        // batch 3 closed on 15 November (15 days); batch 2 has none.
        batchPay(batch1, delhi, "JEE Jan 2027", LocalDate.of(2026, 11, 10), null, "OPEN", "9000.00");
        batchPay(batch3, delhi, "NEET Oct 2026", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 15), "CLOSED",
                "3100.00");

        // Salary slips as payroll runs leave them.
        YearMonth nov = YearMonth.of(2026, 11);
        UUID t1 = UUID.randomUUID();
        slip(nov, delhi, t1, "Ravi Kumar", "APPROVED", "17000.00", "1800.00", "15200.00",
                line("BATCH", "12000.00", batch1), line("BASIC", "5000.00", null));
        slip(nov, delhi, UUID.randomUUID(), "Sunita Das", "DRAFT", "3000.00", "0.00", "3000.00",
                line("BATCH", "3000.00", batch1));
        slip(nov, delhi, UUID.randomUUID(), "Old Slip", "CANCELLED", "999.00", "0.00", "999.00",
                line("BATCH", "999.00", batch1));
        slip(nov, delhi, UUID.randomUUID(), "Meena Iyer", "PAID", "1500.00", "0.00", "1500.00",
                line("BATCH", "1500.00", batch1));
        slip(nov, noida, UUID.randomUUID(), "Arjun Nair", "PAID", "8000.00", "500.00", "7500.00",
                line("BASIC", "8000.00", null));
        slip(nov, null, UUID.randomUUID(), "Head Office Accountant", "APPROVED", "40000.00", "4000.00", "36000.00",
                line("BASIC", "40000.00", null));
        slip(YearMonth.of(2026, 10), delhi, t1, "Ravi Kumar", "PAID", "17000.00", "1800.00", "15200.00",
                line("BASIC", "17000.00", null));
        world = new World(delhi, noida, batch1, batch2, batch3, wrong);
        return world;
    }

    private String expense(String token, UUID branch, String amount, String spentOn, String title) {
        Response recorded = api.post("/api/v1/expenses", token, Map.of("title", title, "amount", new BigDecimal(amount),
                "category", "OPERATIONAL", "spentOn", spentOn, "branchId", branch.toString()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded.json().path("id").asString();
    }

    private void batchPay(UUID batch, UUID branch, String name, LocalDate start, LocalDate end, String status,
            String overhead) {
        jdbc.update("""
                insert into batch_pay (batch_id, course_id, branch_id, name, start_date, end_date, status,
                    teacher_compensation, monthly_overhead, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 20000.00, ?, now())""", batch, UUID.randomUUID(), branch, name, start, end,
                status, new BigDecimal(overhead));
    }

    private record Line(String code, String amount, UUID batch) {
    }

    private static Line line(String code, String amount, UUID batch) {
        return new Line(code, amount, batch);
    }

    private final Map<String, UUID> runs = new HashMap<>();

    /** A slip as a payroll run makes it: a DRAFT with its lines, then approved, paid or cancelled. */
    private void slip(YearMonth month, UUID branch, UUID person, String name, String status, String gross,
            String deductions, String net, Line... lines) {
        UUID run = runs.computeIfAbsent(month + "/" + branch, k -> {
            UUID id = UUID.randomUUID();
            jdbc.update("insert into payroll_run (id, month, branch_id, created_by, created_at) values (?, ?, ?, ?, now())",
                    id, month.atDay(1), branch, UUID.randomUUID());
            return id;
        });
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into salary_slip (id, run_id, person_id, person_name, branch_id, month, status, working_days,
                    payment_days, gross, total_deductions, net, net_in_words, created_at)
                values (?, ?, ?, ?, ?, ?, 'DRAFT', 30, 30, ?, ?, ?, 'Rupees', now())""",
                id, run, person, name, branch, month.atDay(1), new BigDecimal(gross), new BigDecimal(deductions),
                new BigDecimal(net));
        int seq = 1;
        for (Line line : lines) {
            jdbc.update("""
                    insert into salary_slip_line (slip_id, seq, kind, code, name, amount, batch_id, basis)
                    values (?, ?, 'EARNING', ?, ?, ?, ?, 'worked example')""", id, seq++, line.code(), line.code(),
                    new BigDecimal(line.amount()), line.batch());
        }
        if (!status.equals("DRAFT")) {
            jdbc.update(status.equals("CANCELLED") ? "update salary_slip set status = 'CANCELLED' where id = ?"
                    : "update salary_slip set status = 'APPROVED', approved_by = gen_random_uuid(), approved_at = now() where id = ?",
                    id);
        }
        if (status.equals("PAID")) {
            jdbc.update("""
                    update salary_slip set status = 'PAID', paid_by = ?, paid_at = ?, paid_method = 'BANK_TRANSFER'
                    where id = ?""", UUID.randomUUID(), Timestamp.from(clock.instant()), id);
        }
    }

    // ---- Reading reports ----

    private JsonNode ok(String path, String token) {
        Response got = api.get(path, token);
        assertThat(got.status()).as(path + " " + got).isEqualTo(200);
        return got.json();
    }

    /** Every row of a drill-down (all pages of 100), checked against the total it reports. */
    private List<JsonNode> drill(String link, String token) {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode got = ok(link + "&size=100&page=" + page, token);
            got.path("content").valueStream().forEach(rows::add);
            if (page + 1 >= got.path("page").path("totalPages").asInt()) {
                assertThat(rows).hasSize(got.path("page").path("totalElements").asInt());
                return rows;
            }
        }
    }

    private static BigDecimal sum(List<JsonNode> rows, String field) {
        return rows.stream().map(r -> money(r.path(field))).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    private void assertDrillsTo(String link, String token, String field, JsonNode figure) {
        List<JsonNode> rows = drill(link, token);
        assertThat(sum(rows, field)).as(link).isEqualByComparingTo(money(figure));
        JsonNode total = ok(link, token).path("total");
        if (total.has("amount")) {
            assertThat(money(total.path("amount"))).as(link).isEqualByComparingTo(money(figure));
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode rows, String key) {
        Map<String, JsonNode> map = new HashMap<>();
        rows.valueStream().forEach(r -> map.put(r.path(key).asString(), r));
        return map;
    }

    // ---- Collections ----

    @Test
    void collectionsCountStandingPaymentsOnTheirDayInIndiaAndDrillDownToThem() {
        World w = world();
        JsonNode days = ok("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30&groupBy=day", director);
        assertThat(days.path("rows").valueStream().map(r -> r.path("key").asString() + " " + r.path("count").asInt()
                + " " + money(r.path("amount")))).containsExactly("2026-11-03 2 15000.00", "2026-11-20 1 15000.00");
        assertThat(money(days.path("total").path("amount"))).isEqualByComparingTo("30000.00");
        assertThat(days.path("total").path("count").asInt()).isEqualTo(3);

        JsonNode months = ok("/api/v1/reports/collections?from=2026-11-01&to=2026-12-02&groupBy=month", director);
        assertThat(months.path("rows").valueStream().map(r -> r.path("key").asString() + " " + money(r.path("amount"))))
                .containsExactly("2026-11 30000.00", "2026-12 1000.00");
        JsonNode methods = ok("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30&groupBy=method", director);
        assertThat(methods.path("rows").valueStream().map(r -> r.path("key").asString() + " " + money(r.path("amount"))))
                .containsExactly("CASH 20000.00", "UPI 10000.00");
        JsonNode branches = ok("/api/v1/reports/collections?from=2026-11-01&to=2026-12-02&groupBy=branch", director);
        Map<String, JsonNode> byBranch = byKey(branches.path("rows"), "key");
        assertThat(money(byBranch.get(w.delhi().toString()).path("amount"))).isEqualByComparingTo("16000.00");
        assertThat(byBranch.get(w.delhi().toString()).path("label").asString()).isEqualTo("Branch DEL");
        assertThat(money(byBranch.get(w.noida().toString()).path("amount"))).isEqualByComparingTo("15000.00");

        // Every row and every total adds up from its payments, and the reversed one is in none of them.
        for (JsonNode report : List.of(days, months, methods, branches)) {
            for (JsonNode row : report.path("rows")) {
                assertDrillsTo(row.path("drillDown").asString(), director, "amount", row.path("amount"));
                assertThat(drill(row.path("drillDown").asString(), director)).hasSize(row.path("count").asInt())
                        .noneMatch(p -> p.path("id").asString().equals(w.reversedPayment()));
            }
            assertDrillsTo(report.path("total").path("drillDown").asString(), director, "amount",
                    report.path("total").path("amount"));
        }
        // A page of a drill-down still carries the figure over all pages.
        JsonNode third = ok("/api/v1/reports/collections/payments?from=2026-11-01&to=2026-11-30&size=1&page=2", director);
        assertThat(third.path("content")).hasSize(1);
        assertThat(third.path("page").path("totalElements").asInt()).isEqualTo(3);
        assertThat(money(third.path("total").path("amount"))).isEqualByComparingTo("30000.00");
        assertThat(third.path("content").get(0).path("branchId").asString()).isEqualTo(w.noida().toString());
        JsonNode lastDay = ok("/api/v1/reports/collections/payments?day=2026-12-01", director);
        assertThat(lastDay.path("content").get(0).path("receivedAt").asString()).isEqualTo("2026-11-30T19:00:00Z");
    }

    @Test
    void aBranchsStaffSeeTheirBranchOnlyAndNoOneWithoutReadReports() {
        World w = world();
        String delhi = delhiReports(w.delhi());
        JsonNode own = ok("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30&groupBy=branch", delhi);
        assertThat(own.path("rows").valueStream().map(r -> r.path("key").asString())).containsExactly(w.delhi().toString());
        assertThat(money(own.path("total").path("amount"))).isEqualByComparingTo("15000.00");
        assertThat(drill(own.path("total").path("drillDown").asString(), delhi)).hasSize(2);
        assertThat(ok("/api/v1/reports/branches?month=2026-11", delhi).path("rows").valueStream()
                .map(r -> r.path("branchId").asString())).containsExactly(w.delhi().toString());
        assertThat(ok("/api/v1/reports/batches?month=2026-11", delhi).path("rows").valueStream()
                .map(r -> r.path("batchId").asString())).containsExactlyInAnyOrder(w.batch1().toString(),
                        w.batch3().toString());
        assertThat(money(ok("/api/v1/reports/payroll?from=2026-11&to=2026-11", delhi).path("rows").get(0)
                .path("gross"))).isEqualByComparingTo("18500.00");
        assertThat(ok("/api/v1/reports/dues", delhi).path("rows").valueStream().map(r -> r.path("branchId").asString()))
                .containsExactly(w.delhi().toString());

        // Another branch, head office, or another branch's batch: not theirs.
        for (String path : List.of("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30&branchId=" + w.noida(),
                "/api/v1/reports/collections/payments?day=2026-11-20&branchId=" + w.noida(),
                "/api/v1/reports/dues?branchId=" + w.noida(), "/api/v1/reports/branches?month=2026-11&headOffice=true",
                "/api/v1/reports/slips?month=2026-11&branchId=" + w.noida(),
                "/api/v1/reports/expenses?from=2026-11-01&to=2026-11-30&branchId=" + w.noida())) {
            assertThat(api.get(path, delhi).status()).as(path).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/reports/batches/" + w.batch2() + "/payments?month=2026-11", delhi).status())
                .isEqualTo(404);

        // Reading fees, expenses or payroll is not reading reports.
        String noReports = KEYS.staff("ACCOUNTANT", w.delhi(), "manage:fees", "read:expenses", "read:payroll");
        for (String path : List.of("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30",
                "/api/v1/reports/collections/payments?day=2026-11-03", "/api/v1/reports/dues",
                "/api/v1/reports/dues/installments", "/api/v1/reports/batches?month=2026-11",
                "/api/v1/reports/batches/" + w.batch1() + "/pay-lines?month=2026-11",
                "/api/v1/reports/branches?month=2026-11", "/api/v1/reports/expenses?from=2026-11-01&to=2026-11-30",
                "/api/v1/reports/payroll?from=2026-11&to=2026-11", "/api/v1/reports/slips?month=2026-11")) {
            assertThat(api.get(path, noReports).status()).as(path).isEqualTo(403);
            assertThat(api.get(path + (path.contains("?") ? "&" : "?") + "format=csv", noReports).status()).as(path)
                    .isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }

    /**
     * A person's salary is private to them and to payroll roles: a business analyst (read:reports, every
     * branch, no read:payroll) reads the aggregate reports, the batch's teacher pay total among them, but
     * not the slips or a batch's pay lines behind them (403, as JSON and as CSV); with read:payroll (or
     * manage:payroll) they are listed.
     */
    @Test
    void eachPersonsPayIsListedOnlyWithReadPayrollAsWellAsReadReports() {
        World w = world();
        String analyst = KEYS.staff("BUSINESS_ANALYST", UUID.randomUUID(), "read:reports", "access:all_branches");
        JsonNode batches = ok("/api/v1/reports/batches?month=2026-11", analyst);
        assertThat(money(byKey(batches.path("rows"), "batchId").get(w.batch1().toString()).path("teacherPay")))
                .isEqualByComparingTo("13500.00");
        assertThat(ok("/api/v1/reports/branches?month=2026-11", analyst).path("total"))
                .isEqualTo(ok("/api/v1/reports/branches?month=2026-11", director).path("total"));
        assertThat(money(ok("/api/v1/reports/payroll?from=2026-11&to=2026-11", analyst).path("total").path("gross")))
                .isEqualByComparingTo("66500.00");

        List<String> personal = List.of("/api/v1/reports/slips?month=2026-11",
                "/api/v1/reports/slips?month=2026-11&headOffice=true",
                "/api/v1/reports/batches/" + w.batch1() + "/pay-lines?month=2026-11",
                "/api/v1/reports/batches/" + w.batch1() + "/pay-lines?month=2026-11&draft=true");
        for (String path : personal) {
            Response refused = api.get(path, analyst);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().path("type").asString()).as(path).endsWith("forbidden");
            assertThat(refused.json().path("detail").asString()).as(path).contains("read:payroll");
            assertThat(api.get(path + "&format=csv", analyst).status()).as(path).isEqualTo(403);
        }
        // A branch manager with read:reports only: not even their own branch's.
        for (String path : List.of("/api/v1/reports/slips?month=2026-11",
                "/api/v1/reports/batches/" + w.batch1() + "/pay-lines?month=2026-11")) {
            assertThat(api.get(path, delhiReports(w.delhi())).status()).as(path).isEqualTo(403);
        }
        String managesPayroll = KEYS.staff("PAYROLL_MANAGER", w.delhi(), "read:reports", "manage:payroll");
        for (String token : List.of(PAYROLL_REPORTS, managesPayroll)) {
            assertThat(ok("/api/v1/reports/slips?month=2026-11&branchId=" + w.delhi(), token).path("content").size())
                    .isPositive();
            assertThat(ok("/api/v1/reports/batches/" + w.batch1() + "/pay-lines?month=2026-11", token).path("content")
                    .size()).isPositive();
        }
    }

    // ---- Dues ----

    @Test
    void duesAgeAsTheDuesModuleDoesAndEachBucketDrillsDownToItsInstallments() {
        World w = world();
        JsonNode report = ok("/api/v1/reports/dues", director);
        assertThat(report.path("asOf").asString()).isEqualTo("2026-12-02");
        JsonNode delhi = byKey(report.path("rows"), "branchId").get(w.delhi().toString());
        // Aarav owes 20,000 and Diya 14,000 of 3 November (29 days); Isha 9,000 of 1 August (123 days);
        // Vihaan 3,000 due today (not yet overdue) and 6,000 later.
        assertThat(money(delhi.path("pending"))).isEqualByComparingTo("52000.00");
        assertThat(money(delhi.path("overdue"))).isEqualByComparingTo("43000.00");
        assertThat(money(delhi.path("notYetDue"))).isEqualByComparingTo("9000.00");
        assertThat(money(delhi.path("days1To30"))).isEqualByComparingTo("34000.00");
        assertThat(money(delhi.path("days31To60"))).isEqualByComparingTo("0.00");
        assertThat(money(delhi.path("over90"))).isEqualByComparingTo("9000.00");
        assertThat(byKey(report.path("rows"), "branchId")).doesNotContainKey(w.noida().toString());

        // The same figures as GET /api/v1/dues/ageing.
        JsonNode ageing = ok("/api/v1/dues/ageing?branchId=" + w.delhi(), director).get(0).path("ageing");
        for (String field : List.of("pending", "overdue", "notYetDue", "days1To30", "days31To60", "days61To90", "over90")) {
            assertThat(money(delhi.path(field))).as(field).isEqualByComparingTo(money(ageing.path(field)));
        }

        // Judged on another day: on 15 January Aarav's and Diya's 34,000 are 73 days old.
        JsonNode later = ok("/api/v1/reports/dues?asOf=2027-01-15&branchId=" + w.delhi(), director);
        JsonNode row = later.path("rows").get(0);
        assertThat(money(row.path("days61To90"))).isEqualByComparingTo("34000.00");
        assertThat(money(row.path("days31To60"))).isEqualByComparingTo("3000.00");
        assertThat(money(row.path("days1To30"))).isEqualByComparingTo("3000.00");
        assertThat(money(row.path("notYetDue"))).isEqualByComparingTo("3000.00");

        for (JsonNode r : List.of(delhi, row, report.path("total"), later.path("total"))) {
            for (String field : List.of("pending", "overdue", "notYetDue", "days1To30", "days31To60", "days61To90",
                    "over90")) {
                assertDrillsTo(r.path("drillDown").path(field).asString(), director, "unpaid", r.path(field));
            }
        }
        List<JsonNode> over90 = drill(delhi.path("drillDown").path("over90").asString(), director);
        assertThat(over90).singleElement().satisfies(i -> {
            assertThat(i.path("studentName").asString()).isEqualTo("Isha Gupta");
            assertThat(i.path("daysOverdue").asInt()).isEqualTo(123);
        });
    }

    // ---- Batches ----

    @Test
    void aBatchsMonthIsItsFeesLessApprovedTeacherPayAndItsShareOfOverhead() {
        World w = world();
        JsonNode report = ok("/api/v1/reports/batches?month=2026-11", director);
        Map<String, JsonNode> rows = byKey(report.path("rows"), "batchId");
        JsonNode b1 = rows.get(w.batch1().toString());
        assertThat(money(b1.path("fees"))).isEqualByComparingTo("15000.00");
        assertThat(b1.path("payments").asInt()).isEqualTo(2);
        assertThat(money(b1.path("teacherPay"))).isEqualByComparingTo("13500.00");
        assertThat(money(b1.path("draftTeacherPay"))).isEqualByComparingTo("3000.00");
        assertThat(b1.path("overheadDays").asInt()).isEqualTo(21);
        assertThat(money(b1.path("overhead"))).isEqualByComparingTo("6300.00");
        assertThat(money(b1.path("margin"))).isEqualByComparingTo("-4800.00");
        JsonNode b2 = rows.get(w.batch2().toString());
        assertThat(money(b2.path("fees"))).isEqualByComparingTo("15000.00");
        assertThat(money(b2.path("overhead"))).isEqualByComparingTo("0.00");
        assertThat(money(b2.path("margin"))).isEqualByComparingTo("15000.00");
        JsonNode b3 = rows.get(w.batch3().toString());
        assertThat(b3.path("overheadDays").asInt()).isEqualTo(15);
        assertThat(money(b3.path("overhead"))).isEqualByComparingTo("1550.00");
        assertThat(money(b3.path("margin"))).isEqualByComparingTo("-1550.00");
        assertThat(rows).hasSize(3);
        assertThat(money(report.path("total").path("margin"))).isEqualByComparingTo("8650.00");

        for (JsonNode row : report.path("rows")) {
            assertDrillsTo(row.path("drillDown").path("fees").asString(), director, "amount", row.path("fees"));
            assertDrillsTo(row.path("drillDown").path("teacherPay").asString(), PAYROLL_REPORTS, "amount",
                    row.path("teacherPay"));
            assertDrillsTo(row.path("drillDown").path("draftTeacherPay").asString(), PAYROLL_REPORTS, "amount",
                    row.path("draftTeacherPay"));
        }
        assertThat(drill(b1.path("drillDown").path("teacherPay").asString(), PAYROLL_REPORTS).stream()
                .map(l -> l.path("slipStatus").asString())).containsExactlyInAnyOrder("APPROVED", "PAID");
        // December has no slips and only the one payment of 1 December.
        JsonNode december = ok("/api/v1/reports/batches?month=2026-12&branchId=" + w.delhi(), director);
        assertThat(money(byKey(december.path("rows"), "batchId").get(w.batch1().toString()).path("fees")))
                .isEqualByComparingTo("1000.00");
    }

    // ---- Branches ----

    @Test
    void aBranchsMonthIsIncomeLessApprovedSalariesAndCountedExpenses() {
        World w = world();
        JsonNode report = ok("/api/v1/reports/branches?month=2026-11", director);
        Map<String, JsonNode> rows = byKey(report.path("rows"), "branchId");
        JsonNode delhi = rows.get(w.delhi().toString());
        assertThat(money(delhi.path("income"))).isEqualByComparingTo("15000.00");
        assertThat(money(delhi.path("salaries"))).isEqualByComparingTo("18500.00");
        assertThat(money(delhi.path("expenses"))).isEqualByComparingTo("4000.00");
        assertThat(money(delhi.path("net"))).isEqualByComparingTo("-7500.00");
        JsonNode noida = rows.get(w.noida().toString());
        assertThat(money(noida.path("net"))).isEqualByComparingTo("5000.00");
        JsonNode headOffice = report.path("rows").valueStream().filter(r -> r.path("branchId").isNull()).findFirst()
                .orElseThrow();
        assertThat(headOffice.path("branchName").asString()).isEqualTo("Head office");
        assertThat(money(headOffice.path("salaries"))).isEqualByComparingTo("40000.00");
        assertThat(money(report.path("total").path("net"))).isEqualByComparingTo("-42500.00");

        List<JsonNode> all = new ArrayList<>();
        report.path("rows").forEach(all::add);
        all.add(report.path("total"));
        for (JsonNode row : all) {
            assertDrillsTo(row.path("drillDown").path("income").asString(), director, "amount", row.path("income"));
            assertDrillsTo(row.path("drillDown").path("salaries").asString(), PAYROLL_REPORTS, "gross",
                    row.path("salaries"));
            assertDrillsTo(row.path("drillDown").path("expenses").asString(), director, "amount", row.path("expenses"));
        }
        assertThat(drill(delhi.path("drillDown").path("expenses").asString(), director).stream()
                .map(e -> e.path("title").asString())).containsExactly("Rent, \"first floor\"");
    }

    // ---- Payroll ----

    @Test
    void payrollCostPerMonthCountsApprovedAndPaidSlips() {
        world();
        JsonNode report = ok("/api/v1/reports/payroll?from=2026-10&to=2026-12", director);
        assertThat(report.path("rows")).hasSize(2);
        JsonNode oct = report.path("rows").get(0);
        assertThat(oct.path("month").asString()).isEqualTo("2026-10");
        assertThat(money(oct.path("paid"))).isEqualByComparingTo("15200.00");
        JsonNode nov = report.path("rows").get(1);
        assertThat(nov.path("people").asInt()).isEqualTo(4);
        assertThat(money(nov.path("gross"))).isEqualByComparingTo("66500.00");
        assertThat(money(nov.path("deductions"))).isEqualByComparingTo("6300.00");
        assertThat(money(nov.path("net"))).isEqualByComparingTo("60200.00");
        assertThat(money(nov.path("paid"))).isEqualByComparingTo("9000.00");
        assertThat(money(nov.path("unpaid"))).isEqualByComparingTo("51200.00");
        assertThat(nov.path("draftSlips").asInt()).isEqualTo(1);
        assertThat(money(report.path("total").path("gross"))).isEqualByComparingTo("83500.00");

        for (JsonNode row : report.path("rows")) {
            JsonNode links = row.path("drillDown");
            List<JsonNode> slips = drill(links.path("slips").asString(), PAYROLL_REPORTS);
            assertThat(sum(slips, "gross")).isEqualByComparingTo(money(row.path("gross")));
            assertThat(sum(slips, "deductions")).isEqualByComparingTo(money(row.path("deductions")));
            assertThat(sum(slips, "net")).isEqualByComparingTo(money(row.path("net")));
            assertThat(slips.stream().map(s -> s.path("personId").asString()).distinct()).hasSize(row.path("people").asInt());
            assertThat(sum(drill(links.path("paid").asString(), PAYROLL_REPORTS), "net"))
                    .isEqualByComparingTo(money(row.path("paid")));
            assertThat(sum(drill(links.path("unpaid").asString(), PAYROLL_REPORTS), "net"))
                    .isEqualByComparingTo(money(row.path("unpaid")));
            assertThat(drill(links.path("drafts").asString(), PAYROLL_REPORTS)).hasSize(row.path("draftSlips").asInt());
        }
    }

    // ---- CSV ----

    @Test
    void everyReportAsCsvHasTheRowsOfItsJson() {
        World w = world();
        Map<String, List<String>> reports = Map.of(
                "/api/v1/reports/collections?from=2026-11-01&to=2026-12-02&groupBy=branch",
                List.of("key", "label", "count", "amount"),
                "/api/v1/reports/dues?asOf=2027-01-15", List.of("branchId", "branchName", "students", "installments",
                        "pending", "overdue", "notYetDue", "days1To30", "days31To60", "days61To90", "over90"),
                "/api/v1/reports/batches?month=2026-11", List.of("batchId", "batchName", "branchId", "branchName",
                        "payments", "fees", "teacherPay", "draftTeacherPay", "monthlyOverhead", "overheadDays",
                        "overhead", "margin"),
                "/api/v1/reports/branches?month=2026-11", List.of("branchId", "branchName", "payments", "income",
                        "slips", "salaries", "expenseCount", "expenses", "net"),
                "/api/v1/reports/payroll?from=2026-10&to=2026-11", List.of("month", "people", "slips", "gross",
                        "deductions", "net", "paid", "unpaid", "draftSlips"));
        reports.forEach((path, header) -> compare(path, "rows", header));
        compare("/api/v1/reports/collections/payments?from=2026-11-01&to=2026-12-02", "content", List.of("id",
                "receivedAt", "studentId", "studentName", "branchId", "branchName", "method", "reference", "status",
                "amount"));
        compare("/api/v1/reports/dues/installments?bucket=PENDING", "content", List.of("id", "planId", "studentId",
                "studentName", "branchId", "branchName", "dueDate", "amount", "paid", "unpaid", "daysOverdue"));
        compare("/api/v1/reports/batches/" + w.batch1() + "/payments?month=2026-11", "content", List.of("id",
                "receivedAt", "studentId", "studentName", "method", "reference", "amount"));
        compare("/api/v1/reports/batches/" + w.batch1() + "/pay-lines?month=2026-11", "content", List.of("slipId",
                "personId", "personName", "slipStatus", "seq", "code", "name", "amount", "basis"));
        compare("/api/v1/reports/expenses?from=2026-11-01&to=2026-11-30", "content", List.of("id", "spentOn",
                "branchId", "branchName", "category", "title", "amount"));
        compare("/api/v1/reports/slips?month=2026-11&status=APPROVED,PAID,DRAFT", "content", List.of("id", "personId",
                "personName", "branchId", "month", "status", "gross", "deductions", "net", "paidAt", "amends"));
    }

    /** Fetches the JSON and the CSV of a report and checks them cell by cell. */
    private void compare(String path, String rowsField, List<String> header) {
        JsonNode json = ok(path, director);
        Response csv = api.get(path + "&format=csv", director);
        assertThat(csv.status()).as(path + " " + csv).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"").endsWith(".csv\"");
        List<List<String>> lines = parseCsv(csv.raw());
        assertThat(lines.getFirst()).as(path).isEqualTo(header);
        List<JsonNode> rows = json.path(rowsField).valueStream().toList();
        assertThat(rows).as(path).isNotEmpty();
        assertThat(lines).as(path).hasSize(rows.size() + 1);
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = lines.get(i + 1);
            assertThat(cells).hasSize(header.size());
            for (int c = 0; c < header.size(); c++) {
                JsonNode value = rows.get(i).path(header.get(c));
                String cell = cells.get(c);
                if (value.isNull() || value.isMissingNode()) {
                    assertThat(cell).as(path + " " + header.get(c)).isEmpty();
                } else if (value.isFloatingPointNumber() || value.isBigDecimal()) {
                    assertThat(cell).as(path + " " + header.get(c)).matches("-?[0-9]+\\.[0-9]{2}");
                    assertThat(new BigDecimal(cell)).as(path + " " + header.get(c)).isEqualByComparingTo(money(value));
                } else if (value.isNumber()) {
                    // An amount of whole rupees may come as an integral JSON number.
                    assertThat(new BigDecimal(cell)).as(path + " " + header.get(c)).isEqualByComparingTo(value.decimalValue());
                } else {
                    String text = value.asString();
                    String expected = text.startsWith("=") ? "'" + text : text;
                    assertThat(cell).as(path + " " + header.get(c)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void csvIsAskedForByTheAcceptHeaderAndQuotesAsRfc4180() throws Exception {
        world();
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + "/api/v1/reports/collections/payments?from=2026-11-01&to=2026-11-30"))
                .header("Authorization", "Bearer " + director).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"collection-payments-page-0.csv\"");
        assertThat(csv.body()).startsWith("id,receivedAt,studentId,studentName,branchId,branchName,method,reference,"
                + "status,amount\r\n");
        // A name with a comma and quotes is quoted with its quotes doubled; one that starts like a formula
        // is written with an apostrophe before it.
        assertThat(csv.body()).contains(",\"Diya \"\"Dee\"\" Mehta, Jr\",").contains(",'=Aarav Sharma,")
                .contains(",5000.00\r\n").contains(",10000.00\r\n");
        // A bad parameter is still a problem, whatever was asked for.
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                + "/api/v1/reports/collections?from=2026-11-30&to=2026-11-01"))
                .header("Authorization", "Bearer " + director).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    // ---- Bad parameters ----

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        World w = world();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("/api/v1/reports/collections?to=2026-11-30", "from");
        cases.put("/api/v1/reports/collections?from=2026-11-30&to=2026-11-01", "to");
        cases.put("/api/v1/reports/collections?from=2025-11-01&to=2026-11-30", "to");
        cases.put("/api/v1/reports/collections?from=2026-11-01&to=2026-11-31", "to");
        cases.put("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30&groupBy=week", "groupBy");
        cases.put("/api/v1/reports/collections?from=2026-11-01&to=2026-11-30&format=xml", "format");
        cases.put("/api/v1/reports/collections/payments?day=2026-11-03&from=2026-11-01", "day");
        cases.put("/api/v1/reports/collections/payments?day=2026-11-03&method=BARTER", "method");
        cases.put("/api/v1/reports/dues?asOf=tomorrow", "asOf");
        cases.put("/api/v1/reports/dues?asOf=2030-01-01", "asOf");
        cases.put("/api/v1/reports/dues/installments?bucket=DAYS_1_7", "bucket");
        cases.put("/api/v1/reports/batches", "month");
        cases.put("/api/v1/reports/batches?month=2026-13", "month");
        cases.put("/api/v1/reports/batches/" + w.batch1() + "/payments?month=Nov", "month");
        cases.put("/api/v1/reports/branches?month=2026-11&branchId=" + w.delhi() + "&headOffice=true", "headOffice");
        cases.put("/api/v1/reports/expenses?from=2026-11-01", "to");
        cases.put("/api/v1/reports/payroll?from=2024-12&to=2026-12", "to");
        cases.put("/api/v1/reports/payroll?from=2026-12&to=2026-01", "to");
        cases.put("/api/v1/reports/slips?month=2026-11&status=PAID,LOST", "status");
        cases.put("/api/v1/reports/slips?month=2026-11&size=500", "size");
        cases.forEach((path, field) -> {
            Response bad = api.get(path, director);
            assertThat(bad.status()).as(path + " " + bad).isEqualTo(400);
            assertThat(bad.errorFields()).as(path).contains(field);
        });
        // 366 days is the longest range; a leap-free year and a day is one too many.
        assertThat(api.get("/api/v1/reports/collections?from=2025-12-01&to=2026-12-01", director).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/collections?from=2025-12-01&to=2026-12-02", director).errorFields())
                .contains("to");
        assertThat(api.get("/api/v1/reports/batches/" + UUID.randomUUID() + "/payments?month=2026-11", director).status())
                .isEqualTo(404);
    }

    /** RFC 4180: fields separated by commas, lines by CRLF, quoted fields with doubled quotes inside. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        Iterator<Integer> chars = text.chars().iterator();
        Integer pending = null;
        while (pending != null || chars.hasNext()) {
            char c = (char) (int) (pending != null ? pending : chars.next());
            pending = null;
            if (quoted) {
                if (c == '"') {
                    if (chars.hasNext()) {
                        char next = (char) (int) chars.next();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pending = (int) next;
                        }
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(chars.hasNext()).isTrue();
                assertThat((char) (int) chars.next()).isEqualTo('\n');
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                assertThat(c).as("a line ends with CRLF").isNotEqualTo('\n');
                field.append(c);
            }
        }
        assertThat(line).as("the last line ends with CRLF").isEmpty();
        assertThat(field.toString()).isEmpty();
        return lines;
    }
}
