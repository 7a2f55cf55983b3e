package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.finance.plan.FeePlans;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.SettableClock;
import tools.jackson.databind.JsonNode;

/**
 * finance-service as it runs (see {@link ServiceIntegrationTest}) on a database of the test class's
 * own, with branches and students known as identity's events would leave them, plans raised as
 * EnrollmentCreated raises them, and a clock the tests set (11:00 in Delhi on 2 December 2026
 * unless a test moves it).
 */
@IsolatedDatabase(service = "finance")
@Import(SettableClock.AsTheClock.class)
public abstract class FinanceTestBase extends ServiceIntegrationTest {

    protected static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    protected static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Autowired
    protected SettableClock clock;
    @Autowired
    protected FeePlans plans;

    @BeforeEach
    void startOfTheDay() {
        setDay(TODAY);
    }

    /** Sets the clock to 11:00 in Delhi on that day. */
    protected void setDay(LocalDate day) {
        clock.set(day.atTime(11, 0).atZone(INDIA).toInstant());
    }

    /** A branch as BranchOpened leaves it; {@code gstin} null for one that issues plain receipts. */
    protected UUID branch(String series, String stateCode, String gstin) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into branch_view (branch_id, code, name, city, state, state_code, gstin, receipt_series, active, updated_at)
                values (?, ?, ?, 'Delhi', 'Delhi', ?, ?, ?, true, now())""",
                id, series + "-" + id.toString().substring(0, 4), "Branch " + series, stateCode, gstin, series);
        return id;
    }

    /** A student as UserRegistered and StudentProfileUpdated leave them. */
    protected UUID student(String name, String stateCode) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into student_view (student_id, name, email, state_code, updated_at) values (?, ?, ?, ?, now())",
                id, name, name.toLowerCase().replace(' ', '.') + "@example.in", stateCode);
        return id;
    }

    /** A batch as BatchCreated leaves it. */
    protected UUID batch(UUID branch, LocalDate start, LocalDate end) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into batch_view (batch_id, course_id, branch_id, name, start_date, end_date, updated_at)
                values (?, ?, ?, 'JEE Jan 2027', ?, ?, now())""", id, UUID.randomUUID(), branch, start, end);
        return id;
    }

    /** A plan raised as EnrollmentCreated raises it (enrolled today); returns the plan's id. */
    protected UUID plan(UUID student, UUID branch, UUID batch, String netFee, FeeSchedule.Frequency frequency) {
        UUID enrollment = UUID.randomUUID();
        plans.raise(new FeePlans.NewPlan(enrollment, student, UUID.randomUUID(), "JEE Physics", batch, "JEE Jan 2027",
                branch, new BigDecimal(netFee), frequency, null, null, new BigDecimal(netFee), clock.instant(), null, null));
        return jdbc.queryForObject("select id from fee_plan where enrollment_id = ?", UUID.class, enrollment);
    }

    protected UUID oneTimePlan(UUID student, UUID branch, String netFee) {
        return plan(student, branch, UUID.randomUUID(), netFee, FeeSchedule.Frequency.ONE_TIME);
    }

    /** Back office of a branch: manage:fees there. */
    protected static String backOffice(UUID branch) {
        return KEYS.staff("BACKOFFICE", branch, "manage:fees", "read:fees");
    }

    protected static String accountant(UUID branch) {
        return KEYS.staff("ACCOUNTANT", branch, "read:fees");
    }

    protected static String studentToken(UUID student) {
        return KEYS.student(student, "read:courses");
    }

    /** Takes a payment with a new Idempotency-Key, expecting 201; returns the answer. */
    protected JsonNode pay(String token, UUID plan, String amount, String method, Map<String, Object> extra) {
        Response paid = payment(token, UUID.randomUUID().toString(), plan, amount, method, extra);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return paid.json();
    }

    protected Response payment(String token, String key, UUID plan, String amount, String method,
            Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("planId", plan.toString());
        body.put("amount", new BigDecimal(amount));
        body.put("method", method);
        return api.send("POST", "/api/v1/payments", token, body,
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    protected static Map<String, Object> upi(String utr) {
        return Map.of("reference", utr);
    }

    /** The plan's installments as the API shows them: status, amount, paid and pending of each. */
    protected List<JsonNode> installments(String token, UUID plan) {
        Response got = api.get("/api/v1/fee-plans/" + plan, token);
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        return got.json().path("installments").valueStream().toList();
    }

    /** An amount from a response, at two decimals (the test client reads JSON numbers as doubles). */
    protected static BigDecimal money(JsonNode node) {
        return node.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
