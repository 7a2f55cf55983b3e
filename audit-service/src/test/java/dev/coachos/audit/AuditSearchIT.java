package dev.coachos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.audit.trail.AuditRecord;
import dev.coachos.audit.trail.Kind;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Searching the trail: each filter, newest first, paged; one record; who may read; bad filters. */
class AuditSearchIT extends AuditIntegrationTest {

    @Test
    void eachFilterFindsItsRecordsNewestFirst() {
        UUID actor = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        String enrollment = UUID.randomUUID().toString();
        AuditRecord created = append(event(Kind.GENERAL, "EnrollmentCreated", "enrollment-service", "Enrollment",
                enrollment, actor, branch, "{\"enrollmentId\":\"" + enrollment + "\",\"branchId\":\"" + branch + "\"}"));
        AuditRecord changed = append(event(Kind.GENERAL, "EnrollmentStatusChanged", "enrollment-service",
                "Enrollment", enrollment, actor, branch, "{\"enrollmentId\":\"" + enrollment + "\"}"));
        AuditRecord elsewhere = append(event(Kind.GENERAL, "CourseCreated", "course-service", "Course",
                UUID.randomUUID().toString(), UUID.randomUUID(), null, "{}"));
        String auditor = auditor();

        assertThat(ids(api.get("/api/v1/audit?entityType=Enrollment&entityId=" + enrollment, auditor)))
                .containsExactly(changed.id().toString(), created.id().toString());
        assertThat(ids(api.get("/api/v1/audit?actor=" + actor, auditor)))
                .containsExactly(changed.id().toString(), created.id().toString());
        assertThat(ids(api.get("/api/v1/audit?branch=" + branch, auditor)))
                .containsExactly(changed.id().toString(), created.id().toString());
        assertThat(ids(api.get("/api/v1/audit?action=EnrollmentCreated&actor=" + actor, auditor)))
                .containsExactly(created.id().toString());
        assertThat(ids(api.get("/api/v1/audit?source=course-service&entityType=Course", auditor)))
                .contains(elsewhere.id().toString()).doesNotContain(created.id().toString());
        assertThat(ids(api.get("/api/v1/audit?actor=" + actor + "&from=" + changed.when().recordedAt(), auditor)))
                .containsExactly(changed.id().toString());
        assertThat(ids(api.get("/api/v1/audit?actor=" + actor + "&to=" + changed.when().recordedAt(), auditor)))
                .containsExactly(created.id().toString());
        assertThat(ids(api.get("/api/v1/audit?actor=" + actor + "&sort=recordedAt,asc", auditor)))
                .containsExactly(created.id().toString(), changed.id().toString());
    }

