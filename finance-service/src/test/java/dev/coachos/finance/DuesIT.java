package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.coachos.finance.dues.DuesReminders;
import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * What is owed: per student with ageing, overdue only, paged and sorted, within the caller's reach;
 * and the daily reminders, each (installment, level) once however often the job runs.
 */
class DuesIT extends FinanceTestBase {

    @Autowired
    DuesReminders reminders;

    @Test
    void duesPerStudentAgeByDaysPastTheDueDate() {
        UUID branch = branch("AGE", "07", null);
        UUID asha = student("Asha", null);
        UUID ravi = student("Ravi", null);
        // Asha: monthly from 1 August: by 2 December, 1 Aug (123 days), 1 Sep (92), 1 Oct (62), 1 Nov (31) and 1 Dec (1) are past due.
        setDay(LocalDate.of(2026, 8, 1));
        UUID batch = batch(branch, LocalDate.of(2026, 8, 1), LocalDate.of(2027, 1, 31));
        plan(asha, branch, batch, "1000.00", FeeSchedule.Frequency.MONTHLY);
        setDay(TODAY);
        UUID raviPlan = oneTimePlan(ravi, branch, "500.00");
        pay(backOffice(branch), raviPlan, "200.00", "CASH", Map.of());

        Response dues = api.get("/api/v1/dues?branchId=" + branch + "&sort=pending,desc", accountant(branch));
        assertThat(dues.status()).as(dues.toString()).isEqualTo(200);
        List<JsonNode> rows = dues.json().path("content").valueStream().toList();
        assertThat(rows).extracting(r -> r.path("studentName").asString()).containsExactly("Asha", "Ravi");
        JsonNode ageing = rows.getFirst().path("ageing");
        assertThat(money(ageing.path("pending"))).isEqualByComparingTo("6000.00");
        assertThat(money(ageing.path("overdue"))).isEqualByComparingTo("5000.00");
        assertThat(money(ageing.path("notYetDue"))).isEqualByComparingTo("1000.00");
        assertThat(money(ageing.path("days1To30"))).isEqualByComparingTo("1000.00");
        assertThat(money(ageing.path("days31To60"))).isEqualByComparingTo("1000.00");
        assertThat(money(ageing.path("days61To90"))).isEqualByComparingTo("1000.00");
        assertThat(money(ageing.path("over90"))).isEqualByComparingTo("2000.00");
        assertThat(rows.getFirst().path("daysOverdue").asLong()).isEqualTo(123);
        assertThat(rows.getFirst().path("oldestDueDate").asString()).isEqualTo("2026-08-01");
        assertThat(money(rows.get(1).path("ageing").path("pending"))).isEqualByComparingTo("300.00");

        Response overdue = api.get("/api/v1/dues?overdueOnly=true", accountant(branch));
        assertThat(overdue.json().path("content").valueStream().map(r -> r.path("studentName").asString()).toList())
                .containsExactly("Asha");
        Response paged = api.get("/api/v1/dues?size=1&page=1&sort=studentName,asc", accountant(branch));
        assertThat(paged.json().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(paged.json().path("content").get(0).path("studentName").asString()).isEqualTo("Ravi");
        Response pastTheEnd = api.get("/api/v1/dues?size=1&page=5", accountant(branch));
        assertThat(pastTheEnd.json().path("content")).isEmpty();
        assertThat(pastTheEnd.json().path("page").path("totalElements").asLong()).isEqualTo(2);

        Response totals = api.get("/api/v1/dues/ageing", accountant(branch));
        assertThat(totals.json()).hasSize(1);
        assertThat(totals.json().get(0).path("students").asLong()).isEqualTo(2);
        assertThat(money(totals.json().get(0).path("ageing").path("pending"))).isEqualByComparingTo("6300.00");
        assertThat(api.get("/api/v1/dues?sort=secret,asc", accountant(branch)).status()).isEqualTo(400);
    }

    @Test
    void staffSeeTheirBranchDirectorsEveryBranchAndAStudentOnlyThemself() {
        UUID north = branch("NTH", "07", null);
        UUID south = branch("STH", "29", null);
        UUID asha = student("Asha North", null);
        UUID ravi = student("Ravi South", null);
        oneTimePlan(asha, north, "100.00");
        oneTimePlan(ravi, south, "200.00");
        assertThat(names(api.get("/api/v1/dues", accountant(north)))).containsExactly("Asha North");
        assertThat(names(api.get("/api/v1/dues?branchId=" + south, accountant(north)))).isEmpty();
        assertThat(names(api.get("/api/v1/dues?branchId=" + south, director))).containsExactly("Ravi South");
        assertThat(names(api.get("/api/v1/dues", studentToken(ravi)))).containsExactly("Ravi South");
        assertThat(api.get("/api/v1/dues", KEYS.teacher(UUID.randomUUID(), "read:courses")).status()).isEqualTo(403);
    }

    @Test
    void remindersArePublishedOncePerInstallmentAndLevelHoweverOftenTheJobRuns() {
        UUID branch = branch("REM", "07", null);
        UUID student = student("Kiran", null);
        setDay(LocalDate.of(2026, 11, 1));
        UUID batch = batch(branch, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31));
        plan(student, branch, batch, "800.00", FeeSchedule.Frequency.MONTHLY);
        UUID paidUp = oneTimePlan(student("Paid Up", null), branch, "100.00");
        pay(backOffice(branch), paidUp, "100.00", "CASH", Map.of());

        // 30 October: the 1 November installment falls due within 3 days.
        setDay(LocalDate.of(2026, 10, 30));
        Response run = api.post("/api/v1/dues/reminders", director, Map.of());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("due").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/dues/reminders", director, Map.of()).json().path("due").asInt()).isZero();

        // 2 November: one day overdue (level 1); 8 November: seven days (level 2); 20 November: level 3.
        setDay(LocalDate.of(2026, 11, 2));
        assertThat(api.post("/api/v1/dues/reminders", director, Map.of()).json().path("overdue").asInt()).isEqualTo(1);
        setDay(LocalDate.of(2026, 11, 8));
        assertThat(api.post("/api/v1/dues/reminders", director, Map.of()).json().path("overdue").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/dues/reminders", director, Map.of()).json().path("overdue").asInt()).isZero();
        setDay(LocalDate.of(2026, 11, 20));
        api.post("/api/v1/dues/reminders", director, Map.of());
        List<JsonNode> overdue = outbox.payloads("InstallmentOverdue", student.toString());
        assertThat(overdue).extracting(e -> e.path("level").asInt() + "@" + e.path("daysOverdue").asInt())
                .containsExactly("1@1", "2@7", "3@19");
        assertThat(outbox.payloads("InstallmentDue", student.toString())).singleElement()
                .satisfies(e -> assertThat(e.path("dueDate").asString()).isEqualTo("2026-11-01"));
        assertThat(outbox.payloads("InstallmentOverdue", UUID.randomUUID().toString())).isEmpty();
        // Branch staff may not run the head office's job.
        assertThat(api.post("/api/v1/dues/reminders", backOffice(branch), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void severalInstancesRunningTheJobAtOnceStillPublishEachReminderOnce() throws Exception {
        UUID branch = branch("PAR", "07", null);
        UUID student = student("Parallel", null);
        setDay(LocalDate.of(2026, 10, 1));
        UUID batch = batch(branch, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30));
        plan(student, branch, batch, "700.00", FeeSchedule.Frequency.MONTHLY);
        LocalDate day = LocalDate.of(2026, 10, 20);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DuesReminders.Run>> runs = pool.invokeAll(java.util.Collections.nCopies(4,
                    (Callable<DuesReminders.Run>) () -> reminders.run(day)));
            int overdue = 0;
            for (Future<DuesReminders.Run> run : runs) {
                overdue += run.get().overdue();
            }
            assertThat(overdue).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(outbox.payloads("InstallmentOverdue", student.toString())).singleElement()
                .satisfies(e -> assertThat(e.path("level").asInt()).isEqualTo(3));
    }

    private static List<String> names(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("content").valueStream().map(r -> r.path("studentName").asString()).toList();
    }
}
