package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Payroll fixtures: teachers and staff, batches with their pay terms, who held them, their students'
 * active periods and the sessions held, inserted as identity's and enrollment's events leave them; tokens
 * of payroll staff; and the calls the payroll tests make.
 */
abstract class PayrollTestBase extends FinanceTestBase {

    /** A teacher or staff member as UserRegistered leaves them. */
    protected UUID payee(String name, UUID branch, String type) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into payee_view (user_id, name, email, phone, branch_id, profile_type, active, updated_at)
                values (?, ?, ?, null, ?, ?, true, now())""", id, name, name.toLowerCase().replace(' ', '.') + "@example.in",
                branch, type);
        return id;
    }

    /** A batch with its teacher's pay terms, as BatchCreated leaves it. */
    protected UUID batchPay(UUID branch, String name, String compensation, String commission, String sessionRate) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into batch_pay (batch_id, course_id, branch_id, name, start_date, end_date, status,
                    teacher_compensation, teacher_commission, monthly_overhead, session_rate, updated_at)
                values (?, ?, ?, ?, '2026-06-01', null, 'OPEN', ?, ?, null, ?, now())""", id, UUID.randomUUID(), branch,
                name, decimal(compensation), decimal(commission), decimal(sessionRate));
        return id;
    }

    protected void heldBy(UUID batch, UUID teacher, String from, String to) {
        jdbc.update("insert into batch_teacher (batch_id, teacher_id, from_date, to_date) values (?, ?, ?, ?)", batch,
                teacher, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    protected void seat(UUID batch, String from, String to) {
        jdbc.update("insert into seat_period (enrollment_id, batch_id, student_id, from_date, to_date) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(), batch, UUID.randomUUID(), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    protected void session(UUID batch, String day) {
        jdbc.update("insert into batch_session (batch_id, session_date, marked_by, students) values (?, ?, ?, 10)", batch,
                LocalDate.parse(day), UUID.randomUUID());
    }

    /** Payroll staff of a branch: manage:payroll there. */
    protected static String payrollManager(UUID branch) {
        return KEYS.staff("PAYROLL_MANAGER", branch, "manage:payroll", "read:reports");
    }

    /** Head office payroll staff: manage:payroll in every branch. */
    protected static String headOffice() {
        return KEYS.token().roles(List.of("PAYROLL_MANAGER")).permissions(List.of("manage:payroll", "access:all_branches"))
                .staffProfile().sign();
    }

    protected static String hrManager(UUID branch) {
        return KEYS.staff("HR_MANAGER", branch, "read:payroll");
    }

    protected static String teacherToken(UUID teacher) {
        return KEYS.teacher(teacher, "read:courses");
    }

    protected static String staffToken(UUID staff, UUID branch) {
        return KEYS.token().subject(staff).roles(List.of("RECEPTIONIST")).branch(branch)
                .permissions(List.of("read:courses")).staffProfile().sign();
    }

    protected static Map<String, Object> fixed(String code, String kind, String amount) {
        Map<String, Object> c = new HashMap<>();
        c.put("code", code);
        c.put("name", code.charAt(0) + code.substring(1).toLowerCase());
        c.put("kind", kind);
        c.put("calc", "FIXED");
        c.put("amount", new BigDecimal(amount));
        return c;
    }

    protected static Map<String, Object> percent(String code, String kind, String percent, String of) {
        Map<String, Object> c = new HashMap<>();
        c.put("code", code);
        c.put("name", code.charAt(0) + code.substring(1).toLowerCase());
        c.put("kind", kind);
        c.put("calc", "PERCENT");
        c.put("percent", new BigDecimal(percent));
        c.put("of", of);
        return c;
    }

    protected static Map<String, Object> structureBody(UUID person, String basePay, String from, String to,
            List<Map<String, Object>> components) {
        Map<String, Object> body = new HashMap<>();
        body.put("personId", person.toString());
        body.put("basePay", new BigDecimal(basePay));
        body.put("effectiveFrom", from);
        body.put("effectiveTo", to);
        body.put("components", new ArrayList<>(components));
        return body;
    }

    protected Response createStructure(String token, Map<String, Object> body) {
        return api.post("/api/v1/salary-structures", token, body);
    }

    protected JsonNode structure(String token, Map<String, Object> body) {
        Response created = createStructure(token, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected Response runPayroll(String token, String month, UUID branch) {
        Map<String, Object> body = new HashMap<>();
        body.put("month", month);
        body.put("branchId", branch == null ? null : branch.toString());
        return api.post("/api/v1/payroll-runs", token, body);
    }

    /** The slips of a run, by person. */
    protected Map<UUID, JsonNode> slipsOf(String token, String runId) {
        Response listed = api.get("/api/v1/salary-slips?size=100&runId=" + runId, token);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        Map<UUID, JsonNode> slips = new HashMap<>();
        listed.json().path("content").valueStream()
                .forEach(s -> slips.put(UUID.fromString(s.path("personId").asString()), s));
        return slips;
    }

    /** A slip's lines as CODE=amount, in order. */
    protected static List<String> lines(JsonNode slip) {
        return slip.path("lines").valueStream()
                .map(l -> l.path("code").asString() + "=" + money(l.path("amount")).toPlainString()).toList();
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
