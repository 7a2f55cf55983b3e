package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.ApiClient.Tokens;
import dev.coachos.testing.OutboxReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Losing access and changing role: PATCH active=false goes the same way as DELETE (sessions end,
 * UserDeactivated goes out), and after a role change the next token carries the new role's
 * profile only. Every step through HTTP, with real logins and refreshes.
 */
class DeactivationAndRoleChangeIT extends IdentityTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcTemplate jdbc;

    private OutboxReader outbox;
    private String director;
    private UUID branch;

    @BeforeEach
    void setUp() {
        outbox = new OutboxReader(jdbc);
        director = director();
        branch = createBranch(director, "DR-" + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void deactivatingWithPatchEndsSessionsAndTellsOtherServicesAsDeleteDoes() {
        String patchedEmail = unique("patched");
        String deletedEmail = unique("deleted");
        UUID patched = createUser(director, patchedEmail, "STUDENT", branch, "student-pass-1");
        UUID deleted = createUser(director, deletedEmail, "STUDENT", branch, "student-pass-1");
        Tokens patchedSession = api.login(patchedEmail, "student-pass-1");
        Tokens deletedSession = api.login(deletedEmail, "student-pass-1");

        Response patch = api.patch("/api/v1/users/" + patched, director, Map.of("active", false));
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        assertThat(patch.json().path("active").asBoolean()).isFalse();
        assertThat(api.delete("/api/v1/users/" + deleted, director).status()).isEqualTo(204);

        for (var account : List.of(Map.entry(patched, patchedSession), Map.entry(deleted, deletedSession))) {
            String id = account.getKey().toString();
            assertThat(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", account.getValue().refresh()))
                    .status()).as("the session of %s ended", id).isEqualTo(401);
            assertThat(outbox.payloads("UserDeactivated", id)).as("UserDeactivated for %s", id)
                    .singleElement().satisfies(p -> assertThat(p.path("userId").asString()).isEqualTo(id));
        }
        assertThat(api.post("/api/v1/auth/login", null, Map.of("email", patchedEmail, "password", "student-pass-1"))
                .status()).isEqualTo(401);
        // Saying it again changes nothing and tells nobody anything new.
        assertThat(api.patch("/api/v1/users/" + patched, director, Map.of("active", false)).status()).isEqualTo(200);
        assertThat(outbox.payloads("UserDeactivated", patched.toString())).hasSize(1);
    }

    @Test
    void anAccountDeactivatedWithPatchComesBackWithPatch() {
        String email = unique("back");
        UUID id = createUser(director, email, "TEACHER", branch, "teacher-pass-1");
        assertThat(api.patch("/api/v1/users/" + id, director, Map.of("active", false)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users?active=false&branchId=" + branch, director).json().path("content")
                .valueStream().map(u -> u.path("id").asString())).as("still listed, as inactive")
                .contains(id.toString());

        Response back = api.patch("/api/v1/users/" + id, director, Map.of("active", true));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("active").asBoolean()).isTrue();
        assertThat(api.login(email, "teacher-pass-1").access()).isNotBlank();
        assertThat(outbox.payloads("UserUpdated", id.toString())).last()
                .satisfies(p -> assertThat(p.path("active").asBoolean()).isTrue());
        assertThat(outbox.payloads("UserDeactivated", id.toString())).hasSize(1);
    }

    @Test
    void nobodyDeactivatesThemselvesWithPatch() {
        UUID me = UUID.fromString(api.get("/api/v1/users/me", director).text("id"));
        Response self = api.patch("/api/v1/users/" + me, director, Map.of("active", false));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(outbox.payloads("UserDeactivated", me.toString())).isEmpty();
        assertThat(api.get("/api/v1/users/me", director).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void aStudentPromotedToTeacherGetsTokensWithTheTeacherProfileOnly() {
        String email = unique("promoted");
        UUID id = createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens session = api.login(email, "student-pass-1");
        String studentProfile = claims(session.access()).path("student_profile_id").asString();
        assertThat(studentProfile).isNotBlank();

        assertThat(api.put("/api/v1/users/" + id + "/role", director, Map.of("roleName", "TEACHER")).status())
                .isEqualTo(200);
        Response refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refresh()));
        assertThat(refreshed.status()).as("a role change keeps the session").isEqualTo(200);
        JsonNode claims = claims(refreshed.text("accessToken"));
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).containsExactly("TEACHER");
        assertThat(claims.has("student_profile_id")).as("no student profile in a teacher's token").isFalse();
        assertThat(claims.has("staff_profile_id")).isFalse();
        String teacherProfile = claims.path("teacher_profile_id").asString();
        assertThat(teacherProfile).isNotBlank();
        assertThat(claims(api.login(email, "student-pass-1").access()).has("student_profile_id")).isFalse();

        // The student profile stays for the record; the profile view shows both.
        Response profile = api.get("/api/v1/profiles/" + id, director);
        assertThat(profile.json().path("student").path("id").asString()).isEqualTo(studentProfile);
        assertThat(profile.json().path("teacher").path("id").asString()).isEqualTo(teacherProfile);
    }

    @Test
    void promotedToStaffAndDemotedBackEachTokenCarriesTheCurrentRolesProfile() {
        String email = unique("upanddown");
        UUID id = createUser(director, email, "STUDENT", branch, "student-pass-1");
        Tokens session = api.login(email, "student-pass-1");
        String studentProfile = claims(session.access()).path("student_profile_id").asString();

        api.put("/api/v1/users/" + id + "/role", director, Map.of("roleName", "BACKOFFICE"));
        Response asStaff = api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refresh()));
        JsonNode staff = claims(asStaff.text("accessToken"));
        assertThat(staff.path("roles").valueStream().map(JsonNode::asString)).containsExactly("BACKOFFICE");
        assertThat(staff.path("staff_profile_id").asString()).isNotBlank();
        assertThat(staff.has("student_profile_id")).isFalse();
        assertThat(staff.has("teacher_profile_id")).isFalse();
        assertThat(api.get("/api/v1/users?size=5", asStaff.text("accessToken")).status())
                .as("the new permissions work").isEqualTo(200);

        api.put("/api/v1/users/" + id + "/role", director, Map.of("roleName", "STUDENT"));
        Response asStudent = api.post("/api/v1/auth/refresh", null,
                Map.of("refreshToken", asStaff.text("refreshToken")));
        JsonNode student = claims(asStudent.text("accessToken"));
        assertThat(student.path("roles").valueStream().map(JsonNode::asString)).containsExactly("STUDENT");
        assertThat(student.path("student_profile_id").asString()).as("the kept profile, not a new one")
                .isEqualTo(studentProfile);
        assertThat(student.has("staff_profile_id")).as("no staff profile in a student's token").isFalse();
        assertThat(api.get("/api/v1/users?size=5", asStudent.text("accessToken")).status()).isEqualTo(403);
    }

    @Test
    void aTeacherDemotedToStudentLosesTheTeacherProfileFromTokens() {
        String email = unique("demoted");
        UUID id = createUser(director, email, "TEACHER", branch, "teacher-pass-1");
        Tokens session = api.login(email, "teacher-pass-1");
        assertThat(claims(session.access()).path("teacher_profile_id").asString()).isNotBlank();

        api.put("/api/v1/users/" + id + "/role", director, Map.of("roleName", "STUDENT"));
        JsonNode claims = claims(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", session.refresh()))
                .text("accessToken"));
        assertThat(claims.path("roles").valueStream().map(JsonNode::asString)).containsExactly("STUDENT");
        assertThat(claims.has("teacher_profile_id")).isFalse();
        assertThat(claims.path("student_profile_id").asString()).isNotBlank();
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
