package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Monthly payroll runs and salary slips over HTTP on a real database: a run makes one DRAFT slip per
 * person with a structure or batch pay in the branch (once, even when two runs race), skips and tells
 * who would be paid less than nothing; slips are approved, paid, recalculated and amended in order (a
 * wrong status or a concurrent change is a 409, a paid slip never changes); a person reads only their own.
 */
class PayrollIT extends PayrollTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRunMakesOneSlipPerPersonFromStructuresAndBatchesOnceAndSkipsANegativeNet() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        // Staff on a structure from 11 November: 20 of 30 payment days.
        UUID staff = payee("Ravi Kumar", branch, "STAFF");
        Map<String, Object> body = structureBody(staff, "30000.00", "2026-11-11", null, List.of(
                percent("HRA", "EARNING", "40", "BASIC"), fixed("CONVEYANCE", "EARNING", "1600.00")));
        body.put("pf", true);
        body.put("tdsPercent", 5);
        structure(token, body);
        // A teacher paid by a batch only: fixed pay, commission on 3 active students, 4 sessions in November.
        UUID teacher = payee("Meera Iyer", branch, "TEACHER");
        UUID jee = batchPay(branch, "JEE A", "12000.00", "500.00", "300.00");
        heldBy(jee, teacher, "2026-06-01", null);
        seat(jee, "2026-07-01", null);
        seat(jee, "2026-07-01", null);
        seat(jee, "2026-11-20", null);
        seat(jee, "2026-07-01", "2026-10-31");
        for (String day : List.of("2026-10-30", "2026-11-03", "2026-11-05", "2026-11-10", "2026-11-12")) {
            session(jee, day);
        }
        // A teacher with a structure and a batch taken over on 16 November: one slip with both.
        UUID both = payee("Arjun Mehta", branch, "TEACHER");
        structure(token, structureBody(both, "10000.00", "2026-10-01", null, List.of()));
        UUID neet = batchPay(branch, "NEET B", "6000.00", null, null);
        heldBy(neet, both, "2026-11-16", null);
        // Deductions above gross: no slip, told in the run.
        UUID loaned = payee("Loan Heavy", branch, "STAFF");
        structure(token, structureBody(loaned, "1000.00", "2026-10-01", null,
                List.of(fixed("LOAN", "DEDUCTION", "5000.00"))));
        // Another branch's people are not in this branch's run.
        UUID elsewhere = branch("MUM", "27", null);
        structure(payrollManager(elsewhere), structureBody(payee("Mumbai Staff", elsewhere, "STAFF"), "9000.00",
                "2026-10-01", null, List.of()));

        Response run = runPayroll(token, "2026-11", branch);
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        String runId = run.json().path("id").asString();
        assertThat(run.json().path("month").asString()).isEqualTo("2026-11");
        JsonNode totals = run.json().path("totals");
        assertThat(totals.path("people").asInt()).isEqualTo(3);
        assertThat(money(totals.path("gross"))).isEqualByComparingTo("56766.67");
        assertThat(money(totals.path("deductions"))).isEqualByComparingTo("3253.33");
        assertThat(money(totals.path("net"))).isEqualByComparingTo("53513.34");
        assertThat(run.json().path("byStatus").path("DRAFT").path("slips").asInt()).isEqualTo(3);
        assertThat(run.json().path("skipped").valueStream().map(s -> s.path("personName").asString()).toList())
                .containsExactly("Loan Heavy");
        assertThat(run.json().path("skipped").get(0).path("reason").asString())
                .contains("deductions 5000.00 are above gross 1000.00");

        Map<UUID, JsonNode> slips = slipsOf(token, runId);
        assertThat(slips.keySet()).containsExactlyInAnyOrder(staff, teacher, both);
        JsonNode staffSlip = slips.get(staff);
        assertThat(lines(staffSlip)).containsExactly("BASIC=20000.00", "HRA=8000.00", "CONVEYANCE=1066.67",
                "PF=1800.00", "TDS=1453.33");
        assertThat(staffSlip.path("workingDays").asInt()).isEqualTo(30);
        assertThat(staffSlip.path("paymentDays").asInt()).isEqualTo(20);
        assertThat(money(staffSlip.path("net"))).isEqualByComparingTo("25813.34");
        assertThat(staffSlip.path("netInWords").asString())
                .isEqualTo("Twenty Five Thousand Eight Hundred Thirteen Rupees and Thirty Four Paise Only");
        assertThat(staffSlip.path("status").asString()).isEqualTo("DRAFT");
        assertThat(lines(slips.get(teacher))).containsExactly("BATCH_FIXED=12000.00", "BATCH_COMMISSION=1500.00",
                "BATCH_SESSIONS=1200.00");
        assertThat(slips.get(teacher).path("lines").get(0).path("batchId").asString()).isEqualTo(jee.toString());
        assertThat(slips.get(teacher).path("structureId").isNull()).isTrue();
        assertThat(lines(slips.get(both))).containsExactly("BASIC=10000.00", "BATCH_FIXED=3000.00");
        assertThat(slips.get(both).path("lines").get(1).path("basis").asString()).contains("15/30 days");

        // Again: nothing new, the same run.
        Response again = runPayroll(token, "2026-11", branch);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(runId);
        assertThat(count("select count(*) from salary_slip where run_id = ?", UUID.fromString(runId))).isEqualTo(3);
        assertThat(api.get("/api/v1/payroll-runs/" + runId, hrManager(branch)).json().path("totals").path("people")
                .asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/payroll-runs?month=2026-11", hrManager(branch)).json().path("content")
                .valueStream().map(r -> r.path("id").asString()).toList()).containsExactly(runId);
        assertThat(api.get("/api/v1/payroll-runs/" + runId, payrollManager(elsewhere)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payroll-runs/" + runId, teacherToken(teacher)).status()).isEqualTo(404);

        // A month to come, a month that is not one, a reader, another branch, head office without all branches.
        assertThat(runPayroll(token, "2027-01", branch).errorFields()).containsExactly("month");
        assertThat(runPayroll(token, "2026-13", branch).errorFields()).containsExactly("month");
        assertThat(runPayroll(hrManager(branch), "2026-11", branch).status()).isEqualTo(403);
        assertThat(runPayroll(token, "2026-11", elsewhere).status()).isEqualTo(403);
        assertThat(runPayroll(token, "2026-11", null).status()).isEqualTo(403);
        assertThat(count("select count(*) from payroll_run where branch_id in (?, ?)", branch, elsewhere)).isEqualTo(1);
    }

    @Test
    void headOfficeRunsItsOwnPayrollForPeopleWithoutABranch() {
        UUID hoStaff = payee("Head Office Accountant", null, "STAFF");
        structure(headOffice(), structureBody(hoStaff, "40000.00", "2026-01-01", null, List.of()));
        UUID branch = branch("DEL", "07", null);
        structure(payrollManager(branch), structureBody(payee("Branch Staff", branch, "STAFF"), "9000.00",
                "2026-10-01", null, List.of()));
        Response run = runPayroll(headOffice(), "2026-12", null);
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().path("branchId").isNull()).isTrue();
        Map<UUID, JsonNode> slips = slipsOf(headOffice(), run.json().path("id").asString());
        assertThat(slips.keySet()).containsExactly(hoStaff);
        assertThat(lines(slips.get(hoStaff))).containsExactly("BASIC=40000.00");
        assertThat(runPayroll(headOffice(), "2026-12", null).status()).isEqualTo(200);
        // A branch's payroll staff do not see head office's run.
        assertThat(api.get("/api/v1/payroll-runs/" + run.json().path("id").asString(), payrollManager(branch)).status())
                .isEqualTo(404);
    }

    @Test
    void twoIdenticalRunsAtTheSameTimeMakeOneRunAndOneSetOfSlips() throws Exception {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        for (String name : List.of("Asha One", "Bala Two", "Chitra Three")) {
            structure(token, structureBody(payee(name, branch, "STAFF"), "15000.00", "2026-10-01", null, List.of()));
        }
        List<Integer> statuses = SalaryStructuresIT.race(() -> runPayroll(token, "2026-11", branch).status(),
                () -> runPayroll(token, "2026-11", branch).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 200);
        assertThat(count("select count(*) from payroll_run where branch_id = ?", branch)).isEqualTo(1);
        assertThat(count("select count(*) from salary_slip where branch_id = ?", branch)).isEqualTo(3);
    }

    @Test
    void aSlipIsApprovedPaidAndAmendedInOrderAndAPaidSlipNeverChanges() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        String structureId = structure(token, structureBody(staff, "20000.00", "2026-10-01", null, List.of()))
                .path("id").asString();
        UUID teacher = payee("Meera Iyer", branch, "TEACHER");
        UUID batch = batchPay(branch, "JEE A", null, null, "500.00");
        heldBy(batch, teacher, "2026-06-01", null);
        session(batch, "2026-11-02");
        session(batch, "2026-11-09");
        String runId = runPayroll(token, "2026-11", branch).json().path("id").asString();
        Map<UUID, JsonNode> slips = slipsOf(token, runId);
        String staffSlip = slips.get(staff).path("id").asString();
        String teacherSlip = slips.get(teacher).path("id").asString();

        // Attendance marked late: a draft is recalculated.
        assertThat(lines(slips.get(teacher))).containsExactly("BATCH_SESSIONS=1000.00");
        session(batch, "2026-11-16");
        Response recalculated = api.post("/api/v1/salary-slips/" + teacherSlip + "/recalculation", token, Map.of());
        assertThat(recalculated.status()).as(recalculated.toString()).isEqualTo(200);
        assertThat(lines(recalculated.json())).containsExactly("BATCH_SESSIONS=1500.00");
        assertThat(money(recalculated.json().path("net"))).isEqualByComparingTo("1500.00");

        // Approve: once, by payroll staff only.
        assertThat(api.post("/api/v1/salary-slips/" + staffSlip + "/approval", hrManager(branch), Map.of()).status())
                .isEqualTo(403);
        Response approved = api.post("/api/v1/salary-slips/" + staffSlip + "/approval", token, Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        JsonNode approvedEvent = outbox.payloads("SalarySlipApproved", staffSlip).getFirst();
        assertThat(approvedEvent.path("net").asString()).isEqualTo("20000.00");
        assertThat(approvedEvent.path("month").asString()).isEqualTo("2026-11");
        assertThat(approvedEvent.path("personId").asString()).isEqualTo(staff.toString());
        assertThat(api.post("/api/v1/salary-slips/" + staffSlip + "/approval", token, Map.of()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/salary-slips/" + staffSlip + "/recalculation", token, Map.of()).status())
                .isEqualTo(409);
        // Its structure cannot end inside the approved month.
        assertThat(api.post("/api/v1/salary-structures/" + structureId + "/end", token,
                Map.of("effectiveTo", "2026-11-20")).status()).isEqualTo(409);

        // Pay: the reference fits the method; a draft is not paid.
        assertThat(pay(token, teacherSlip, "CASH", null).status()).isEqualTo(409);
        assertThat(pay(token, staffSlip, "UPI", "12345").errorFields()).containsExactly("reference");
        assertThat(pay(token, staffSlip, "BANK_TRANSFER", null).errorFields()).containsExactly("reference");
        assertThat(pay(token, staffSlip, "GOLD", "x").errorFields()).containsExactly("method");
        Map<String, Object> future = payment("UPI", "123456789012");
        future.put("paidOn", "2026-12-03");
        assertThat(api.post("/api/v1/salary-slips/" + staffSlip + "/payment", token, future).errorFields())
                .containsExactly("paidOn");
        Response paid = pay(token, staffSlip, "UPI", "1234 5678 9012");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().path("paidReference").asString()).isEqualTo("123456789012");
        assertThat(paid.json().path("paidOn").asString()).isEqualTo("2026-12-02");
        JsonNode paidEvent = outbox.payloads("SalaryPaid", staffSlip).getFirst();
        assertThat(paidEvent.path("net").asString()).isEqualTo("20000.00");
        assertThat(paidEvent.path("method").asString()).isEqualTo("UPI");
        assertThat(pay(token, staffSlip, "CASH", null).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/salary-slips/" + staffSlip + "/approval", token, Map.of()).status()).isEqualTo(409);

        // The database itself refuses any change to a paid slip or its lines.
        UUID paidId = UUID.fromString(staffSlip);
        assertThatThrownBy(() -> jdbc.update("update salary_slip set net = 0 where id = ?", paidId))
                .hasMessageContaining("is paid and cannot change");
        assertThatThrownBy(() -> jdbc.update("update salary_slip_line set amount = 0 where slip_id = ?", paidId))
                .hasMessageContaining("can change only while it is a draft");
        assertThatThrownBy(() -> jdbc.update("delete from salary_slip where id = ?", paidId))
                .hasMessageContaining("is paid and cannot change");

        // A paid slip is corrected by a new slip holding the difference; the paid one stays as it was.
        assertThat(amend(token, staffSlip, "arrears", null).errorFields()).containsExactly("lines");
        Response amendment = amend(token, staffSlip, "November increment paid late", List.of(
                correction("EARNING", "ARREARS", "Increment arrears", "500.00"),
                correction("DEDUCTION", "ADVANCE", "Salary advance recovered", "100.00")));
        assertThat(amendment.status()).as(amendment.toString()).isEqualTo(201);
        assertThat(amendment.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(amendment.json().path("amends").asString()).isEqualTo(staffSlip);
        assertThat(lines(amendment.json())).containsExactly("ARREARS=500.00", "ADVANCE=100.00");
        assertThat(money(amendment.json().path("net"))).isEqualByComparingTo("400.00");
        assertThat(amendment.json().path("netInWords").asString()).isEqualTo("Four Hundred Rupees Only");
        JsonNode original = api.get("/api/v1/salary-slips/" + staffSlip, token).json();
        assertThat(original.path("status").asString()).isEqualTo("PAID");
        assertThat(money(original.path("net"))).isEqualByComparingTo("20000.00");
        assertThat(original.path("amendedBy").asString()).isEqualTo(amendment.json().path("id").asString());
        // Amended once: the next correction amends the amendment (once it is approved).
        assertThat(amend(token, staffSlip, "again", List.of(correction("EARNING", "ARREARS", "More", "1.00"))).status())
                .isEqualTo(409);
        assertThat(amend(token, amendment.json().path("id").asString(), "draft", List.of()).status()).isEqualTo(409);

        // An approved, unpaid slip is replaced: the old one is cancelled, the new one computed afresh.
        assertThat(api.post("/api/v1/salary-slips/" + teacherSlip + "/approval", token, Map.of()).status()).isEqualTo(200);
        session(batch, "2026-11-23");
        Response replaced = amend(token, teacherSlip, "a session was missed", List.of(
                correction("EARNING", "BONUS", "Results bonus", "250.00")));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        assertThat(lines(replaced.json())).containsExactly("BATCH_SESSIONS=2000.00", "BONUS=250.00");
        assertThat(api.get("/api/v1/salary-slips/" + teacherSlip, token).json().path("status").asString())
                .isEqualTo("CANCELLED");
        JsonNode run = api.get("/api/v1/payroll-runs/" + runId, token).json();
        assertThat(run.path("byStatus").path("CANCELLED").path("slips").asInt()).isEqualTo(1);
        assertThat(run.path("byStatus").path("PAID").path("slips").asInt()).isEqualTo(1);
        assertThat(run.path("byStatus").path("DRAFT").path("slips").asInt()).isEqualTo(2);
        // Not cancelled: 20,000.00 paid + 400.00 difference + 2,250.00 replacement.
        assertThat(money(run.path("totals").path("net"))).isEqualByComparingTo("22650.00");
        assertThat(run.path("totals").path("people").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/salary-slips?status=PAID&runId=" + runId, token).json().path("content").size())
                .isEqualTo(1);
    }

    @Test
    void ofTwoApprovalsOfOneSlipAtTheSameTimeOneWinsAndTheOtherIsAConflict() throws Exception {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        structure(token, structureBody(staff, "20000.00", "2026-10-01", null, List.of()));
        String runId = runPayroll(token, "2026-11", branch).json().path("id").asString();
        String slip = slipsOf(token, runId).get(staff).path("id").asString();
        List<Integer> statuses = SalaryStructuresIT.race(
                () -> api.post("/api/v1/salary-slips/" + slip + "/approval", token, Map.of()).status(),
                () -> api.post("/api/v1/salary-slips/" + slip + "/approval", payrollManager(branch), Map.of()).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(outbox.payloads("SalarySlipApproved", slip)).hasSize(1);
        assertThat(api.get("/api/v1/salary-slips/" + slip, token).json().path("version").asLong()).isEqualTo(1);

        List<Integer> payments = SalaryStructuresIT.race(() -> pay(token, slip, "CASH", null).status(),
                () -> pay(token, slip, "BANK_TRANSFER", "HDFC000123456").status());
        assertThat(payments).containsExactlyInAnyOrder(200, 409);
        assertThat(outbox.payloads("SalaryPaid", slip)).hasSize(1);
    }

    @Test
    void aPersonReadsOnlyTheirOwnSlipsAsJsonAndPdfAndEveryoneElseIsToldTheyAreNotThere() throws Exception {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID teacher = payee("Meera Iyer", branch, "TEACHER");
        UUID staff = payee("Ravi Kumar", branch, "STAFF");
        Map<String, Object> body = structureBody(teacher, "30000.00", "2026-11-11", null, List.of(
                percent("HRA", "EARNING", "40", "BASIC"), fixed("CONVEYANCE", "EARNING", "1600.00")));
        body.put("pf", true);
        body.put("tdsPercent", 5);
        structure(token, body);
        structure(token, structureBody(staff, "18000.00", "2026-10-01", null, List.of()));
        String runId = runPayroll(token, "2026-11", branch).json().path("id").asString();
        Map<UUID, JsonNode> slips = slipsOf(token, runId);
        String own = slips.get(teacher).path("id").asString();
        String others = slips.get(staff).path("id").asString();

        assertThat(api.get("/api/v1/salary-slips/" + own, teacherToken(teacher)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/salary-slips/" + others, teacherToken(teacher)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-slips/" + others, staffToken(teacher, branch)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-slips/" + own, studentToken(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-slips/" + others, staffToken(staff, branch)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/salary-slips/" + own, hrManager(branch)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/salary-slips/" + own, hrManager(branch("MUM", "27", null))).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-slips/" + own, null).status()).isEqualTo(401);
        // Whatever a person asks for, they see their own.
        assertThat(api.get("/api/v1/salary-slips?personId=" + staff, teacherToken(teacher)).json().path("content").size())
                .isZero();
        assertThat(api.get("/api/v1/salary-slips", teacherToken(teacher)).json().path("content").valueStream()
                .map(s -> s.path("id").asString()).toList()).containsExactly(own);
        // A person does not approve their own slip.
        assertThat(api.post("/api/v1/salary-slips/" + own + "/approval", teacherToken(teacher), Map.of()).status())
                .isEqualTo(403);

        HttpResponse<byte[]> pdf = pdf(own, teacherToken(teacher));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("SALARY SLIP", "November 2026", "Meera Iyer", "Branch DEL", "Payment days 20",
                "Hra", "20,000.00", "1,066.67", "\u20B925,813.34",
                "Twenty Five Thousand Eight Hundred Thirteen Rupees and Thirty Four Paise Only", "DRAFT");
        assertThat(pdf(others, teacherToken(teacher)).statusCode()).isEqualTo(404);
        assertThat(pdf(own, null).statusCode()).isEqualTo(401);
    }

    @Test
    void correctingAnApprovedCorrectionOfAPaidSlipHoldsOnlyTheDifferenceAndIsPaidAsACorrection() {
        UUID branch = branch("DEL", "07", null);
        String maker = payrollManager(branch);
        String checker = payrollManager(branch);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        structure(maker, structureBody(staff, "30000.00", "2026-10-01", null, List.of()));
        UUID teacher = payee("Meera Iyer", branch, "TEACHER");
        structure(maker, structureBody(teacher, "10000.00", "2026-10-01", null, List.of()));
        String runId = runPayroll(maker, "2026-11", branch).json().path("id").asString();
        Map<UUID, JsonNode> slips = slipsOf(maker, runId);
        String s1 = slips.get(staff).path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + s1 + "/approval", maker, Map.of()).status()).isEqualTo(200);
        assertThat(pay(maker, s1, "CASH", null).status()).isEqualTo(200);
        assertThat(outbox.payloads("SalaryPaid", s1).getFirst().path("correction").asBoolean()).isFalse();

        // S1 paid 30,000.00; A1 adds 2,000.00 arrears and is approved by someone other than its maker.
        Response a1 = amend(maker, s1, "arrears", List.of(correction("EARNING", "ARREARS", "Arrears", "2000.00")));
        assertThat(a1.status()).as(a1.toString()).isEqualTo(201);
        String a1Id = a1.json().path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + a1Id + "/approval", maker, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/salary-slips/" + a1Id + "/approval", checker, Map.of()).status()).isEqualTo(200);

        // The arrears were 2,500.00: A2 replaces A1 with the difference alone, never the month's salary again.
        assertThat(amend(maker, a1Id, "arrears were 2,500", List.of()).errorFields()).containsExactly("lines");
        Response a2 = amend(maker, a1Id, "arrears were 2,500",
                List.of(correction("EARNING", "ARREARS", "Arrears", "2500.00")));
        assertThat(a2.status()).as(a2.toString()).isEqualTo(201);
        String a2Id = a2.json().path("id").asString();
        assertThat(lines(a2.json())).containsExactly("ARREARS=2500.00");
        assertThat(money(a2.json().path("net"))).isEqualByComparingTo("2500.00");
        assertThat(a2.json().path("amends").asString()).isEqualTo(a1Id);
        assertThat(api.get("/api/v1/salary-slips/" + a1Id, maker).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/salary-slips/" + a2Id + "/approval", checker, Map.of()).status()).isEqualTo(200);
        assertThat(pay(maker, a2Id, "CASH", null).status()).isEqualTo(200);
        assertThat(outbox.payloads("SalaryPaid", a2Id).getFirst().path("correction").asBoolean()).isTrue();
        assertThat(outbox.payloads("SalaryPaid", a2Id).getFirst().path("net").asString()).isEqualTo("2500.00");

        // An approved, unpaid slip's replacement is the month's pay itself: not a correction.
        String t1 = slips.get(teacher).path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + t1 + "/approval", maker, Map.of()).status()).isEqualTo(200);
        String t2 = amend(maker, t1, "bonus", List.of(correction("EARNING", "BONUS", "Bonus", "100.00")))
                .json().path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + t2 + "/approval", checker, Map.of()).status()).isEqualTo(200);
        assertThat(pay(maker, t2, "CASH", null).status()).isEqualTo(200);
        JsonNode replacement = outbox.payloads("SalaryPaid", t2).getFirst();
        assertThat(replacement.path("net").asString()).isEqualTo("10100.00");
        assertThat(replacement.path("correction").asBoolean()).isFalse();

        // Not cancelled: 30,000.00 + 2,500.00 + 10,100.00.
        assertThat(money(api.get("/api/v1/payroll-runs/" + runId, maker).json().path("totals").path("net")))
                .isEqualByComparingTo("42600.00");
    }

    @Test
    void aRaiseFromTheMiddleOfTheMonthPaysEachStructureForItsOwnDays() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID staff = payee("Ravi Kumar", branch, "STAFF");
        Map<String, Object> old = structureBody(staff, "30000.00", "2026-10-01", "2026-11-14",
                List.of(percent("HRA", "EARNING", "40", "BASIC")));
        old.put("pf", true);
        structure(token, old);
        Map<String, Object> raised = structureBody(staff, "33000.00", "2026-11-15", null,
                List.of(percent("HRA", "EARNING", "40", "BASIC")));
        raised.put("pf", true);
        String raisedId = structure(token, raised).path("id").asString();
        String runId = runPayroll(token, "2026-11", branch).json().path("id").asString();
        JsonNode slip = slipsOf(token, runId).get(staff);
        // 1-14 Nov: 30,000.00 x 14/30 = 14,000.00, HRA 5,600.00; 15-30 Nov: 33,000.00 x 16/30 = 17,600.00,
        // HRA 7,040.00; PF once on the combined BASIC 31,600.00: 12% of the ceiling 15,000.00.
        assertThat(lines(slip)).containsExactly("BASIC=31600.00", "HRA=12640.00", "PF=1800.00");
        assertThat(slip.path("paymentDays").asInt()).isEqualTo(30);
        assertThat(money(slip.path("net"))).isEqualByComparingTo("42440.00");
        assertThat(slip.path("lines").get(0).path("basis").asString()).contains("(01-14 Nov)", "(15-30 Nov)");
        assertThat(slip.path("structureId").asString()).isEqualTo(raisedId);
    }

    @Test
    void amountsAboveWhatASlipHoldsAreAProblemNamingTheFieldAndSkipOnlyThatPersonInARun() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        // Base pay at the largest amount plus a teacher's batch pay: gross above 9,999,999,999.99.
        UUID rich = payee("Very Rich", branch, "TEACHER");
        structure(token, structureBody(rich, "9999999999.99", "2026-10-01", null, List.of()));
        UUID batch = batchPay(branch, "JEE A", "12000.00", null, null);
        heldBy(batch, rich, "2026-06-01", null);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        structure(token, structureBody(staff, "20000.00", "2026-10-01", null, List.of()));
        Response run = runPayroll(token, "2026-11", branch);
        assertThat(run.status()).as(run.toString()).isEqualTo(201);
        assertThat(run.json().path("skipped").valueStream().map(s -> s.path("personName").asString()).toList())
                .containsExactly("Very Rich");
        assertThat(run.json().path("skipped").get(0).path("reason").asString()).contains("gross", "above the largest");
        Map<UUID, JsonNode> slips = slipsOf(token, run.json().path("id").asString());
        assertThat(slips.keySet()).containsExactly(staff);

        // Amendment lines each within bounds but together above them: 400 naming lines, nothing changed.
        String slip = slips.get(staff).path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/approval", token, Map.of()).status()).isEqualTo(200);
        assertThat(pay(token, slip, "CASH", null).status()).isEqualTo(200);
        Response huge = amend(token, slip, "arrears", List.of(
                correction("EARNING", "ARREARS", "Arrears", "9999999999.99"),
                correction("EARNING", "BONUS", "Bonus", "9999999999.99")));
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.errorFields()).containsExactly("lines");
        assertThat(count("select count(*) from salary_slip where amends = ?", UUID.fromString(slip))).isZero();
    }

    @Test
    void aPersonMissingFromARunIsAddedOnceWhileRunningAgainAddsNothing() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID early = payee("Asha One", branch, "STAFF");
        structure(token, structureBody(early, "15000.00", "2026-10-01", null, List.of()));
        UUID loaned = payee("Loan Heavy", branch, "STAFF");
        String loanedStructure = structure(token, structureBody(loaned, "1000.00", "2026-09-01", null,
                List.of(fixed("LOAN", "DEDUCTION", "5000.00")))).path("id").asString();
        String runId = runPayroll(token, "2026-10", branch).json().path("id").asString();
        assertThat(api.get("/api/v1/payroll-runs/" + runId, token).json().path("skipped").size()).isEqualTo(1);

        // Given a structure after the run: running again makes nothing; adding makes their slip.
        UUID late = payee("Late Joiner", branch, "STAFF");
        structure(token, structureBody(late, "12000.00", "2026-10-16", null, List.of()));
        assertThat(runPayroll(token, "2026-10", branch).status()).isEqualTo(200);
        assertThat(count("select count(*) from salary_slip where run_id = ?", UUID.fromString(runId))).isEqualTo(1);
        Response added = addSlip(token, runId, late);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(added.json().path("runId").asString()).isEqualTo(runId);
        assertThat(lines(added.json())).containsExactly("BASIC=6193.55");
        assertThat(addSlip(token, runId, late).status()).isEqualTo(409);
        assertThat(addSlip(token, runId, early).status()).isEqualTo(409);

        // Skipped for a negative net: still not added while it is so; once the structure is put right, added
        // and no longer listed as skipped.
        assertThat(addSlip(token, runId, loaned).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/salary-structures/" + loanedStructure + "/end", token,
                Map.of("effectiveTo", "2026-09-30")).status()).isEqualTo(200);
        structure(token, structureBody(loaned, "1000.00", "2026-10-01", null,
                List.of(fixed("LOAN", "DEDUCTION", "500.00"))));
        Response fixed = addSlip(token, runId, loaned);
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
        assertThat(money(fixed.json().path("net"))).isEqualByComparingTo("500.00");
        JsonNode run = api.get("/api/v1/payroll-runs/" + runId, token).json();
        assertThat(run.path("skipped").size()).isZero();
        assertThat(run.path("totals").path("slips").asInt()).isEqualTo(3);

        // Nothing to pay, unknown, out of reach, reading only, no person.
        assertThat(addSlip(token, runId, payee("No Structure", branch, "STAFF")).errorFields())
                .containsExactly("personId");
        assertThat(addSlip(token, runId, UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(addSlip(token, UUID.randomUUID().toString(), late).status()).isEqualTo(404);
        assertThat(addSlip(payrollManager(branch("MUM", "27", null)), runId, late).status()).isEqualTo(404);
        assertThat(addSlip(hrManager(branch), runId, late).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/payroll-runs/" + runId + "/slips", token, Map.of()).errorFields())
                .containsExactly("personId");
    }

    @Test
    void payrollStaffDoNotSetUpChangeApproveOrPayTheirOwnPay() {
        UUID branch = branch("DEL", "07", null);
        String colleague = payrollManager(branch);
        UUID clerk = payee("Payroll Clerk", branch, "STAFF");
        String self = KEYS.token().subject(clerk).roles(List.of("PAYROLL_MANAGER")).branch(branch)
                .permissions(List.of("manage:payroll")).staffProfile().sign();
        assertThat(createStructure(self, structureBody(clerk, "90000.00", "2026-10-01", null, List.of())).status())
                .isEqualTo(403);
        String structureId = structure(colleague, structureBody(clerk, "20000.00", "2026-10-01", null, List.of()))
                .path("id").asString();
        assertThat(api.post("/api/v1/salary-structures/" + structureId + "/end", self,
                Map.of("effectiveTo", "2026-12-31")).status()).isEqualTo(403);
        // The clerk runs the branch's payroll (their own slip with everyone's) but does not touch their slip.
        String runId = runPayroll(self, "2026-11", branch).json().path("id").asString();
        String slip = slipsOf(colleague, runId).get(clerk).path("id").asString();
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/recalculation", self, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/approval", self, Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/approval", colleague, Map.of()).status()).isEqualTo(200);
        assertThat(pay(self, slip, "CASH", null).status()).isEqualTo(403);
        assertThat(amend(self, slip, "raise", List.of(correction("EARNING", "BONUS", "Bonus", "1.00"))).status())
                .isEqualTo(403);
        assertThat(pay(colleague, slip, "CASH", null).status()).isEqualTo(200);
        assertThat(amend(self, slip, "raise", List.of(correction("EARNING", "BONUS", "Bonus", "1.00"))).status())
                .isEqualTo(403);
        assertThat(count("select count(*) from salary_slip where person_id = ?", clerk)).isEqualTo(1);
    }

    @Test
    void aLineCannotBeMovedFromAPaidSlipToADraftWithPlainSql() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID paidPerson = payee("Kavita Rao", branch, "STAFF");
        UUID draftPerson = payee("Ravi Kumar", branch, "STAFF");
        structure(token, structureBody(paidPerson, "20000.00", "2026-10-01", null, List.of()));
        structure(token, structureBody(draftPerson, "18000.00", "2026-10-01", null, List.of()));
        Map<UUID, JsonNode> slips = slipsOf(token, runPayroll(token, "2026-11", branch).json().path("id").asString());
        UUID paid = UUID.fromString(slips.get(paidPerson).path("id").asString());
        UUID draft = UUID.fromString(slips.get(draftPerson).path("id").asString());
        assertThat(api.post("/api/v1/salary-slips/" + paid + "/approval", token, Map.of()).status()).isEqualTo(200);
        assertThat(pay(token, paid.toString(), "CASH", null).status()).isEqualTo(200);

        assertThatThrownBy(() -> jdbc.update("update salary_slip_line set slip_id = ?, seq = 99 where slip_id = ?",
                draft, paid)).hasMessageContaining("cannot move to another slip");
        assertThatThrownBy(() -> jdbc.update("update salary_slip_line set slip_id = ?, seq = 99 where slip_id = ?",
                paid, draft)).hasMessageContaining("cannot move to another slip");
        assertThatThrownBy(() -> jdbc.update("insert into salary_slip_line (slip_id, seq, kind, code, name, amount)"
                + " values (?, 50, 'EARNING', 'X', 'X', 1)", paid)).hasMessageContaining("only while it is a draft");
        assertThat(count("select count(*) from salary_slip_line where slip_id = ?", paid)).isEqualTo(1);
        // A draft's own lines still change; a PAID slip without the day it was paid is refused.
        assertThat(jdbc.update("update salary_slip_line set amount = amount where slip_id = ?", draft)).isEqualTo(1);
        // paid_on exactly for PAID slips: a paid day on an unpaid slip is refused; a PAID row written without it
        // takes the day of paid_at in India.
        assertThatThrownBy(() -> jdbc.update("update salary_slip set paid_on = '2026-12-01' where id = ?", draft))
                .hasMessageContaining("salary_slip_paid_on_check");
        jdbc.update("update salary_slip set status = 'PAID', paid_at = '2026-12-01T20:00:00Z', paid_method = 'CASH'"
                + " where id = ?", draft);
        assertThat(jdbc.queryForObject("select paid_on from salary_slip where id = ?", LocalDate.class, draft))
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void theDayPaidIsNotBeforeTheMonthNorBeforeTheApproval() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        structure(token, structureBody(staff, "20000.00", "2026-10-01", null, List.of()));
        String slip = slipsOf(token, runPayroll(token, "2026-11", branch).json().path("id").asString()).get(staff)
                .path("id").asString();
        setDay(LocalDate.of(2026, 11, 28));
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/approval", token, Map.of()).status()).isEqualTo(200);
        setDay(TODAY);
        Map<String, Object> body = payment("CASH", null);
        body.put("paidOn", "2026-10-31");
        assertThat(api.post("/api/v1/salary-slips/" + slip + "/payment", token, body).errorFields())
                .containsExactly("paidOn");
        body.put("paidOn", "2026-11-27");
        Response early = api.post("/api/v1/salary-slips/" + slip + "/payment", token, body);
        assertThat(early.errorFields()).containsExactly("paidOn");
        assertThat(early.toString()).contains("2026-11-28");
        body.put("paidOn", "2026-11-28");
        Response paid = api.post("/api/v1/salary-slips/" + slip + "/payment", token, body);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("paidOn").asString()).isEqualTo("2026-11-28");
    }

    private Response addSlip(String token, String runId, UUID person) {
        return api.post("/api/v1/payroll-runs/" + runId + "/slips", token, Map.of("personId", person.toString()));
    }

    private HttpResponse<byte[]> pdf(String slip, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/salary-slips/" + slip)).header("Accept", "application/pdf").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Object> payment(String method, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", method);
        body.put("reference", reference);
        return body;
    }

    private Response pay(String token, String slip, String method, String reference) {
        return api.post("/api/v1/salary-slips/" + slip + "/payment", token, payment(method, reference));
    }

    private static Map<String, Object> correction(String kind, String code, String name, String amount) {
        return Map.of("kind", kind, "code", code, "name", name, "amount", new java.math.BigDecimal(amount));
    }

    private Response amend(String token, String slip, String reason, List<Map<String, Object>> lines) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("lines", lines);
        return api.post("/api/v1/salary-slips/" + slip + "/amendment", token, body);
    }
}
