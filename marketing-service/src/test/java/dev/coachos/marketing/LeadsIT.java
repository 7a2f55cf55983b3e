package dev.coachos.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.coachos.marketing.lead.FollowUpReminders;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Leads through the API on a real PostgreSQL: phones kept in E.164 and never shared by two open
 * leads of a branch (whatever the formatting, even when two requests race), the pipeline's moves
 * each recorded, activities and follow-ups, lists filtered and searched within branch reach, the
 * website's public enquiry form with its honeypot, and one reminder per follow-up.
 */
class LeadsIT extends MarketingTestBase {

    @Autowired
    FollowUpReminders reminders;

    private UUID branch;
    private UUID otherBranch;
    private String marketer;

    @BeforeEach
    void branches() {
        branch = branch("DEL");
        otherBranch = branch("MUM");
        marketer = marketer(branch);
    }

    private JsonNode create(String token, Map<String, Object> body) {
        Response created = api.post("/api/v1/leads", token, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static Map<String, Object> lead(String name, String phone, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", phone, "source", "WALK_IN"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void phonesAreKeptInE164AndTwoOpenLeadsOfABranchNeverShareOne() {
        int createdBefore = outbox.count("LeadCreated");
        JsonNode first = create(marketer, lead("Ravi Kumar", "098100 00001", "email", "Ravi@Example.in"));
        assertThat(first.path("phone").asString()).isEqualTo("+919810000001");
        assertThat(first.path("email").asString()).isEqualTo("ravi@example.in");
        assertThat(first.path("stage").asString()).isEqualTo("NEW");
        assertThat(first.path("branchId").asString()).isEqualTo(branch.toString());
        // Every open lead has a next follow-up: four hours from now unless given.
        assertThat(Instant.parse(first.path("nextFollowUpAt").asString())).isEqualTo(NOW.plus(Duration.ofHours(4)));

        Response again = api.post("/api/v1/leads", marketer, lead("R. Kumar", "+91-98100-00001"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("existingLeadId").asString()).isEqualTo(first.path("id").asString());
        assertThat(again.json().path("detail").asString()).contains("+919810000001").contains("Ravi Kumar");

        Response asActivity = api.post("/api/v1/leads", marketer,
                lead("R. Kumar", "9810000001", "ifDuplicate", "ADD_ACTIVITY", "courseInterest", "NEET 2027"));
        assertThat(asActivity.status()).as(asActivity.toString()).isEqualTo(200);
        assertThat(asActivity.json().path("id").asString()).isEqualTo(first.path("id").asString());
        JsonNode history = api.get("/api/v1/leads/" + first.path("id").asString() + "/activities", marketer).json();
        assertThat(history.path("content").get(0).path("type").asString()).isEqualTo("ENQUIRY");
        assertThat(history.path("content").get(0).path("notes").asString()).contains("R. Kumar").contains("NEET 2027");

        // Another branch may have its own lead of the number; a closed lead frees it.
        create(marketer(otherBranch), lead("Ravi Kumar", "9810000001"));
        move(first.path("id").asString(), "LOST", "Joined another institute").path("stage");
        create(marketer, lead("Ravi Kumar", "9810000001"));
        assertThat(count("select count(*) from lead where phone = '+919810000001'")).isEqualTo(3);

        Response invalid = api.post("/api/v1/leads", marketer, lead("Asha", "12345"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("phone");
        assertThat(invalid.json().path("detail").asString()).contains("'12345'");
        assertThat(outbox.count("LeadCreated") - createdBefore).isEqualTo(3);
    }

    @Test
    void thePipelineMovesForwardOrToLostAndEachMoveIsRecorded() {
        String id = create(marketer, lead("Meera Iyer", "9820000002")).path("id").asString();
        assertThat(move(id, "CONTACTED", null).path("stage").asString()).isEqualTo("CONTACTED");
        assertThat(move(id, "NEGOTIATION", null).path("stage").asString()).isEqualTo("NEGOTIATION");

        Response back = api.post("/api/v1/leads/" + id + "/stage", marketer, Map.of("stage", "QUALIFIED"));
        assertThat(back.status()).as(back.toString()).isEqualTo(409);
        assertThat(back.json().path("detail").asString()).contains("NEGOTIATION").contains("QUALIFIED");
        Response converted = api.post("/api/v1/leads/" + id + "/stage", marketer, Map.of("stage", "CONVERTED"));
        assertThat(converted.status()).isEqualTo(409);
        assertThat(converted.json().path("detail").asString()).contains("/conversion");
        Response noReason = api.post("/api/v1/leads/" + id + "/stage", marketer, Map.of("stage", "LOST"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");

        JsonNode lost = move(id, "LOST", "Fees too high");
        assertThat(lost.path("lostReason").asString()).isEqualTo("Fees too high");
        assertThat(lost.path("nextFollowUpAt").isNull()).isTrue();
        Response closed = api.post("/api/v1/leads/" + id + "/stage", marketer, Map.of("stage", "CONTACTED"));
        assertThat(closed.status()).isEqualTo(409);

        List<JsonNode> moves = api.get("/api/v1/leads/" + id + "/activities", marketer).json().path("content")
                .valueStream().filter(a -> a.path("type").asString().equals("STAGE_CHANGE")).toList();
        assertThat(moves).extracting(a -> a.path("fromStage").asString() + ">" + a.path("toStage").asString())
                .containsExactly("NEGOTIATION>LOST", "CONTACTED>NEGOTIATION", "NEW>CONTACTED");
        assertThat(outbox.payloads("LeadStageChanged", id)).extracting(p -> p.path("toStage").asString())
                .containsExactly("CONTACTED", "NEGOTIATION", "LOST");
    }

    @Test
    void activitiesSetTheNextFollowUpAndOverdueLeadsAreCountedPerAssignee() {
        UUID asha = staffMember("Asha Menon", branch);
        UUID vikram = staffMember("Vikram Rao", branch);
        String a1 = create(marketer, lead("Lead One", "9830000001", "assigneeId", asha.toString(),
                "nextFollowUpAt", NOW.plus(Duration.ofHours(1)).toString())).path("id").asString();
        create(marketer, lead("Lead Two", "9830000002", "assigneeId", asha.toString(),
                "nextFollowUpAt", NOW.plus(Duration.ofHours(2)).toString()));
        create(marketer, lead("Lead Three", "9830000003", "assigneeId", vikram.toString(),
                "nextFollowUpAt", NOW.plus(Duration.ofDays(2)).toString()));

        Response notStaff = api.post("/api/v1/leads", marketer, lead("Lead Four", "9830000004",
                "assigneeId", staffMember("Far Away", otherBranch).toString()));
        assertThat(notStaff.status()).isEqualTo(400);
        assertThat(notStaff.errorFields()).containsExactly("assigneeId");

        clock.set(NOW.plus(Duration.ofHours(3)));
        JsonNode overdue = api.get("/api/v1/leads/follow-ups/overdue", marketer).json();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("assigneeId").asString()).isEqualTo(asha.toString());
        assertThat(overdue.get(0).path("assigneeName").asString()).isEqualTo("Asha Menon");
        assertThat(overdue.get(0).path("overdue").asInt()).isEqualTo(2);
        JsonNode mine = api.get("/api/v1/leads?overdue=true&assignee=" + asha, marketer).json();
        assertThat(mine.path("page").path("totalElements").asInt()).isEqualTo(2);
        assertThat(mine.path("content").get(0).path("overdue").asBoolean()).isTrue();

        // The assignee is reminded once per follow-up, however often the sweep runs.
        assertThat(reminders.remindDue()).isEqualTo(2);
        assertThat(reminders.remindDue()).isZero();
        assertThat(outbox.payloads("LeadFollowUpDue", a1)).singleElement()
                .satisfies(p -> assertThat(p.path("assigneeId").asString()).isEqualTo(asha.toString()));

        Response call = api.post("/api/v1/leads/" + a1 + "/activities", marketer, Map.of("type", "CALL",
                "notes", "Asked for the weekend batch's timings", "nextFollowUpAt", NOW.plus(Duration.ofDays(1)).toString()));
        assertThat(call.status()).as(call.toString()).isEqualTo(201);
        assertThat(call.json().path("type").asString()).isEqualTo("CALL");
        assertThat(api.get("/api/v1/leads/" + a1, marketer).json().path("overdue").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/leads/follow-ups/overdue", marketer).json().get(0).path("overdue").asInt())
                .isEqualTo(1);
        // The new follow-up, once due, is reminded of again: once.
        clock.set(NOW.plus(Duration.ofDays(1)).plusSeconds(60));
        assertThat(reminders.remindDue()).isEqualTo(1);
        assertThat(outbox.payloads("LeadFollowUpDue", a1)).hasSize(2);

        Response system = api.post("/api/v1/leads/" + a1 + "/activities", marketer, Map.of("type", "STAGE_CHANGE"));
        assertThat(system.status()).isEqualTo(400);
        Response future = api.post("/api/v1/leads/" + a1 + "/activities", marketer, Map.of("type", "NOTE",
                "occurredAt", NOW.plus(Duration.ofDays(30)).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorFields()).containsExactly("occurredAt");
    }

    @Test
    void listsAreFilteredAndSearchedByNameEmailAndPhoneWithinTheCallersBranches() {
        create(marketer, lead("Kavya Sharma", "9840000001", "email", "kavya@example.in", "source", "REFERRAL"));
        create(marketer, lead("Arjun Sharma", "9840000002"));
        create(marketer(otherBranch), lead("Kavya Reddy", "9840000003"));

        assertThat(names(api.get("/api/v1/leads?q=kav", marketer))).containsExactly("Kavya Sharma");
        assertThat(names(api.get("/api/v1/leads?q=sharma&sort=name,asc", marketer)))
                .containsExactly("Arjun Sharma", "Kavya Sharma");
        assertThat(names(api.get("/api/v1/leads?q=%2B91%2098400%2000002", marketer))).containsExactly("Arjun Sharma");
        assertThat(names(api.get("/api/v1/leads?q=98400", marketer))).hasSize(2);
        assertThat(names(api.get("/api/v1/leads?q=098400%2000002", marketer))).containsExactly("Arjun Sharma");
        assertThat(names(api.get("/api/v1/leads?q=Kavya@Example.in", marketer))).containsExactly("Kavya Sharma");
        assertThat(names(api.get("/api/v1/leads?source=REFERRAL", marketer))).containsExactly("Kavya Sharma");
        assertThat(names(api.get("/api/v1/leads?q=kavya", analyst()))).hasSize(2);
        assertThat(api.get("/api/v1/leads?stage=SOMEWHERE", marketer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/leads?assignee=nobody", marketer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/leads?q=%21%21", marketer).status()).isEqualTo(400);
    }

    @Test
    void aLeadIsReadAndChangedOnlyWithinReachAndAStudentSeesNoMarketingData() {
        JsonNode lead = create(marketer, lead("Neha Gupta", "9850000001"));
        String id = lead.path("id").asString();
        assertThat(api.get("/api/v1/leads/" + id, marketer(otherBranch)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/leads/" + id, analyst()).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/leads/" + id, analyst(), Map.of("version", 0, "name", "X")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/leads/" + id, studentToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/leads", studentToken(UUID.randomUUID())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/leads", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/leads", marketer, lead("Neha", "9850000009", "branchId", otherBranch.toString()))
                .status()).isEqualTo(403);

        Response changed = api.patch("/api/v1/leads/" + id, marketer, Map.of("version", 0, "phone", "98500 00002",
                "courseInterest", "JEE Advanced"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("phone").asString()).isEqualTo("+919850000002");
        assertThat(changed.json().path("version").asInt()).isEqualTo(1);
        Response blank = api.patch("/api/v1/leads/" + id, marketer, Map.of("version", 1, "name", "   "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorFields()).containsExactly("name");
        Response stale = api.patch("/api/v1/leads/" + id, marketer, Map.of("version", 0, "name", "Neha G."));
        assertThat(stale.status()).isEqualTo(409);
        String other = create(marketer, lead("Rohan", "9850000003")).path("id").asString();
        Response clash = api.patch("/api/v1/leads/" + other, marketer, Map.of("version", 0, "phone", "9850000002"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().path("existingLeadId").asString()).isEqualTo(id);
    }

    @Test
    void theWebsitesEnquiryFormNeedsNoTokenAndDropsBotsSilently() {
        Response sent = api.post("/api/v1/enquiries", null, Map.of("name", "Ishaan Verma", "phone", "+91 98600 00001",
                "email", "ishaan@example.in", "courseInterest", "Class 10 Maths", "branchId", branch.toString(),
                "message", "Is there an evening batch?"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        JsonNode lead = api.get("/api/v1/leads?q=ishaan", marketer).json().path("content").get(0);
        assertThat(lead.path("source").asString()).isEqualTo("WEBSITE");
        assertThat(lead.path("phone").asString()).isEqualTo("+919860000001");
        assertThat(lead.path("notes").asString()).isEqualTo("Is there an evening batch?");

        Response bot = api.post("/api/v1/enquiries", null, Map.of("name", "Buy Now", "phone", "9860000002",
                "branchId", branch.toString(), "website", "http://spam.example"));
        assertThat(bot.status()).isEqualTo(202);
        assertThat(bot.raw()).isEqualTo(sent.raw());
        assertThat(count("select count(*) from lead where phone = '+919860000002'")).isZero();

        Response invalid = api.post("/api/v1/enquiries", null, Map.of("name", "Someone", "phone", "not a phone"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("phone");
        Response unknownBranch = api.post("/api/v1/enquiries", null, Map.of("name", "Someone", "phone", "9860000003",
                "branchId", UUID.randomUUID().toString()));
        assertThat(unknownBranch.status()).isEqualTo(400);
        assertThat(unknownBranch.errorFields()).containsExactly("branchId");
    }

    @Test
    void twoEnquiriesRacingWithOneNumberInTwoFormatsMakeOneLeadAndOneActivity() throws Exception {
        for (int round = 0; round < 5; round++) {
            String digits = "98700000" + String.format("%02d", round);
            List<Map<String, Object>> bodies = List.of(
                    Map.of("name", "Twin " + round, "phone", digits, "branchId", branch.toString()),
                    Map.of("name", "Twin " + round, "phone", "+91 " + digits.substring(0, 5) + "-" + digits.substring(5),
                            "branchId", branch.toString()));
            CyclicBarrier start = new CyclicBarrier(2);
            List<Callable<Integer>> calls = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                calls.add(() -> {
                    start.await();
                    return api.post("/api/v1/enquiries", null, body).status();
                });
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (Future<Integer> status : pool.invokeAll(calls)) {
                    assertThat(status.get()).isEqualTo(202);
                }
            }
            assertThat(count("select count(*) from lead where phone = ?", "+91" + digits)).isEqualTo(1);
            assertThat(count("select count(*) from lead_activity a join lead l on l.id = a.lead_id "
                    + "where l.phone = ? and a.type = 'ENQUIRY'", "+91" + digits)).isEqualTo(1);
        }
    }

    private JsonNode move(String id, String stage, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("stage", stage));
        if (reason != null) {
            body.put("reason", reason);
        }
        Response moved = api.post("/api/v1/leads/" + id + "/stage", marketer, body);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved.json();
    }

    private static List<String> names(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("content").valueStream().map(l -> l.path("name").asString()).toList();
    }
}
