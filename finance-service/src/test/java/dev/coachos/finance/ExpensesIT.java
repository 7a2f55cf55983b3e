package dev.coachos.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Expenses: counted at once up to the approval threshold (25,000.00 by default), above it only once
 * an approver who did not record it approves; reversed, never deleted; every change announced in the
 * outbox; bad input a problem naming the field; other branches' expenses not there.
 */
class ExpensesIT extends FinanceTestBase {

    private static String manager(UUID branch) {
        return KEYS.staff("BRANCH_MANAGER", branch, "manage:expenses", "read:expenses");
    }

    private static String generalManager(UUID id) {
        return KEYS.token().subject(id).roles(List.of("GENERAL_MANAGER"))
                .permissions(List.of("read:expenses", "access:all_branches")).staffProfile().sign();
    }

    private Response record(String token, UUID branch, String amount, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Hoardings, Karol Bagh");
        body.put("amount", new java.math.BigDecimal(amount));
        body.put("category", "MARKETING");
        body.put("spentOn", TODAY.toString());
        body.put("branchId", branch.toString());
        body.putAll(extra);
        return api.post("/api/v1/expenses", token, body);
    }

    private JsonNode recorded(String token, UUID branch, String amount, Map<String, Object> extra) {
        Response answer = record(token, branch, amount, extra);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    @Test
    void anExpenseUpToTheThresholdCountsAtOnceAndIsAnnounced() {
        UUID branch = branch("DEL", "07", null);
        UUID campaign = UUID.randomUUID();
        JsonNode expense = recorded(manager(branch), branch, "25000.00", Map.of("campaignId", campaign.toString(),
                "category", "marketing", "billUrl", "https://bills.example.in/2026/hoardings.pdf"));
        assertThat(expense.path("status").asString()).isEqualTo("COUNTED");
        assertThat(expense.path("category").asString()).isEqualTo("MARKETING");
        String id = expense.path("id").asString();

        JsonNode event = outbox.payloads("ExpenseRecorded", id).getFirst();
        assertThat(event.path("status").asString()).isEqualTo("COUNTED");
        assertThat(event.path("amount").asString()).isEqualTo("25000.00");
        assertThat(event.path("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(event.path("branchId").asString()).isEqualTo(branch.toString());
        assertThat(event.path("spentOn").asString()).isEqualTo("2026-12-02");

        Response got = api.get("/api/v1/expenses/" + id, KEYS.staff("ACCOUNTANT", branch, "read:expenses"));
        assertThat(got.status()).as(got.toString()).isEqualTo(200);
        assertThat(money(got.json().path("amount"))).isEqualByComparingTo("25000.00");
        Response listed = api.get("/api/v1/expenses?campaignId=" + campaign + "&status=COUNTED&from=2026-12-01&to=2026-12-02",
                KEYS.staff("ACCOUNTANT", branch, "read:expenses"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("content").valueStream().map(e -> e.path("id").asString()).toList())
                .containsExactly(id);
        assertThat(api.get("/api/v1/expenses?campaignId=" + campaign + "&to=2026-12-01", manager(branch))
                .json().path("content").size()).isZero();
    }

    @Test
    void anExpenseAboveTheThresholdWaitsForAnApproverWhoDidNotRecordIt() {
        UUID branch = branch("DEL", "07", null);
        UUID gm = UUID.randomUUID();
        JsonNode byManager = recorded(manager(branch), branch, "25000.01", Map.of());
        assertThat(byManager.path("status").asString()).isEqualTo("PENDING_APPROVAL");
        String id = byManager.path("id").asString();
        assertThat(outbox.payloads("ExpenseRecorded", id).getFirst().path("status").asString())
                .isEqualTo("PENDING_APPROVAL");

        // The branch manager may manage expenses but holds no approver role.
        Response notApprover = api.post("/api/v1/expenses/" + id + "/approval", manager(branch), Map.of());
        assertThat(notApprover.status()).as(notApprover.toString()).isEqualTo(403);
        // A general manager approves what someone else recorded, once.
        Response approved = api.post("/api/v1/expenses/" + id + "/approval", generalManager(gm), Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("COUNTED");
        assertThat(approved.json().path("approvedBy").asString()).isEqualTo(gm.toString());
        JsonNode event = outbox.payloads("ExpenseApproved", id).getFirst();
        assertThat(event.path("approvedBy").asString()).isEqualTo(gm.toString());
        assertThat(event.path("amount").asString()).isEqualTo("25000.01");
        Response again = api.post("/api/v1/expenses/" + id + "/approval", generalManager(UUID.randomUUID()), Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(outbox.payloads("ExpenseApproved", id)).hasSize(1);

        // What the general manager records, they may not approve themself.
        // A general manager given manage:expenses records one too: they still may not approve their own.
        String recorder = KEYS.token().subject(gm).roles(List.of("GENERAL_MANAGER"))
                .permissions(List.of("manage:expenses", "access:all_branches")).staffProfile().sign();
        String own = recorded(recorder, branch, "90000.00", Map.of()).path("id").asString();
        Response self = api.post("/api/v1/expenses/" + own + "/approval", generalManager(gm), Map.of());
        assertThat(self.status()).as(self.toString()).isEqualTo(403);
        assertThat(api.get("/api/v1/expenses/" + own, manager(branch)).json().path("status").asString())
                .isEqualTo("PENDING_APPROVAL");
        assertThat(outbox.payloads("ExpenseApproved", own)).isEmpty();
    }

    @Test
    void aReversedExpenseStaysAndIsReversedOnce() {
        UUID branch = branch("DEL", "07", null);
        String counted = recorded(manager(branch), branch, "1200.50", Map.of("category", "UTILITIES")).path("id").asString();
        Response reversed = api.post("/api/v1/expenses/" + counted + "/reversal", manager(branch),
                Map.of("reason", "entered twice"));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        assertThat(reversed.json().path("status").asString()).isEqualTo("REVERSED");
        assertThat(reversed.json().path("reason").asString()).isEqualTo("entered twice");
        assertThat(outbox.payloads("ExpenseReversed", counted).getFirst().path("amount").asString()).isEqualTo("1200.50");
        Response twice = api.post("/api/v1/expenses/" + counted + "/reversal", manager(branch), Map.of("reason", "again"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(outbox.payloads("ExpenseReversed", counted)).hasSize(1);
        assertThat(api.get("/api/v1/expenses/" + counted, manager(branch)).status()).isEqualTo(200);

        // A pending one is rejected by reversing it; it can then no longer be approved.
        String pending = recorded(manager(branch), branch, "40000.00", Map.of()).path("id").asString();
        assertThat(api.post("/api/v1/expenses/" + pending + "/reversal", manager(branch), Map.of("reason", "not agreed"))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/expenses/" + pending + "/approval", generalManager(UUID.randomUUID()), Map.of())
                .status()).isEqualTo(409);
        assertThat(api.post("/api/v1/expenses/" + pending + "/reversal", manager(branch), Map.of()).errorFields())
                .contains("reason");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsRecorded() {
        UUID branch = branch("DEL", "07", null);
        String office = manager(branch);
        assertThat(record(office, branch, "0.00", Map.of()).errorFields()).contains("amount");
        assertThat(record(office, branch, "10.005", Map.of()).errorFields()).contains("amount");
        assertThat(record(office, branch, "10.00", Map.of("category", "CATERING")).errorFields()).contains("category");
        assertThat(record(office, branch, "10.00", Map.of("billUrl", "ftp://bills.example.in/a.pdf")).errorFields())
                .contains("billUrl");
        assertThat(record(office, branch, "10.00", Map.of("billUrl", "javascript:alert(1)")).errorFields())
                .contains("billUrl");
        assertThat(record(office, branch, "10.00", Map.of("title", "x".repeat(201))).errorFields()).contains("title");
        // Today is 2 December in India: the 3rd is in the future, even late on the 2nd in UTC.
        assertThat(record(office, branch, "10.00", Map.of("spentOn", "2026-12-03")).errorFields()).contains("spentOn");
        clock.set(java.time.LocalDateTime.of(2026, 12, 2, 19, 0).atZone(java.time.ZoneOffset.UTC).toInstant());
        Response late = record(office, branch, "10.00", Map.of("spentOn", "2026-12-03"));
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        assertThat(record(office, branch, "10.00", Map.of("spentOn", "2026-12-04")).errorFields()).contains("spentOn");
        Response bad = record(office, branch, "0.00", Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from expense where branch_id = ?", Integer.class, branch))
                .isEqualTo(1);
        // Only the one accepted is in the outbox: the refused ones left no row and no event behind.
        assertThat(outbox.payloads("ExpenseRecorded", late.json().path("id").asString())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where type = 'ExpenseRecorded' "
                + "and envelope::text like ?", Integer.class, "%" + branch + "%")).isEqualTo(1);
    }

    @Test
    void anotherBranchsExpensesAreNotThereAndReadersAndStudentsCannotWrite() {
        UUID delhi = branch("DEL", "07", null);
        UUID noida = branch("NOI", "09", null);
        String id = recorded(manager(delhi), delhi, "500.00", Map.of()).path("id").asString();

        assertThat(api.get("/api/v1/expenses/" + id, manager(noida)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/expenses/" + id + "/reversal", manager(noida), Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/expenses?branchId=" + delhi, manager(noida)).json().path("content").size()).isZero();
        assertThat(record(manager(noida), delhi, "10.00", Map.of()).status()).isEqualTo(403);

        String reader = KEYS.staff("ACCOUNTANT", delhi, "read:expenses");
        assertThat(api.get("/api/v1/expenses/" + id, reader).status()).isEqualTo(200);
        assertThat(record(reader, delhi, "10.00", Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/expenses/" + id + "/reversal", reader, Map.of("reason", "x")).status())
                .isEqualTo(403);

        String student = studentToken(UUID.randomUUID());
        assertThat(record(student, delhi, "10.00", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/expenses", student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/expenses/" + id, student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/expenses/" + id, manager(delhi)).json().path("status").asString()).isEqualTo("COUNTED");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        UUID branch = branch("DEL", "07", null);
        Map<String, Object> body = Map.of("title", "Projector", "amount", new java.math.BigDecimal("18000.00"),
                "category", "EQUIPMENT", "spentOn", "2026-11-30", "branchId", branch.toString());
        String key = UUID.randomUUID().toString();
        String office = manager(branch);
        Response first = api.send("POST", "/api/v1/expenses", office, body, Map.of("Idempotency-Key", key));
        Response retry = api.send("POST", "/api/v1/expenses", office, body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(jdbc.queryForObject("select count(*) from expense where branch_id = ?", Integer.class, branch))
                .isEqualTo(1);
    }
}
