package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Fee plans as enrollments raise them: one-time and monthly schedules, once per enrollment, ended
 * with the enrollment without touching what was paid, re-split and waived by back office; and who
 * sees which plan.
 */
class FeePlansIT extends FinanceTestBase {

    @Test
    void aOneTimeFeeIsOneInstallmentDueOnEnrollingAndARedeliveredEnrollmentRaisesNothing() {
        UUID branch = branch("DEL", "07", null);
        UUID student = student("Asha Verma", "07");
        UUID enrollment = UUID.randomUUID();
        FeePlansRaise.raise(plans, enrollment, student, branch, UUID.randomUUID(), "45000.00", "ONE_TIME",
                clock.instant());
        FeePlansRaise.raise(plans, enrollment, student, branch, UUID.randomUUID(), "45000.00", "ONE_TIME",
                clock.instant());
        assertThat(count("select count(*) from fee_plan where enrollment_id = ?", enrollment)).isEqualTo(1);
        UUID plan = jdbc.queryForObject("select id from fee_plan where enrollment_id = ?", UUID.class, enrollment);
        List<JsonNode> installments = installments(studentToken(student), plan);
        assertThat(installments).hasSize(1);
        assertThat(installments.getFirst().path("dueDate").asString()).isEqualTo("2026-12-02");
        assertThat(money(installments.getFirst().path("amount"))).isEqualByComparingTo("45000.00");
        assertThat(outbox.payloads("FeePlanCreated", student.toString())).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("total").asString()).isEqualTo("45000.00");
                    assertThat(e.path("installments").asInt()).isEqualTo(1);
                    assertThat(e.path("firstDueDate").asString()).isEqualTo("2026-12-02");
                });
    }

    @Test
    void aMonthlyFeeRunsFromTheBatchStartToItsEndOrTheConfiguredMonths() {
        UUID branch = branch("NOI", "09", null);
        UUID student = student("Ravi Kumar", null);
        UUID batch = batch(branch, LocalDate.of(2027, 1, 31), LocalDate.of(2027, 5, 15));
        UUID plan = plan(student, branch, batch, "3000.00", FeeSchedule.Frequency.MONTHLY);
        assertThat(installments(backOffice(branch), plan)).extracting(i -> i.path("dueDate").asString())
                .containsExactly("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31");

        UUID open = batch(branch, LocalDate.of(2026, 11, 1), null);
        UUID endless = plan(student("Open Ended", null), branch, open, "2000.00", FeeSchedule.Frequency.MONTHLY);
        List<JsonNode> twelve = installments(backOffice(branch), endless);
        assertThat(twelve).hasSize(12);
        // Enrolled after the batch began: the plan starts on the day of enrolling.
        assertThat(twelve.getFirst().path("dueDate").asString()).isEqualTo("2026-12-02");
        Response view = api.get("/api/v1/fee-plans/" + endless, backOffice(branch));
        assertThat(money(view.json().path("total"))).isEqualByComparingTo("24000.00");
        assertThat(money(view.json().path("pending"))).isEqualByComparingTo("24000.00");
        assertThat(money(view.json().path("overdue"))).isEqualByComparingTo("0.00");
    }

    @Test
    void anEndedEnrollmentCancelsWhatIsNotYetDueAndKeepsWhatWasPaid() {
        UUID branch = branch("GGN", "06", null);
        UUID student = student("Meera Iyer", null);
        UUID batch = batch(branch, LocalDate.of(2026, 12, 2), LocalDate.of(2027, 3, 31));
        UUID plan = plan(student, branch, batch, "5000.00", FeeSchedule.Frequency.MONTHLY);
        pay(backOffice(branch), plan, "7000.00", "CASH", Map.of());
        UUID enrollment = jdbc.queryForObject("select enrollment_id from fee_plan where id = ?", UUID.class, plan);
        plans.enrollmentEnded(enrollment, "DROPPED", "moved to another city");
        List<JsonNode> after = installments(backOffice(branch), plan);
        assertThat(after).extracting(i -> i.path("status").asString() + ":" + money(i.path("amount")).toPlainString()
                + ":" + money(i.path("paid")).toPlainString())
                .containsExactly("PAID:5000.00:5000.00", "PAID:2000.00:2000.00", "CANCELLED:5000.00:0.00",
                        "CANCELLED:5000.00:0.00");
        Response view = api.get("/api/v1/fee-plans/" + plan, backOffice(branch));
        assertThat(view.json().path("status").asString()).isEqualTo("ENDED");
        assertThat(money(view.json().path("pending"))).isEqualByComparingTo("0.00");
        assertThat(money(view.json().path("paid"))).isEqualByComparingTo("7000.00");
    }

    @Test
    void backOfficeReSplitsTheUnpaidBalanceToThePaisa() {
        UUID branch = branch("PUN", "27", null);
        UUID plan = oneTimePlan(student("Kabir Shah", null), branch, "10000.00");
        String office = backOffice(branch);
        pay(office, plan, "2500.00", "CASH", Map.of());

        Response wrongSum = api.post("/api/v1/fee-plans/" + plan + "/resplit", office, Map.of("parts", List.of(
                Map.of("dueDate", "2026-12-15", "amount", new BigDecimal("4000.00")),
                Map.of("dueDate", "2027-01-15", "amount", new BigDecimal("3000.00")))));
        assertThat(wrongSum.status()).as(wrongSum.toString()).isEqualTo(400);
        assertThat(wrongSum.errorFields()).contains("parts");
        assertThat(wrongSum.json().path("detail").asString()).contains("7500.00");

        Response evenly = api.post("/api/v1/fee-plans/" + plan + "/resplit", office,
                Map.of("count", 3, "firstDueDate", "2026-12-20"));
        assertThat(evenly.status()).as(evenly.toString()).isEqualTo(200);
        assertThat(evenly.json().path("installments").valueStream()
                .map(i -> i.path("status").asString() + ":" + money(i.path("amount")).toPlainString()).toList())
                .containsExactly("SUPERSEDED:10000.00", "DUE:2500.00", "DUE:2500.00", "DUE:2500.00");
        assertThat(money(evenly.json().path("pending"))).isEqualByComparingTo("7500.00");

        Response byHand = api.post("/api/v1/fee-plans/" + plan + "/resplit", office, Map.of("parts", List.of(
                Map.of("dueDate", "2026-12-31", "amount", new BigDecimal("5000.00")),
                Map.of("dueDate", "2027-01-31", "amount", new BigDecimal("2500.00")))));
        assertThat(byHand.status()).as(byHand.toString()).isEqualTo(200);
        assertThat(money(byHand.json().path("pending"))).isEqualByComparingTo("7500.00");
        // A payment still goes to the oldest open part.
        JsonNode paid = pay(office, plan, "5000.00", "CASH", Map.of());
        assertThat(paid.path("allocations").get(0).path("dueDate").asString()).isEqualTo("2026-12-31");
        assertThat(api.post("/api/v1/fee-plans/" + plan + "/resplit", accountant(branch), Map.of("count", 2)).status())
                .isEqualTo(403);
    }

    @Test
    void waivingNeedsAReasonAndThePermissionAndKeepsWhatWasPaid() {
        UUID branch = branch("JAI", "08", null);
        UUID plan = oneTimePlan(student("Isha Rao", null), branch, "9000.00");
        pay(backOffice(branch), plan, "4000.00", "CASH", Map.of());
        String installment = installments(backOffice(branch), plan).getFirst().path("id").asString();
        assertThat(api.post("/api/v1/installments/" + installment + "/waiver", backOffice(branch), Map.of())
                .errorFields()).contains("reason");
        assertThat(api.post("/api/v1/installments/" + installment + "/waiver", accountant(branch),
                Map.of("reason", "hardship")).status()).isEqualTo(403);
        Response waived = api.post("/api/v1/installments/" + installment + "/waiver", backOffice(branch),
                Map.of("reason", "scholarship for the topper"));
        assertThat(waived.status()).as(waived.toString()).isEqualTo(200);
        assertThat(waived.json().path("status").asString()).isEqualTo("WAIVED");
        assertThat(money(waived.json().path("paid"))).isEqualByComparingTo("4000.00");
        assertThat(waived.json().path("note").asString()).isEqualTo("scholarship for the topper");
        assertThat(api.post("/api/v1/installments/" + installment + "/waiver", backOffice(branch),
                Map.of("reason", "again")).status()).isEqualTo(409);
        Response overpay = payment(backOffice(branch), UUID.randomUUID().toString(), plan, "1.00", "CASH", Map.of());
        assertThat(overpay.status()).isEqualTo(422);
    }

    @Test
    void studentsSeeOnlyTheirOwnPlansAndStaffOnlyTheirBranch() {
        UUID delhi = branch("DWK", "07", null);
        UUID mumbai = branch("BOM", "27", null);
        UUID asha = student("Asha", null);
        UUID ravi = student("Ravi", null);
        UUID ashaPlan = oneTimePlan(asha, delhi, "1000.00");
        UUID raviPlan = oneTimePlan(ravi, mumbai, "2000.00");

        assertThat(api.get("/api/v1/fee-plans/" + ashaPlan, studentToken(asha)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/fee-plans/" + raviPlan, studentToken(asha)).status()).isEqualTo(404);
        Response own = api.get("/api/v1/fee-plans?studentId=" + ravi, studentToken(asha));
        assertThat(own.json().path("content").valueStream().map(p -> p.path("id").asString()).toList())
                .containsExactly(ashaPlan.toString());

        assertThat(api.get("/api/v1/fee-plans/" + raviPlan, accountant(delhi)).status()).isEqualTo(404);
        Response delhiList = api.get("/api/v1/fee-plans", accountant(delhi));
        assertThat(delhiList.json().path("content").valueStream().map(p -> p.path("branchId").asString()).distinct()
                .toList()).containsExactly(delhi.toString());
        Response all = api.get("/api/v1/fee-plans?studentId=" + ravi, director);
        assertThat(all.json().path("content").valueStream().map(p -> p.path("id").asString()).toList())
                .containsExactly(raviPlan.toString());
        assertThat(api.get("/api/v1/fee-plans", KEYS.teacher(UUID.randomUUID(), "read:courses")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/fee-plans", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/fee-plans?sort=password,asc", director).status()).isEqualTo(400);
    }
}
