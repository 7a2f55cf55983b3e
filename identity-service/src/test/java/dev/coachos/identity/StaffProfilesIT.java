package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.OutboxReader;
import tools.jackson.databind.JsonNode;

/**
 * A staff profile names whom the member reports to; communication-service hears of it with every
 * save (StaffProfileUpdated), because that manager may decide the member's leaves.
 */
class StaffProfilesIT extends IdentityTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private String director;
    private UUID branch;
    private UUID clerk;

    @BeforeEach
    void aClerk() {
        director = director();
        branch = createBranch(director, "SF-" + UUID.randomUUID().toString().substring(0, 6));
        clerk = createUser(director, unique("clerk"), "BACKOFFICE", branch, null);
    }

    @Test
    void theReportingManagerIsAnnouncedWhenTheProfileIsCreatedAndWithEverySave() {
        UUID manager = createUser(director, unique("manager"), "HR_MANAGER", branch, null);

        Response saved = api.put("/api/v1/profiles/" + clerk + "/staff", director,
                Map.of("department", "Front office", "reportingTo", manager.toString()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String profileId = saved.json().path("staff").path("id").asString();
        Response cleared = api.put("/api/v1/profiles/" + clerk + "/staff", director, Map.of("department", "Accounts"));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);

        List<JsonNode> events = new OutboxReader(jdbc).payloads("StaffProfileUpdated", clerk.toString());
        assertThat(events).as("created with the account, then each save").hasSize(3);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.propertyNames()).containsExactlyInAnyOrder("userId", "staffProfileId", "reportingManagerId");
            assertThat(e.path("userId").asString()).isEqualTo(clerk.toString());
            assertThat(e.path("staffProfileId").asString()).isEqualTo(profileId);
        });
        assertThat(events).extracting(e -> e.path("reportingManagerId").isNull() ? null
                : e.path("reportingManagerId").asString()).containsExactly(null, manager.toString(), null);
    }

    @Test
    void aStaffMembersOwnBankDetailsAnnounceTheProfileWithoutThem() {
        String email = unique("payee");
        UUID payee = createUser(director, email, "BACKOFFICE", branch, "payee-pass-1");
        String token = api.login(email, "payee-pass-1").access();

        Response saved = api.put("/api/v1/profiles/me/bank-details", token, Map.of("accountHolderName", "Ravi Kumar",
                "bankName", "HDFC Bank", "accountNumber", "123456789012", "ifsc", "HDFC0001234",
                "accountType", "SAVINGS"));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        List<JsonNode> events = new OutboxReader(jdbc).payloads("StaffProfileUpdated", payee.toString());
        assertThat(events).hasSize(2);
        assertThat(events.get(1).propertyNames()).containsExactlyInAnyOrder("userId", "staffProfileId",
                "reportingManagerId");
        assertThat(events.toString()).doesNotContain("123456789012", "HDFC");
    }

    @Test
    void aRefusedSaveAnnouncesNothing() {
        Response refused = api.put("/api/v1/profiles/" + clerk + "/staff", director,
                Map.of("reportingTo", clerk.toString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(new OutboxReader(jdbc).payloads("StaffProfileUpdated", clerk.toString()))
                .as("only the one from creating the account").hasSize(1);
    }
}
