package dev.coachos.marketing.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Campaigns: who makes, reads and changes them, their status moves, and their spend and its reversals. */
class CampaignsIT extends CampaignTestBase {

    private final UUID delhi = UUID.randomUUID();
    private final UUID mumbai = UUID.randomUUID();

    private Map<String, Object> newCampaign(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("channel", "GOOGLE_ADS");
        body.put("budget", new BigDecimal("75000.50"));
        body.put("startDate", "2026-12-05");
        body.put("endDate", "2026-12-31");
        body.put("targetAudience", "Class 11 students in South Delhi");
        return body;
    }

    private UUID created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    @Test
    void aMarketerMakesADraftCampaignOfTheirBranchReadWithItsSpendAndLeads() {
        String marketer = marketer(delhi);
        Response response = api.post("/api/v1/campaigns", marketer, newCampaign("JEE crash course, winter"));
        UUID id = created(response);
        assertThat(response.header("Location")).isEqualTo("/api/v1/campaigns/" + id);
        JsonNode body = decimals(response);
        assertThat(body.path("status").asString()).isEqualTo("DRAFT");
        assertThat(body.path("channel").asString()).isEqualTo("GOOGLE_ADS");
        assertThat(body.path("branchId").asString()).isEqualTo(delhi.toString());
        assertThat(decimal(body, "budget")).isEqualTo(new BigDecimal("75000.50"));
        assertThat(body.path("startDate").asString()).isEqualTo("2026-12-05");
        assertThat(body.path("version").asInt()).isZero();
        assertThat(decimal(body, "spendTotal")).isEqualTo(new BigDecimal("0.00"));
        assertThat(body.path("leadCount").asLong()).isZero();

        lead(delhi, id, "WEBSITE", NOW);
        lead(mumbai, id, "WEBSITE", NOW);
        spend(id, "1200.25", "2026-12-01");
        JsonNode read = decimals(api.get("/api/v1/campaigns/" + id, marketer));
        assertThat(read.path("leadCount").asLong()).isEqualTo(2);
        assertThat(decimal(read, "spendTotal")).isEqualTo(new BigDecimal("1200.25"));
        assertThat(read.path("createdBy").isNull()).isFalse();
    }

