package dev.coachos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import dev.coachos.audit.trail.AuditRecord;
import dev.coachos.audit.trail.Kind;
import dev.coachos.audit.trail.NewRecord;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * A verify request checks what its budget allows (here 3 records) and says where to continue; asking
 * again from there, piece by piece, checks every record of every chain once and finds a change.
 * Records are read two at a time, so every page boundary is crossed too.
 */
// Pages of 2 records, so that reading crosses pages inside one instant and between chains.
@TestPropertySource(properties = {"coachos.audit.verify.max-records=3", "coachos.audit.verify.page-size=2"})
class VerifyInPiecesIT extends AuditIntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void piecesCoverTheWholeChainWithoutSplittingAnInstantAndFindAChangedRecord() throws Exception {
        // Four records appended together share their recording instant; five more follow one by one.
        List<NewRecord> together = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            together.add(event("ThingCreated", UUID.randomUUID().toString()));
        }
        List<AuditRecord> records = new ArrayList<>(
                new TransactionTemplate(transactions).execute(status -> trail.appendAll(together)));
        assertThat(records).extracting(r -> r.when().recordedAt()).containsOnly(records.getFirst().when().recordedAt());
        // Then records of two chains, interleaved.
        for (int i = 0; i < 6; i++) {
            records.add(append(i % 2 == 0 ? event("ThingUpdated", UUID.randomUUID().toString())
                    : event(Kind.LOGIN, "UserLoggedIn", "identity-service", "User", UUID.randomUUID().toString(),
                            null, null, "{\"email\":\"asha@example.in\"}")));
        }
        String auditor = auditor();

        JsonNode first = verify(null, auditor);
        assertThat(first.path("complete").asBoolean()).isFalse();
        assertThat(first.path("intact").asBoolean()).isTrue();
        // Past the limit of 3 to the end of the first instant: all four, and it continues at the fifth.
        assertThat(first.path("checked").asLong()).isEqualTo(4);
        assertThat(general(first).path("checked").asLong()).isEqualTo(4);
        assertThat(first.path("continueFrom").asString()).isEqualTo(records.get(4).when().recordedAt().toString());

        assertThat(checkedInPieces(auditor)).isEqualTo(records.size());

        AuditRecord victim = records.get(7);
        try (Connection admin = superuser(); Statement st = admin.createStatement()) {
            st.execute("set session_replication_role = replica"); // triggers off for this session only
            st.executeUpdate("update audit.audit_record set entity_id = 'someone-else' where id = '" + victim.id() + "'");
        }
        JsonNode found = null;
        String from = null;
        for (int piece = 0; piece < 10 && found == null; piece++) {
            JsonNode result = verify(from, auditor);
            if (!result.path("intact").asBoolean()) {
                found = result;
            }
            from = result.path("continueFrom").asString(null);
        }
        assertThat(found).as("no piece found the changed record").isNotNull();
        assertThat(found.at("/firstBroken/recordId").asString()).isEqualTo(victim.id().toString());
        assertThat(found.at("/firstBroken/reason").asString()).isEqualTo("CONTENT_CHANGED");
        assertThat(found.path("complete").asBoolean()).isTrue();
    }

    /** Verifies piece by piece until complete; answers how many records were checked in all. */
    private long checkedInPieces(String auditor) {
        long checked = 0;
        String from = null;
        for (int piece = 0; piece < 20; piece++) {
            JsonNode result = verify(from, auditor);
            assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
            checked += result.path("checked").asLong();
            if (result.path("complete").asBoolean()) {
                assertThat(result.path("continueFrom").isNull()).isTrue();
                return checked;
            }
            from = result.path("continueFrom").asString();
        }
        throw new AssertionError("verify did not complete in 20 pieces");
    }

    private JsonNode verify(String from, String auditor) {
        Response response = api.get("/api/v1/audit/verify" + (from == null ? "" : "?from=" + from), auditor);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode general(JsonNode verification) {
        return verification.path("chains").valueStream().filter(c -> c.path("kind").asString().equals("GENERAL"))
                .findFirst().orElseThrow();
    }
}
