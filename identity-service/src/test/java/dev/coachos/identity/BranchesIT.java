package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.OutboxReader;
import tools.jackson.databind.JsonNode;

/**
 * A branch's tax details through the API: its GST state, a GSTIN checked in full and issued in
 * that state, and a receipt series unique across branches, derived from the code when none is
 * given. Each change goes into the outbox with the branch's state after it.
 */
class BranchesIT extends IdentityTestBase {

    /** Valid GSTINs: Maharashtra (27) and Delhi (07), each with its correct check character. */
    private static final String MAHARASHTRA_GSTIN = "27AAPFU0939F1ZV";
    private static final String DELHI_GSTIN = "07AAACC1206D1ZI";

    @Autowired
    JdbcTemplate jdbc;

    private OutboxReader outbox;
    private String director;

    @BeforeEach
    void setUp() {
        outbox = new OutboxReader(jdbc);
        director = director();
    }

    @Test
    void aBranchWithAGstinIssuedInItsStateIsOpenedAndAnnounced() {
        Response created = api.post("/api/v1/branches", director, branch("PUN-01", Map.of("state", "Maharashtra",
                "stateCode", "27", "gstin", " 27aapfu0939f1zv ", "receiptSeries", "pn1")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode view = created.json();
        assertThat(view.path("stateCode").asString()).isEqualTo("27");
        assertThat(view.path("gstin").asString()).as("stored as the number, upper case").isEqualTo(MAHARASHTRA_GSTIN);
        assertThat(view.path("receiptSeries").asString()).isEqualTo("PN1");
        assertThat(api.get("/api/v1/branches/" + view.path("id").asString(), director).json().path("gstin").asString())
                .isEqualTo(MAHARASHTRA_GSTIN);

        List<JsonNode> opened = outbox.payloads("BranchOpened", view.path("id").asString());
        assertThat(opened).hasSize(1);
        assertThat(opened.getFirst().path("gstin").asString()).isEqualTo(MAHARASHTRA_GSTIN);
        assertThat(opened.getFirst().path("receiptSeries").asString()).isEqualTo("PN1");
    }

    @Test
    void aGstinThatDoesNotAddUpIsRefusedNamingTheField() {
        Response refused = api.post("/api/v1/branches", director, branch("BAD-01", Map.of("stateCode", "27",
                "gstin", "27AAPFU0939F1ZW")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:validation");
        assertThat(refused.errorFields()).containsExactly("gstin");
        assertThat(refused.text("detail")).contains("check character should be V");
        assertThat(jdbc.queryForObject("select count(*) from branch where code = 'BAD-01'", Integer.class))
                .as("nothing was opened").isZero();
        assertThat(api.post("/api/v1/branches", director, branch("BAD-02", Map.of("gstin", "27-AAPFU"))).errorFields())
                .containsExactly("gstin");
    }

    @Test
    void aGstinFromAnotherStateIsRefusedNamingTheGstin() {
        Response refused = api.post("/api/v1/branches", director, branch("MIS-01", Map.of("stateCode", "29",
                "gstin", MAHARASHTRA_GSTIN)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("gstin");
        assertThat(refused.text("detail")).contains("state 27", "state 29");
    }

    @Test
    void aGstinWithoutAStateGivesTheBranchTheGstinsState() {
        Response created = api.post("/api/v1/branches", director, branch("DLI-01", Map.of("gstin", DELHI_GSTIN)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("stateCode").asString()).isEqualTo("07");
    }

    @Test
    void anUnknownStateCodeIsRefused() {
        Response refused = api.post("/api/v1/branches", director, branch("UNK-01", Map.of("stateCode", "40")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("stateCode");
    }

    @Test
    void theReceiptSeriesComesFromTheCodeAndATakenOneEndsInANumber() {
        Response first = api.post("/api/v1/branches", director, branch("QRS-01", Map.of()));
        Response second = api.post("/api/v1/branches", director, branch("qrs-02", Map.of()));
        Response longCode = api.post("/api/v1/branches", director, branch("KOTHRUD", Map.of()));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("receiptSeries").asString()).isEqualTo("QRS");
        assertThat(first.json().path("stateCode").isNull()).isTrue();
        assertThat(first.json().path("gstin").isNull()).isTrue();
        assertThat(second.json().path("receiptSeries").asString()).isEqualTo("QRS1");
        assertThat(longCode.json().path("receiptSeries").asString()).isEqualTo("KOTH");
    }

    @Test
    void aReceiptSeriesAnotherBranchHasIsAConflictWhateverItsCase() {
        Response first = api.post("/api/v1/branches", director, branch("XYW-01", Map.of("receiptSeries", "XYZ")));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Response duplicate = api.post("/api/v1/branches", director, branch("XYW-02", Map.of("receiptSeries", "xyz")));

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(duplicate.text("detail")).contains("XYZ");
        // Changing another branch to it is refused the same way; keeping one's own is not a conflict.
        Response other = api.post("/api/v1/branches", director, branch("XYW-03", Map.of()));
        String otherId = other.text("id");
        Response taken = api.put("/api/v1/branches/" + otherId, director, Map.of("name", "Other", "receiptSeries", "XYZ"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        Response same = api.put("/api/v1/branches/" + first.text("id"), director, Map.of("name", "Same", "receiptSeries", "XYZ"));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/branches", director, branch("XYW-04", Map.of("receiptSeries", "TOOLONG")))
                .errorFields()).containsExactly("receiptSeries");
    }

    @Test
    void anUpdateKeepsTheTaxDetailsItLeavesOutAndPublishesTheBranchAsItIsNow() {
        Response created = api.post("/api/v1/branches", director, branch("UPD-01", Map.of("gstin", DELHI_GSTIN)));
        String id = created.text("id");

        Response renamed = api.put("/api/v1/branches/" + id, director, Map.of("name", "Renamed", "city", "New Delhi"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("gstin").asString()).isEqualTo(DELHI_GSTIN);
        assertThat(renamed.json().path("stateCode").asString()).isEqualTo("07");
        assertThat(renamed.json().path("receiptSeries").asString()).isEqualTo("UPD");

        // A new state with the old GSTIN does not agree: the problem names what was changed.
        Response moved = api.put("/api/v1/branches/" + id, director, Map.of("name", "Renamed", "stateCode", "27"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
        assertThat(moved.errorFields()).containsExactly("stateCode");

        Response cleared = api.put("/api/v1/branches/" + id, director, Map.of("name", "Renamed", "gstin", "",
                "stateCode", "27", "active", false));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("gstin").isNull()).isTrue();
        assertThat(cleared.json().path("stateCode").asString()).isEqualTo("27");

        List<JsonNode> updates = outbox.payloads("BranchUpdated", id);
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0).path("name").asString()).isEqualTo("Renamed");
        assertThat(updates.get(0).path("gstin").asString()).isEqualTo(DELHI_GSTIN);
        assertThat(updates.get(1).path("gstin").isNull()).isTrue();
        assertThat(updates.get(1).path("stateCode").asString()).isEqualTo("27");
        assertThat(updates.get(1).path("active").asBoolean()).isFalse();
    }

    private static Map<String, Object> branch(String code, Map<String, Object> details) {
        Map<String, Object> body = new HashMap<>(details);
        body.put("code", code);
        body.put("name", "Branch " + code);
        return body;
    }
}