    @Test
    void branchStaffSeeTheirBranchAndHeadOfficeOnlyAndAStudentNothing() {
        UUID ours = created(api.post("/api/v1/campaigns", marketer(delhi), newCampaign("Delhi open day")));
        UUID theirs = created(api.post("/api/v1/campaigns", marketer(mumbai), newCampaign("Mumbai open day")));
        Map<String, Object> headOffice = newCampaign("National scholarship test");
        UUID national = created(api.post("/api/v1/campaigns", director, headOffice));
        assertThat(api.get("/api/v1/campaigns/" + national, director).json().path("branchId").isNull()).isTrue();

        String marketer = marketer(delhi);
        assertThat(api.get("/api/v1/campaigns/" + ours, marketer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + national, marketer).status()).isEqualTo(200);
        Response other = api.get("/api/v1/campaigns/" + theirs, marketer);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("detail").asString()).isEqualTo("No campaign with id " + theirs);
        assertThat(api.patch("/api/v1/campaigns/" + theirs, marketer, Map.of("version", 0, "name", "Mine")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns/" + theirs + "/status", marketer, Map.of("status", "ACTIVE")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + theirs + "/spend", marketer).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/campaigns?size=100", marketer))).contains(ours, national).doesNotContain(theirs);
        assertThat(ids(api.get("/api/v1/campaigns?size=100", director))).contains(ours, theirs, national);
        assertThat(ids(api.get("/api/v1/campaigns?branchId=" + mumbai, marketer))).isEmpty();

        // Head office's campaigns are read in a branch, changed only by those who see every branch.
        assertThat(api.patch("/api/v1/campaigns/" + national, marketer, Map.of("version", 0, "name", "Ours now"))
                .status()).isEqualTo(403);
        Map<String, Object> forHeadOffice = newCampaign("National again");
        Map<String, Object> forMumbai = newCampaign("Mumbai by Delhi");
        forMumbai.put("branchId", mumbai);
        assertThat(api.post("/api/v1/campaigns", marketer, forMumbai).status()).isEqualTo(403);
        Response defaulted = api.post("/api/v1/campaigns", marketer, forHeadOffice);
        assertThat(defaulted.status()).isEqualTo(201);
        assertThat(defaulted.text("branchId")).as("without a branch, the marketer's own").isEqualTo(delhi.toString());

        // An analyst of the branch reads and changes nothing.
        String analyst = branchAnalyst(delhi);
        assertThat(api.get("/api/v1/campaigns/" + ours, analyst).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + ours + "/spend", analyst).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + theirs, analyst).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns", analyst, newCampaign("Not mine to make")).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/campaigns/" + ours, analyst, Map.of("version", 0, "name", "x")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/campaigns/" + ours + "/spend", analyst,
                Map.of("amount", 10, "spentOn", "2026-12-01")).status()).isEqualTo(403);

        // A student sees no marketing data at all.
        String student = studentToken(UUID.randomUUID());
        assertThat(api.get("/api/v1/campaigns", student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/campaigns/" + ours, student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/campaigns/" + ours + "/spend", student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/campaigns/report", student).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/campaigns", null).status()).isEqualTo(401);
    }

    @Test
    void theListIsFilteredByStatusChannelBranchAndName() {
        UUID diwali = campaign("Diwali 50% off", "FACEBOOK_ADS", delhi);
        UUID summer = campaign("Summer batch", "SMS", delhi);
        UUID mumbaiSummer = campaign("Summer batch Mumbai", "SMS", mumbai);
        api.post("/api/v1/campaigns/" + summer + "/status", director, Map.of("status", "ACTIVE"));

        assertThat(ids(api.get("/api/v1/campaigns?status=ACTIVE&branchId=" + delhi, director))).containsExactly(summer);
        assertThat(ids(api.get("/api/v1/campaigns?status=DRAFT&branchId=" + delhi, director))).containsExactly(diwali);
        assertThat(ids(api.get("/api/v1/campaigns?channel=SMS&q=summer&sort=name", director)))
                .containsExactly(summer, mumbaiSummer);
        assertThat(ids(api.get("/api/v1/campaigns?channel=EMAIL&q=summer", director))).isEmpty();
        assertThat(ids(api.get("/api/v1/campaigns?branchId=" + mumbai, director))).containsExactly(mumbaiSummer);
        assertThat(ids(api.get("/api/v1/campaigns?q=summer", director))).containsExactlyInAnyOrder(summer,
                mumbaiSummer);
        assertThat(ids(api.get("/api/v1/campaigns?q=50%25", director))).containsExactly(diwali);
        assertThat(ids(api.get("/api/v1/campaigns?q=%25", director))).containsExactly(diwali);
        Response page = api.get("/api/v1/campaigns?branchId=" + delhi + "&size=1&sort=name,desc", director);
        assertThat(page.json().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(summer);

        Response badStatus = api.get("/api/v1/campaigns?status=RUNNING", director);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.errorFields()).containsExactly("status");
        assertThat(api.get("/api/v1/campaigns?channel=TV", director).errorFields()).containsExactly("channel");
        assertThat(api.get("/api/v1/campaigns?sort=secret", director).errorFields()).containsExactly("sort");
        assertThat(api.get("/api/v1/campaigns?q=" + "a".repeat(151), director).errorFields()).containsExactly("q");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String marketer = marketer(delhi);
        Map<String, Object> body = newCampaign("Bad");
        body.put("budget", new BigDecimal("100.005"));
        assertThat(api.post("/api/v1/campaigns", marketer, body).errorFields()).containsExactly("budget");
        body.put("budget", new BigDecimal("-1"));
        assertThat(api.post("/api/v1/campaigns", marketer, body).errorFields()).containsExactly("budget");
        body.put("budget", 0);
        body.put("channel", "TELEVISION");
        Response badChannel = api.post("/api/v1/campaigns", marketer, body);
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.errorFields()).containsExactly("channel");
        body.put("channel", "EMAIL");
        body.put("startDate", "2026-12-32");
        assertThat(api.post("/api/v1/campaigns", marketer, body).errorFields()).containsExactly("startDate");
        body.put("startDate", "2026-12-10");
        body.put("endDate", "2026-12-09");
        Response backwards = api.post("/api/v1/campaigns", marketer, body);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("endDate");
        body.remove("endDate");
        body.put("name", " ");
        assertThat(api.post("/api/v1/campaigns", marketer, body).errorFields()).containsExactly("name");
        body.remove("name");
        body.remove("channel");
        assertThat(api.post("/api/v1/campaigns", marketer, body).errorFields()).containsExactly("channel", "name");
        Response malformed = api.post("/api/v1/campaigns", marketer, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/campaigns/not-a-uuid", marketer).status()).isEqualTo(400);
        assertThat(count("select count(*) from campaign where branch_id = ?", delhi)).isZero();
    }

    @Test
    void aChangeNeedsTheVersionReadAndACompletedCampaignNoLongerChanges() {
        String marketer = marketer(delhi);
        UUID id = created(api.post("/api/v1/campaigns", marketer, newCampaign("NEET foundation")));
        Map<String, Object> change = new HashMap<>();
        change.put("version", 0);
        change.put("name", "NEET foundation 2027");
        change.put("budget", new BigDecimal("80000"));
        change.put("endDate", "2027-01-15");
        Response changed = api.patch("/api/v1/campaigns/" + id, marketer, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode body = decimals(changed);
        assertThat(body.path("name").asString()).isEqualTo("NEET foundation 2027");
        assertThat(decimal(body, "budget")).isEqualTo(new BigDecimal("80000.00"));
        assertThat(body.path("endDate").asString()).isEqualTo("2027-01-15");
        assertThat(body.path("startDate").asString()).isEqualTo("2026-12-05");
        assertThat(body.path("channel").asString()).isEqualTo("GOOGLE_ADS");
        assertThat(body.path("version").asInt()).isEqualTo(1);

        Response stale = api.patch("/api/v1/campaigns/" + id, marketer, Map.of("version", 0, "name", "Stale"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asString()).contains("version 1, not 0");
        assertThat(api.patch("/api/v1/campaigns/" + id, marketer, Map.of("name", "No version")).errorFields())
                .containsExactly("version");
        assertThat(api.patch("/api/v1/campaigns/" + id, marketer, Map.of("version", 1, "endDate", "2026-12-01"))
                .errorFields()).containsExactly("endDate");

        for (String status : List.of("ACTIVE", "COMPLETED")) {
            assertThat(api.post("/api/v1/campaigns/" + id + "/status", marketer, Map.of("status", status)).status())
                    .isEqualTo(200);
        }
        int version = api.get("/api/v1/campaigns/" + id, marketer).json().path("version").asInt();
        Response completed = api.patch("/api/v1/campaigns/" + id, marketer, Map.of("version", version, "name", "Late"));
        assertThat(completed.status()).isEqualTo(409);
        assertThat(completed.json().path("detail").asString()).contains("COMPLETED");
        assertThat(api.get("/api/v1/campaigns/" + id, marketer).json().path("name").asString())
                .isEqualTo("NEET foundation 2027");
    }

    @Test
    void statusMovesForwardPausesAndResumesAndRefusesAnythingElseNamingFromAndTo() {
        String marketer = marketer(delhi);
        UUID id = created(api.post("/api/v1/campaigns", marketer, newCampaign("Board exam revision")));
        refused(id, "PAUSED", "DRAFT");
        refused(id, "COMPLETED", "DRAFT");
        for (String status : List.of("SCHEDULED", "ACTIVE", "PAUSED", "ACTIVE", "PAUSED", "COMPLETED")) {
            Response moved = api.post("/api/v1/campaigns/" + id + "/status", marketer, Map.of("status", status));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.text("status")).isEqualTo(status);
        }
        refused(id, "ACTIVE", "COMPLETED");
        refused(id, "DRAFT", "COMPLETED");

        UUID direct = created(api.post("/api/v1/campaigns", marketer, newCampaign("Walk-in week")));
        assertThat(api.post("/api/v1/campaigns/" + direct + "/status", marketer, Map.of("status", "ACTIVE")).text("status"))
                .isEqualTo("ACTIVE");
        refused(direct, "SCHEDULED", "ACTIVE");
        refused(direct, "DRAFT", "ACTIVE");
        assertThat(api.post("/api/v1/campaigns/" + direct + "/status", marketer, Map.of("status", "ACTIVE")).status())
                .as("the status it has is no move").isEqualTo(200);
        UUID scheduled = created(api.post("/api/v1/campaigns", marketer, newCampaign("Scheduled")));
        api.post("/api/v1/campaigns/" + scheduled + "/status", marketer, Map.of("status", "SCHEDULED"));
        refused(scheduled, "DRAFT", "SCHEDULED");
        refused(scheduled, "PAUSED", "SCHEDULED");

        assertThat(api.post("/api/v1/campaigns/" + direct + "/status", marketer, Map.of("status", "STOPPED"))
                .errorFields()).containsExactly("status");
        assertThat(api.post("/api/v1/campaigns/" + direct + "/status", marketer, Map.of()).errorFields())
                .containsExactly("status");
    }

    private void refused(UUID id, String to, String from) {
        Response refused = api.post("/api/v1/campaigns/" + id + "/status", marketer(delhi), Map.of("status", to));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("A campaign cannot move from " + from + " to " + to);
        assertThat(api.get("/api/v1/campaigns/" + id, director).text("status")).isEqualTo(from);
    }

    @Test
    void spendIsEnteredAndReversedOnceByANegativeEntryNothingDeleted() {
        String marketer = marketer(delhi);
        UUID id = created(api.post("/api/v1/campaigns", marketer, newCampaign("Instagram reels")));
        String spendPath = "/api/v1/campaigns/" + id + "/spend";
        Response first = api.post(spendPath, marketer,
                Map.of("amount", new BigDecimal("15000.50"), "spentOn", "2026-11-28", "note", "Agency invoice 17"));
        UUID kept = created(first);
        assertThat(first.header("Location")).isEqualTo(spendPath + "/" + kept);
        JsonNode entry = decimals(first);
        assertThat(decimal(entry, "amount")).isEqualTo(new BigDecimal("15000.50"));
        assertThat(entry.path("spentOn").asString()).isEqualTo("2026-11-28");
        assertThat(entry.path("campaignId").asString()).isEqualTo(id.toString());
        assertThat(entry.path("reverses").isNull()).isTrue();
        assertThat(entry.path("recordedAt").asString()).isEqualTo("2026-12-02T05:30:00Z");
        UUID wrong = created(api.post(spendPath, marketer, Map.of("amount", 2000, "spentOn", "2026-11-29")));

        Response reversal = api.post(spendPath + "/" + wrong + "/reversal", marketer, Map.of("reason", "entered twice"));
        UUID reversalId = created(reversal);
        JsonNode reversed = decimals(reversal);
        assertThat(decimal(reversed, "amount")).isEqualTo(new BigDecimal("-2000.00"));
        assertThat(reversed.path("reverses").asString()).isEqualTo(wrong.toString());
        assertThat(reversed.path("spentOn").asString()).isEqualTo("2026-11-29");
        assertThat(reversed.path("note").asString()).isEqualTo("entered twice");

        Response again = api.post(spendPath + "/" + wrong + "/reversal", marketer, Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("already reversed by " + reversalId);
        assertThat(api.post(spendPath + "/" + reversalId + "/reversal", marketer, Map.of("reason", "undo")).status())
                .isEqualTo(409);
        assertThat(api.post(spendPath + "/" + UUID.randomUUID() + "/reversal", marketer, Map.of("reason", "x"))
                .status()).isEqualTo(404);
        assertThat(api.post(spendPath + "/" + kept + "/reversal", marketer, Map.of("reason", " ")).errorFields())
                .containsExactly("reason");

        UUID other = created(api.post("/api/v1/campaigns", marketer, newCampaign("Other")));
        assertThat(api.post("/api/v1/campaigns/" + other + "/spend/" + kept + "/reversal", marketer,
                Map.of("reason", "wrong campaign")).status()).as("an entry of another campaign").isEqualTo(404);

        Response list = api.get(spendPath, marketer);
        assertThat(list.status()).isEqualTo(200);
        JsonNode content = decimals(list).path("content");
        assertThat(content.size()).isEqualTo(3);
        assertThat(content.get(0).path("id").asString()).isIn(wrong.toString(), reversalId.toString());
        assertThat(content.get(2).path("id").asString()).isEqualTo(kept.toString());
        JsonNode wrongEntry = content.valueStream().filter(e -> e.path("id").asString().equals(wrong.toString()))
                .findFirst().orElseThrow();
        assertThat(wrongEntry.path("reversedBy").asString()).isEqualTo(reversalId.toString());
        assertThat(decimal(decimals(api.get("/api/v1/campaigns/" + id, marketer)), "spendTotal"))
                .isEqualTo(new BigDecimal("15000.50"));
        assertThat(count("select count(*) from campaign_spend where campaign_id = ?", id)).isEqualTo(3);
    }

    @Test
    void spendMustBePositiveRupeesOnADay() {
        String marketer = marketer(delhi);
        UUID id = created(api.post("/api/v1/campaigns", marketer, newCampaign("Print ads")));
        String spendPath = "/api/v1/campaigns/" + id + "/spend";
        Response paise = api.post(spendPath, marketer, Map.of("amount", new BigDecimal("10.005"), "spentOn", "2026-12-01"));
        assertThat(paise.status()).isEqualTo(400);
        assertThat(paise.errorFields()).containsExactly("amount");
        assertThat(api.post(spendPath, marketer, Map.of("amount", 0, "spentOn", "2026-12-01")).errorFields())
                .containsExactly("amount");
        assertThat(api.post(spendPath, marketer, Map.of("amount", -5, "spentOn", "2026-12-01")).errorFields())
                .containsExactly("amount");
        assertThat(api.post(spendPath, marketer, Map.of("amount", "500", "spentOn", "2026-12-01")).errorFields())
                .containsExactly("amount");
        assertThat(api.post(spendPath, marketer, Map.of("amount", 500)).errorFields()).containsExactly("spentOn");
        assertThat(api.post(spendPath, marketer, Map.of("amount", 500, "spentOn", "yesterday")).errorFields())
                .containsExactly("spentOn");
        assertThat(api.post("/api/v1/campaigns/" + UUID.randomUUID() + "/spend", marketer,
                Map.of("amount", 500, "spentOn", "2026-12-01")).status()).isEqualTo(404);
        assertThat(count("select count(*) from campaign_spend")).isZero();
    }

    private static List<UUID> ids(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("content").valueStream().map(c -> UUID.fromString(c.path("id").asString())).toList();
    }
}
