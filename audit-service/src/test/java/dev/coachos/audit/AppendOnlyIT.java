package dev.coachos.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.audit.trail.AuditRecord;
import dev.coachos.audit.trail.Kind;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Records can be added and read, never changed or deleted: the service's role has no right to, and
 * a trigger refuses even the owner. An edit made behind the trigger's back is found by verify.
 */
class AppendOnlyIT extends AuditIntegrationTest {

    @Test
    void theServicesRoleMayNeitherChangeNorDeleteARecord() {
        AuditRecord record = append(event("ThingCreated", UUID.randomUUID().toString()));
        assertThatThrownBy(() -> jdbc.update("update audit_record set type = 'Nothing' where id = ?", record.id()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("delete from audit_record where id = ?", record.id()))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("truncate audit_record"))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("drop table audit_record_general"))
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.update("update chain_anchor set last_hash = null"))
                .rootCause().hasMessageContaining("permission denied");
        assertThat(count("select count(*) from audit_record where id = ? and type = 'ThingCreated'", record.id()))
                .isEqualTo(1);
    }

    @Test
    void theTriggerRefusesUpdatesAndDeletesEvenToTheSchemasOwner() throws Exception {
        AuditRecord record = append(event("ThingCreated", UUID.randomUUID().toString()));
        try (Connection owner = owner()) {
            try (PreparedStatement update = owner.prepareStatement(
                    "update audit_record set type = 'Nothing' where id = ?")) {
                update.setObject(1, record.id());
                assertThatThrownBy(update::executeUpdate).hasMessageContaining("append-only")
                        .hasMessageContaining("UPDATE");
            }
            try (PreparedStatement delete = owner.prepareStatement("delete from audit_record where id = ?")) {
                delete.setObject(1, record.id());
                assertThatThrownBy(delete::executeUpdate).hasMessageContaining("append-only")
                        .hasMessageContaining("DELETE");
            }
        }
        assertThat(count("select count(*) from audit_record where id = ? and type = 'ThingCreated'", record.id()))
                .isEqualTo(1);
    }

    @Test
    void verifyFindsTheChainsIntactAndThenPointsAtTheRecordChangedBehindTheTriggersBack() throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(append(event("ThingUpdated", UUID.randomUUID().toString())));
        }
        append(event(Kind.LOGIN, "UserLoggedIn", "identity-service", "User", UUID.randomUUID().toString(),
                UUID.randomUUID(), null, "{\"email\":\"asha@example.in\"}"));
        String auditor = auditor();
        Response intact = api.get("/api/v1/audit/verify", auditor);
        assertThat(intact.status()).as(intact.toString()).isEqualTo(200);
        // (Other tests of this class break the FINANCE chain; this one looks at GENERAL and LOGIN.)
        assertThat(chain(intact.json(), "GENERAL").path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(chain(intact.json(), "GENERAL").path("checked").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(chain(intact.json(), "LOGIN").path("intact").asBoolean()).isTrue();
        assertThat(chain(intact.json(), "GENERAL").path("firstBroken").isNull()).isTrue();

        AuditRecord victim = records.get(2);
        try (Connection admin = superuser(); Statement st = admin.createStatement()) {
            st.execute("set session_replication_role = replica"); // triggers off for this session only
            st.executeUpdate("update audit.audit_record set payload = jsonb_set(payload, '{fee}', '\"1.00\"') "
                    + "where id = '" + victim.id() + "'");
        }
        Response broken = api.get("/api/v1/audit/verify", auditor);
        assertThat(broken.status()).isEqualTo(200);
        JsonNode result = broken.json();
        assertThat(result.path("intact").asBoolean()).isFalse();
        JsonNode general = chain(result, "GENERAL");
        assertThat(general.path("intact").asBoolean()).isFalse();
        assertThat(general.at("/firstBroken/recordId").asString()).isEqualTo(victim.id().toString());
        assertThat(general.at("/firstBroken/kind").asString()).isEqualTo("GENERAL");
        assertThat(general.at("/firstBroken/seq").asLong()).isEqualTo(victim.chain().seq());
        assertThat(general.at("/firstBroken/reason").asString()).isEqualTo("CONTENT_CHANGED");
        assertThat(result.at("/firstBroken/recordId").isMissingNode()).isFalse();
        // The other chain is untouched.
        assertThat(chain(result, "LOGIN").path("intact").asBoolean()).isTrue();
        // A range that ends before the changed record is still intact; one that holds it is not.
        Response before = api.get("/api/v1/audit/verify?to=" + victim.when().recordedAt(), auditor);
        assertThat(chain(before.json(), "GENERAL").path("intact").asBoolean()).as(before.toString()).isTrue();
        Response from = api.get("/api/v1/audit/verify?from=" + records.get(1).when().recordedAt(), auditor);
        assertThat(chain(from.json(), "GENERAL").at("/firstBroken/recordId").asString())
                .isEqualTo(victim.id().toString());
    }

    @Test
    void aRecordDeletedBehindTheTriggersBackBreaksTheChainAtTheOneAfterIt() throws Exception {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(append(event(Kind.FINANCE, "PaymentReceived", "finance-service", "Payment",
                    UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(), "{\"amount\":\"500.00\"}")));
        }
        try (Connection admin = superuser(); Statement st = admin.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.executeUpdate("delete from audit.audit_record where id = '" + records.get(1).id() + "'");
        }
        Response broken = api.get("/api/v1/audit/verify", auditor());
        assertThat(broken.json().path("intact").asBoolean()).isFalse();
        JsonNode finance = chain(broken.json(), "FINANCE");
        assertThat(finance.at("/firstBroken/recordId").asString()).isEqualTo(records.get(2).id().toString());
        assertThat(finance.at("/firstBroken/reason").asString()).isEqualTo("RECORDS_MISSING");
    }

    private static JsonNode chain(JsonNode verification, String kind) {
        return verification.path("chains").valueStream().filter(c -> c.path("kind").asString().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " chain in " + verification));
    }

    @Test
    void verifyNeedsReadAudit() {
        assertThat(api.get("/api/v1/audit/verify", null).status()).isEqualTo(401);
        Response refused = api.get("/api/v1/audit/verify", KEYS.token().subject(UUID.randomUUID()).sign());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:forbidden");
        Response backwards = api.get("/api/v1/audit/verify?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                auditor());
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("to");
    }
}
