package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
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
 * A student profile names only a batch enrollment-service opened, as its BatchCreated events told
 * this service (here written into the read model directly; StudentBatchEventsIT sends the events).
 * It also keeps the state the student lives in, which finance-service hears of with every save.
 */
class StudentProfilesIT extends IdentityTestBase {

    private static final String PASSWORD = "student-pass-1";

    @Autowired
    JdbcTemplate jdbc;

    private String director;
    private UUID student;

    @BeforeEach
    void aStudent() {
        director = director();
        UUID branch = createBranch(director, "SP-" + UUID.randomUUID().toString().substring(0, 6));
        student = createUser(director, unique("sp"), "STUDENT", branch, null);
    }

    @Test
    void aBatchNoBatchCreatedNamedIsRefusedNamingTheField() {
        UUID unknown = UUID.randomUUID();

        Response refused = api.put("/api/v1/profiles/" + student + "/student", director,
                Map.of("enrollmentDate", "2026-06-01", "batchId", unknown.toString(), "discount", 500));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:validation");
        assertThat(refused.errorFields()).containsExactly("batchId");
        assertThat(refused.text("detail")).contains(unknown.toString());
        JsonNode profile = studentProfile();
        assertThat(profile.path("batchId").isNull()).as("nothing was saved: " + profile).isTrue();
        assertThat(profile.path("enrollmentDate").isNull()).isTrue();
    }

    @Test
    void aBatchEnrollmentServiceOpenedIsAccepted() {
        UUID batch = knownBatch();

        Response saved = api.put("/api/v1/profiles/" + student + "/student", director,
                Map.of("enrollmentDate", "2026-06-01", "batchId", batch.toString()));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("student").path("batchId").asString()).isEqualTo(batch.toString());
        assertThat(studentProfile().path("batchId").asString()).isEqualTo(batch.toString());
    }

    @Test
    void aProfileWithoutABatchNeedsNone() {
        Response saved = api.put("/api/v1/profiles/" + student + "/student", director, Map.of("discount", 250));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("student").path("batchId").isNull()).isTrue();
    }

    @Test
    void aBatchTheProfileNamedBeforeTheRuleIsKeptWhenOtherFieldsChange() {
        UUID old = UUID.randomUUID();
        jdbc.update("update student_profile set batch_id = ? where user_id = ?", old, student);

        Response saved = api.put("/api/v1/profiles/" + student + "/student", director,
                Map.of("batchId", old.toString(), "discount", 750));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("student").path("discount").decimalValue()).isEqualByComparingTo("750");
        // Moving the student to another unknown batch is still refused.
        Response moved = api.put("/api/v1/profiles/" + student + "/student", director,
                Map.of("batchId", UUID.randomUUID().toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
        assertThat(moved.errorFields()).containsExactly("batchId");
    }

    @Test
    void aCallerWithoutThePermissionHearsOfThatBeforeAnyBatch() {
        String email = unique("sp");
        createUser(director, email, "STUDENT", null, PASSWORD);
        String other = api.login(email, PASSWORD).access();

        Response refused = api.put("/api/v1/profiles/" + student + "/student", other,
                Map.of("batchId", UUID.randomUUID().toString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }

    @Test
    void theStudentsStateIsKeptShownAndAnnouncedWithEveryChangeOfTheProfile() {
        String profileId = studentProfile().path("id").asString();

        Response saved = api.put("/api/v1/profiles/" + student + "/student", director,
                Map.of("stateCode", "29", "discount", 100));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("student").path("stateCode").asString()).isEqualTo("29");
        assertThat(studentProfile().path("stateCode").asString()).isEqualTo("29");
        // Left out, it is no longer known (the profile is set as a whole).
        Response unknown = api.put("/api/v1/profiles/" + student + "/student", director, Map.of("discount", 100));
        assertThat(unknown.json().path("student").path("stateCode").isNull()).as(unknown.toString()).isTrue();

        List<JsonNode> events = new OutboxReader(jdbc).payloads("StudentProfileUpdated", student.toString());
        assertThat(events).as("created with the account, then each save").hasSize(3);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("userId").asString()).isEqualTo(student.toString());
            assertThat(e.path("studentProfileId").asString()).isEqualTo(profileId);
        });
        assertThat(events).extracting(e -> e.path("stateCode").isNull() ? null : e.path("stateCode").asString())
                .containsExactly(null, "29", null);
    }

    @Test
    void aStateCodeThatNamesNoGstStateIsRefused() {
        for (String code : List.of("40", "7", "AB", "00", "007")) {
            Response refused = api.put("/api/v1/profiles/" + student + "/student", director, Map.of("stateCode", code));

            assertThat(refused.status()).as(code + ": " + refused).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:validation");
            assertThat(refused.errorFields()).containsExactly("stateCode");
        }
        assertThat(studentProfile().path("stateCode").isNull()).isTrue();
    }

    private UUID knownBatch() {
        UUID batch = UUID.randomUUID();
        jdbc.update("insert into known_batch (batch_id, course_id, branch_id, recorded_at) values (?, ?, null, ?)",
                batch, UUID.randomUUID(), Timestamp.from(Instant.now()));
        return batch;
    }

    private JsonNode studentProfile() {
        Response read = api.get("/api/v1/profiles/" + student, director);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json().path("student");
    }
}
