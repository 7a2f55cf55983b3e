package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Salary structures: components checked with a problem naming the one at fault; two structures of one
 * person never overlap (the database refuses it, also when two requests race); branch reach; a person
 * reads their own; an open-ended structure is ended, once.
 */
class SalaryStructuresIT extends PayrollTestBase {

    @Test
    void aStructureWithItsComponentsIsSetUpAndReadByPayrollStaffAndThePersonThemself() {
        UUID branch = branch("DEL", "07", null);
        UUID teacher = payee("Meera Iyer", branch, "TEACHER");
        Map<String, Object> body = structureBody(teacher, "30000.00", "2026-11-11", null, List.of(
                percent("HRA", "EARNING", "40", "BASIC"), fixed("CONVEYANCE", "EARNING", "1600.00"),
                percent("WELFARE", "DEDUCTION", "1", "GROSS")));
        body.put("pf", true);
        body.put("tdsPercent", 5);
        JsonNode created = structure(payrollManager(branch), body);
        String id = created.path("id").asString();
        assertThat(created.path("branchId").asString()).isEqualTo(branch.toString());
        assertThat(created.path("personName").asString()).isEqualTo("Meera Iyer");
        assertThat(created.path("pf").asBoolean()).isTrue();
        assertThat(created.path("components").valueStream().map(c -> c.path("seq").asInt() + ":" + c.path("code").asString()))
                .containsExactly("1:HRA", "2:CONVEYANCE", "3:WELFARE");

        assertThat(api.get("/api/v1/salary-structures/" + id, hrManager(branch)).status()).isEqualTo(200);
        Response own = api.get("/api/v1/salary-structures/" + id, teacherToken(teacher));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(money(own.json().path("basePay"))).isEqualByComparingTo("30000.00");

        // Someone else, another branch's payroll staff, and a student are told it is not there.
        UUID other = branch("MUM", "27", null);
        assertThat(api.get("/api/v1/salary-structures/" + id, teacherToken(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-structures/" + id, payrollManager(other)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-structures/" + id, studentToken(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/salary-structures/" + id, headOffice()).status()).isEqualTo(200);

        // Lists: payroll staff see their branch; a person sees only their own, whatever they ask for.
        UUID colleague = payee("Ravi Kumar", branch, "STAFF");
        structure(payrollManager(branch), structureBody(colleague, "18000.00", "2026-10-01", null, List.of()));
        assertThat(api.get("/api/v1/salary-structures?branchId=" + branch, hrManager(branch)).json()
                .path("page").path("totalElements").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/salary-structures?on=2026-11-01", hrManager(branch)).json()
                .path("content").valueStream().map(s -> s.path("personId").asString()).toList())
                .containsExactly(colleague.toString());
        JsonNode asTeacher = api.get("/api/v1/salary-structures?personId=" + colleague, teacherToken(teacher)).json();
        assertThat(asTeacher.path("content").size()).isZero();
        assertThat(api.get("/api/v1/salary-structures", teacherToken(teacher)).json().path("content").valueStream()
                .map(s -> s.path("id").asString()).toList()).containsExactly(id);
        assertThat(api.get("/api/v1/salary-structures?branchId=" + branch, payrollManager(other)).json()
                .path("content").size()).isZero();

        // Reading is not writing.
        assertThat(createStructure(hrManager(branch), structureBody(UUID.randomUUID(), "1.00", "2026-11-01", null,
                List.of())).status()).isEqualTo(403);
    }

    @Test
    void badComponentsAreAProblemNamingTheComponentAndNothingIsStored() {
        UUID branch = branch("DEL", "07", null);
        UUID staff = payee("Anil Das", branch, "STAFF");
        String token = payrollManager(branch);

        Response forward = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(
                percent("SPECIAL", "EARNING", "10", "HRA"), percent("HRA", "EARNING", "40", "BASIC"))));
        assertThat(forward.status()).as(forward.toString()).isEqualTo(400);
        assertThat(forward.errorFields()).containsExactly("components[0].of");
        assertThat(forward.json().path("detail").asString()).contains("SPECIAL", "refers to HRA, which is listed after it");

        Response cycle = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(
                percent("A", "EARNING", "10", "B"), percent("B", "EARNING", "10", "A"))));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().path("detail").asString()).contains("(A)", "cycle");

