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
import dev.coachos.testing.ApiClient.Tokens;
import dev.coachos.testing.OutboxReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in and out, refused logins and changes to who may do what are published for the audit
 * trail, with the client's address and agent, and never a password, hash or token.
 */
class SignInEventsIT extends IdentityTestBase {

    private static final Map<String, String> CLIENT = Map.of("X-Forwarded-For", "198.51.100.23",
            "User-Agent", "CoachosApp/3.0");

    @Autowired
    JdbcTemplate jdbc;

    private OutboxReader outbox;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void reader() {
        outbox = new OutboxReader(jdbc);
    }

    @Test
    void loginsLogoutsAndRefusedLoginsAreOnRecord() {
        String director = director();
        String email = unique("signin");
        UUID user = createUser(director, email, "STUDENT", null, "student-pass-1");

        String stranger = unique("nobody").toUpperCase();
        assertThat(login(stranger, "whatever-pass-1").status()).isEqualTo(401);
        JsonNode unknown = last("LoginFailed", stranger.toLowerCase());
        assertThat(unknown.path("payload").path("reason").asString()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(unknown.path("payload").path("userId").isNull()).isTrue();
        assertThat(unknown.path("actor").path("clientIp").asString()).isEqualTo("198.51.100.23");
        assertThat(unknown.path("actor").path("userAgent").asString()).isEqualTo("CoachosApp/3.0");

        assertThat(login(email, "wrong-pass-123").status()).isEqualTo(401);
        JsonNode wrong = last("LoginFailed", user.toString());
        assertThat(wrong.path("payload").path("reason").asString()).isEqualTo("WRONG_PASSWORD");
        assertThat(wrong.path("payload").path("email").asString()).isEqualTo(email);
        assertThat(wrong.path("payload").path("lockedNow").asBoolean()).isFalse();

        Response signedIn = login(email, "student-pass-1");
        assertThat(signedIn.status()).isEqualTo(200);
        JsonNode loggedIn = last("UserLoggedIn", user.toString());
        assertThat(loggedIn.path("actor").path("clientIp").asString()).isEqualTo("198.51.100.23");
        assertThat(loggedIn.path("actor").path("via").asString()).isEqualTo("request");

        assertThat(api.send("POST", "/api/v1/auth/logout", null,
                Map.of("refreshToken", signedIn.text("refreshToken")), CLIENT).status()).isEqualTo(204);
        assertThat(outbox.events("UserLoggedOut", user.toString())).hasSize(1);
        // Logging out a session that is already over records nothing more.
        api.send("POST", "/api/v1/auth/logout", null, Map.of("refreshToken", signedIn.text("refreshToken")), CLIENT);
        assertThat(outbox.events("UserLoggedOut", user.toString())).hasSize(1);

        String everything = String.join("\n", jdbc.queryForList("select envelope::text from outbox_event",
                String.class));
        assertThat(everything).doesNotContain("student-pass-1", "wrong-pass-123", "whatever-pass-1", "$2a$",
                "{bcrypt}", signedIn.text("refreshToken"), signedIn.text("accessToken"));
    }

    @Test
    void grantsAndRevocationsNameWhoChangedWhat() {
        Tokens director = api.login(DIRECTOR_EMAIL, DIRECTOR_PASSWORD);
        UUID directorId = UUID.fromString(api.get("/api/v1/users/me", director.access()).text("id"));
        Response role = api.post("/api/v1/roles", director.access(), Map.of("name", "AUDITOR_" + UUID.randomUUID()
                .toString().substring(0, 6).toUpperCase(), "description", "Reads the audit trail",
                "profileType", "STAFF", "rank", 10, "permissions", List.of("read:users")));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        String roleId = role.text("id");
        assertThat(api.post("/api/v1/roles/" + roleId + "/permissions", director.access(),
                Map.of("permission", "read:branches")).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/roles/" + roleId + "/permissions/read:users", director.access()).status())
                .isEqualTo(200);

        List<String> changes = outbox.events("RolePermissionsChanged", roleId);
        assertThat(changes).hasSize(3);
        List<JsonNode> read = changes.stream().map(json::readTree).toList();
        assertThat(read).extracting(e -> e.path("payload").path("change").asString())
                .containsExactly("CREATED", "GRANTED", "REVOKED");
        assertThat(read.get(1).path("payload").path("permission").asString()).isEqualTo("read:branches");
        assertThat(read.get(2).path("payload").path("permissions").toString()).isEqualTo("[\"read:branches\"]");
        assertThat(read).allSatisfy(e -> assertThat(e.path("actor").path("userId").asString())
                .isEqualTo(directorId.toString()));
    }

    private Response login(String email, String password) {
        return api.send("POST", "/api/v1/auth/login", null, Map.of("email", email, "password", password), CLIENT);
    }

    private JsonNode last(String type, String key) {
        List<String> events = outbox.events(type, key);
        assertThat(events).as(type + " about " + key).isNotEmpty();
        return json.readTree(events.getLast());
    }
}