    @Test
    void aRecordTellsWhoWhatWhenWhereAndTheOutcome() {
        UUID actor = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        String user = UUID.randomUUID().toString();
        AuditRecord record = append(event(Kind.LOGIN, "LoginFailed", "identity-service", "User", user, actor, branch,
                "{\"userId\":\"" + user + "\",\"amount\":18500.50}"));

        Response one = api.get("/api/v1/audit/" + record.id(), auditor());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        JsonNode json = one.json();
        assertThat(json.path("action").asString()).isEqualTo("LoginFailed");
        assertThat(json.path("outcome").asString()).isEqualTo("FAILURE");
        assertThat(json.path("kind").asString()).isEqualTo("LOGIN");
        assertThat(json.at("/who/userId").asString()).isEqualTo(actor.toString());
        assertThat(json.at("/who/roles/0").asString()).isEqualTo("DIRECTOR");
        assertThat(json.at("/what/entityType").asString()).isEqualTo("User");
        assertThat(json.at("/what/entityId").asString()).isEqualTo(user);
        assertThat(json.at("/what/payload/amount").decimalValue()).isEqualByComparingTo("18500.50");
        assertThat(json.at("/when/recordedAt").asString()).isNotBlank();
        assertThat(json.at("/when/occurredAt").asString()).isNotBlank();
        assertThat(json.at("/where/source").asString()).isEqualTo("identity-service");
        assertThat(json.at("/where/branchId").asString()).isEqualTo(branch.toString());
        assertThat(json.at("/where/clientIp").asString()).isEqualTo("10.0.0.7");
        assertThat(json.at("/where/userAgent").asString()).isEqualTo("JUnit");
        assertThat(json.at("/where/traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(json.at("/chain/hash").asString()).hasSize(64).isEqualTo(record.chain().hash());

        Response missing = api.get("/api/v1/audit/" + UUID.randomUUID(), auditor());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("urn:coachos:problem:not-found");
    }

    @Test
    void pagesDoNotOverlapAndCountEveryMatch() {
        UUID actor = UUID.randomUUID();
        for (int i = 0; i < 7; i++) {
            append(event(Kind.GENERAL, "ThingUpdated", "test-service", "Thing", UUID.randomUUID().toString(), actor,
                    null, "{}"));
        }
        String auditor = auditor();
        Response first = api.get("/api/v1/audit?actor=" + actor + "&size=3", auditor);
        Response second = api.get("/api/v1/audit?actor=" + actor + "&size=3&page=1", auditor);
        Response last = api.get("/api/v1/audit?actor=" + actor + "&size=3&page=2", auditor);
        assertThat(first.json().at("/page/totalElements").asLong()).isEqualTo(7);
        assertThat(first.json().at("/page/totalPages").asInt()).isEqualTo(3);
        assertThat(ids(first)).hasSize(3).doesNotContainAnyElementsOf(ids(second));
        assertThat(ids(last)).hasSize(1).doesNotContainAnyElementsOf(ids(second));
    }

    @Test
    void onlyHoldersOfReadAuditSearch() {
        assertThat(api.get("/api/v1/audit", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit/" + UUID.randomUUID(), null).status()).isEqualTo(401);
        String student = KEYS.student(UUID.randomUUID());
        Response refused = api.get("/api/v1/audit", student);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:forbidden");
        assertThat(api.get("/api/v1/audit/" + UUID.randomUUID(), student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", auditor()).status()).isEqualTo(200);
    }

    @Test
    void staffBoundToABranchReadOnlyThatBranchsRecords() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID actor = UUID.randomUUID();
        AuditRecord here = append(event(Kind.GENERAL, "BatchCreated", "enrollment-service", "Batch",
                UUID.randomUUID().toString(), actor, mine, "{}"));
        AuditRecord there = append(event(Kind.GENERAL, "BatchCreated", "enrollment-service", "Batch",
                UUID.randomUUID().toString(), actor, other, "{}"));
        AuditRecord nowhere = append(event(Kind.GENERAL, "CourseCreated", "course-service", "Course",
                UUID.randomUUID().toString(), actor, null, "{}"));
        String branchAuditor = KEYS.staff("BRANCH_ADMIN", mine, "read:audit");

        assertThat(ids(api.get("/api/v1/audit?actor=" + actor, branchAuditor))).containsExactly(here.id().toString());
        assertThat(ids(api.get("/api/v1/audit?actor=" + actor, auditor()))).containsExactly(
                nowhere.id().toString(), there.id().toString(), here.id().toString());
        assertThat(api.get("/api/v1/audit/" + here.id(), branchAuditor).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/" + there.id(), branchAuditor).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit/" + nowhere.id(), branchAuditor).status()).isEqualTo(404);
        Response elsewhere = api.get("/api/v1/audit?branch=" + other, branchAuditor);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.text("type")).isEqualTo("urn:coachos:problem:forbidden");
    }

    @Test
    void aPersonsPayInTheTrailIsShownOnlyToPayrollRoles() {
        UUID branch = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        String slip = UUID.randomUUID().toString();
        AuditRecord paid = append(event(Kind.FINANCE, "SalaryPaid", "finance-service", "SalarySlip", slip,
                UUID.randomUUID(), branch, "{\"slipId\":\"" + slip + "\",\"personId\":\"" + person
                        + "\",\"net\":\"42350.00\"}"));
        AuditRecord payment = append(event(Kind.FINANCE, "PaymentReceived", "finance-service", "Payment",
                UUID.randomUUID().toString(), UUID.randomUUID(), branch, "{\"amount\":\"18500.00\"}"));
        String admin = KEYS.token().subject(UUID.randomUUID()).permissions(List.of("read:audit", "access:all_branches"))
                .sign();
        String payroll = KEYS.token().subject(UUID.randomUUID())
                .permissions(List.of("read:audit", "read:payroll", "access:all_branches")).sign();
        // The payment follows the salary in the FINANCE chain: its previousHash is the salary's hash.
        assertThat(payment.chain().previousHash()).isEqualTo(paid.chain().hash());
        String hiddenHash = paid.chain().hash();

        // Without a payroll permission: the record is there (who, what, when), its amounts are not.
        JsonNode hidden = api.get("/api/v1/audit/" + paid.id(), admin).json();
        assertThat(hidden.path("action").asString()).isEqualTo("SalaryPaid");
        assertThat(hidden.path("what").path("entityId").asString()).isEqualTo(slip);
        assertThat(hidden.path("what").path("payload").isMissingNode() || hidden.path("what").path("payload").isNull())
                .as(hidden.toString()).isTrue();
        assertThat(hidden.toString()).doesNotContain("42350.00");
        // Nor its hash, which covers the payload (a net of few unknowns could be found from it), nor the
        // hash before it; nor any hash of its chain after it, since each covers the one before, link by
        // link up to the hidden one (guesses could be checked against any of them). Numbers stay.
        assertThat(absent(hidden.path("chain").path("hash"))).as(hidden.toString()).isTrue();
        assertThat(absent(hidden.path("chain").path("previousHash"))).as(hidden.toString()).isTrue();
        assertThat(hidden.path("chain").path("seq").asLong()).isEqualTo(paid.chain().seq());
        assertThat(hidden.toString()).doesNotContain(hiddenHash).doesNotContain(paid.chain().previousHash());
        AuditRecord later = append(event(Kind.FINANCE, "ExpenseRecorded", "finance-service", "Expense",
                UUID.randomUUID().toString(), UUID.randomUUID(), branch, "{\"amount\":\"900.00\"}"));
        for (AuditRecord follower : List.of(payment, later)) {
            JsonNode after = api.get("/api/v1/audit/" + follower.id(), admin).json();
            assertThat(absent(after.path("chain").path("hash"))).as(after.toString()).isTrue();
            assertThat(absent(after.path("chain").path("previousHash"))).as(after.toString()).isTrue();
            assertThat(after.path("what").path("payload").path("amount").asString()).isNotBlank();
        }
        Response listed = api.get("/api/v1/audit?branch=" + branch, admin);
        assertThat(listed.raw()).contains(paid.id().toString()).doesNotContain("42350.00").contains("18500.00")
                .doesNotContain(hiddenHash).doesNotContain(payment.chain().hash()).doesNotContain(later.chain().hash());
        assertThat(ids(listed)).containsExactly(later.id().toString(), payment.id().toString(), paid.id().toString());
        // A chain that holds no private record keeps its hashes for every reader.
        AuditRecord login = append(event(Kind.LOGIN, "UserLoggedIn", "identity-service", "User",
                UUID.randomUUID().toString(), UUID.randomUUID(), branch, "{}"));
        assertThat(api.get("/api/v1/audit/" + login.id(), admin).json().path("chain").path("hash").asString())
                .isEqualTo(login.chain().hash());

        // A payroll role reads it whole.
        assertThat(api.get("/api/v1/audit/" + paid.id(), payroll).json().path("what").path("payload").path("net")
                .asString()).isEqualTo("42350.00");
        assertThat(api.get("/api/v1/audit?branch=" + branch, payroll).raw()).contains("42350.00");
        JsonNode whole = api.get("/api/v1/audit/" + paid.id(), payroll).json();
        assertThat(whole.path("chain").path("hash").asString()).isEqualTo(hiddenHash);
        assertThat(whole.path("chain").path("previousHash").asString()).isEqualTo(paid.chain().previousHash());
        assertThat(api.get("/api/v1/audit/" + payment.id(), payroll).json().path("chain").path("previousHash")
                .asString()).isEqualTo(hiddenHash);
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        String auditor = auditor();
        assertThat(refusal(api.get("/api/v1/audit?actor=someone", auditor))).containsExactly("actor");
        assertThat(refusal(api.get("/api/v1/audit?branch=12", auditor))).containsExactly("branch");
        assertThat(refusal(api.get("/api/v1/audit?from=yesterday", auditor))).containsExactly("from");
        assertThat(refusal(api.get("/api/v1/audit?to=3000-01-01T00:00:00Z", auditor))).containsExactly("to");
        assertThat(refusal(api.get("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", auditor)))
                .containsExactly("to");
        assertThat(refusal(api.get("/api/v1/audit?entityId=abc", auditor))).containsExactly("entityType");
        assertThat(refusal(api.get("/api/v1/audit?action=" + "A".repeat(201), auditor))).containsExactly("action");
        assertThat(refusal(api.get("/api/v1/audit?sort=payload", auditor))).containsExactly("sort");
        assertThat(refusal(api.get("/api/v1/audit?size=1000", auditor))).containsExactly("size");
        assertThat(api.get("/api/v1/audit/not-an-id", auditor).status()).isEqualTo(400);
    }

    private static List<String> refusal(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.errorFields();
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("content").valueStream().map(r -> r.path("id").asString()).toList();
    }
}