        Response duplicate = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(
                fixed("HRA", "EARNING", "100.00"), fixed("HRA", "EARNING", "200.00"))));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorFields()).containsExactly("components[1].code");

        Map<String, Object> both = fixed("BONUS", "EARNING", "100.00");
        both.put("percent", 5);
        Response bothGiven = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(both)));
        assertThat(bothGiven.status()).isEqualTo(400);
        assertThat(bothGiven.json().path("detail").asString()).contains("(BONUS)", "FIXED component has an amount");
        Map<String, Object> neither = percent("LOAN", "DEDUCTION", "5", "BASIC");
        neither.remove("percent");
        Response neitherGiven = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null,
                List.of(neither)));
        assertThat(neitherGiven.status()).isEqualTo(400);
        assertThat(neitherGiven.json().path("detail").asString()).contains("(LOAN)");

        Response unknown = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(
                percent("HRA", "EARNING", "40", "BASE"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).contains("(HRA)", "refers to BASE");

        Response grossEarning = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(
                percent("BONUS", "EARNING", "5", "GROSS"))));
        assertThat(grossEarning.status()).isEqualTo(400);

        Response badKind = createStructure(token, structureBody(staff, "20000.00", "2026-11-01", null, List.of(
                fixed("HRA", "ALLOWANCE", "100.00"))));
        assertThat(badKind.errorFields()).containsExactly("components[0].kind");

        assertThat(createStructure(token, structureBody(staff, "-1.00", "2026-11-01", null, List.of())).errorFields())
                .contains("basePay");
        assertThat(createStructure(token, structureBody(staff, "100.00", "2026-11-01", "2026-10-31", List.of()))
                .errorFields()).containsExactly("effectiveTo");
        Response unknownPerson = createStructure(token, structureBody(UUID.randomUUID(), "100.00", "2026-11-01", null,
                List.of()));
        assertThat(unknownPerson.status()).isEqualTo(400);
        assertThat(unknownPerson.errorFields()).containsExactly("personId");
        // A payee of another branch is out of reach: the same answer as an unknown one.
        UUID elsewhere = payee("Out Of Reach", branch("MUM", "27", null), "STAFF");
        assertThat(createStructure(token, structureBody(elsewhere, "100.00", "2026-11-01", null, List.of()))
                .errorFields()).containsExactly("personId");

        assertThat(count("select count(*) from salary_structure")).isZero();
        assertThat(count("select count(*) from salary_component")).isZero();
    }

    @Test
    void aStructureWhoseFullMonthWouldBeAboveWhatASlipHoldsIsAProblemNamingTheField() {
        UUID branch = branch("DEL", "07", null);
        String token = payrollManager(branch);
        UUID staff = payee("Anil Das", branch, "STAFF");
        // Base pay at the largest amount, HRA 100% of BASIC: gross 19,999,999,999.98.
        Response tooLarge = createStructure(token, structureBody(staff, "9999999999.99", "2026-10-01", null,
                List.of(percent("HRA", "EARNING", "100", "BASIC"))));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(400);
        assertThat(tooLarge.errorFields()).containsExactly("components");
        // Fixed deductions that together are above it.
        Response deductions = createStructure(token, structureBody(staff, "100.00", "2026-10-01", null, List.of(
                fixed("LOAN", "DEDUCTION", "9999999999.99"), fixed("ADVANCE", "DEDUCTION", "9999999999.99"))));
        assertThat(deductions.errorFields()).containsExactly("components");
        assertThat(count("select count(*) from salary_structure where person_id = ?", staff)).isZero();
        assertThat(createStructure(token, structureBody(staff, "9999999999.99", "2026-10-01", null, List.of()))
                .status()).isEqualTo(201);
    }

    @Test
    void overlappingStructuresOfOnePersonAreRefusedNamingTheOneInTheWayEvenWhenTheyRace() throws Exception {
        UUID branch = branch("DEL", "07", null);
        UUID staff = payee("Kavita Rao", branch, "STAFF");
        String token = payrollManager(branch);
        String first = structure(token, structureBody(staff, "20000.00", "2026-04-01", null, List.of()))
                .path("id").asString();
        Response overlapping = createStructure(token, structureBody(staff, "22000.00", "2026-11-01", null, List.of()));
        assertThat(overlapping.status()).as(overlapping.toString()).isEqualTo(409);
        assertThat(overlapping.json().path("detail").asString()).contains(first);

        // Ending the first makes room after it; it cannot be ended twice, nor before it began.
        assertThat(api.post("/api/v1/salary-structures/" + first + "/end", token, Map.of("effectiveTo", "2026-03-31"))
                .errorFields()).containsExactly("effectiveTo");
        Response ended = api.post("/api/v1/salary-structures/" + first + "/end", token, Map.of("effectiveTo", "2026-10-31"));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().path("effectiveTo").asString()).isEqualTo("2026-10-31");
        assertThat(api.post("/api/v1/salary-structures/" + first + "/end", token, Map.of("effectiveTo", "2026-10-30"))
                .status()).isEqualTo(409);
        assertThat(createStructure(token, structureBody(staff, "22000.00", "2026-10-31", null, List.of())).status())
                .isEqualTo(409);
        assertThat(createStructure(token, structureBody(staff, "22000.00", "2026-11-01", null, List.of())).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/salary-structures/" + first + "/end", hrManager(branch),
                Map.of("effectiveTo", "2026-10-30")).status()).isEqualTo(403);

        // Two overlapping structures of a new person at the same time: one is made, the other is a 409.
        UUID racer = payee("Sunil Jain", branch, "STAFF");
        List<Integer> statuses = race(() -> createStructure(token,
                structureBody(racer, "25000.00", "2026-11-01", null, List.of())).status(), () -> createStructure(token,
                structureBody(racer, "26000.00", "2026-11-15", "2026-12-31", List.of())).status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(count("select count(*) from salary_structure where person_id = ?", racer)).isEqualTo(1);
    }

    /** Runs the calls at the same moment from two threads and returns what each answered, in order. */
    static List<Integer> race(java.util.function.Supplier<Integer> a, java.util.function.Supplier<Integer> b)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (java.util.function.Supplier<Integer> call : List.of(a, b)) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                answers.add(call.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
