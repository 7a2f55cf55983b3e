package dev.coachos.communication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import dev.coachos.testing.SettableClock;
import tools.jackson.databind.JsonNode;

/**
 * communication-service as it runs, on a database of its own, with users known to the directory as
 * identity's events would leave them and a clock the tests move (10:00 UTC on 2 December 2026 at
 * the start of each test). The breach sweep runs only when a test calls it.
 */
@IsolatedDatabase(service = "communication")
@Import(SettableClock.AsTheClock.class)
@TestPropertySource(properties = "coachos.queries.sweep-interval=PT24H")
public abstract class QueryTestBase extends ServiceIntegrationTest {

    protected static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired
    protected SettableClock clock;

    @BeforeEach
    void startOfTheTest() {
        clock.set(START);
    }

    /** A user as UserRegistered leaves them in the directory. */
    protected UUID user(String name, String role, UUID branch, String profileType) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into recipient (user_id, email, name, role, branch_id, profile_type, active, updated_at)
                values (?, ?, ?, ?, ?, ?, true, now())""",
                id, name.toLowerCase().replace(' ', '.') + "@example.in", name, role, branch, profileType);
        return id;
    }

    protected static String studentToken(UUID student, UUID branch) {
        return KEYS.token().subject(student).roles(List.of("STUDENT")).branch(branch)
                .permissions(List.of("read:courses", "create:queries")).studentProfile().sign();
    }

    protected static String teacherToken(UUID teacher, UUID branch) {
        return KEYS.token().subject(teacher).roles(List.of("TEACHER")).branch(branch)
                .permissions(List.of("create:queries")).teacherProfile().sign();
    }

    /** Back office of a branch: they answer its queries. */
    protected static String backOfficeToken(UUID staff, UUID branch) {
        return KEYS.token().subject(staff).roles(List.of("BACKOFFICE")).branch(branch)
                .permissions(List.of("manage:queries")).staffProfile().sign();
    }

    /** A general manager: every branch's queries. */
    protected static String headOfficeToken(UUID staff) {
        return KEYS.token().subject(staff).roles(List.of("GENERAL_MANAGER"))
                .permissions(List.of("manage:queries", "access:all_branches")).staffProfile().sign();
    }

    /** Opens a query, expecting 201; returns the answer. */
    protected JsonNode open(String token, String subject, String priority) {
        Response opened = api.post("/api/v1/queries", token,
                Map.of("subject", subject, "message", "Please help with " + subject, "priority", priority));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json();
    }

    protected Response status(String token, String query, String status) {
        return api.post("/api/v1/queries/" + query + "/status", token, Map.of("status", status));
    }

    protected Response reply(String token, String query, String body) {
        return api.post("/api/v1/queries/" + query + "/messages", token, Map.of("body", body));
    }

    /** The titles of a user's notifications whose message mentions the text. */
    protected List<String> notified(UUID user, String mentioning) {
        return api.get("/api/v1/notifications?size=100", KEYS.token().subject(user).sign()).json().path("content")
                .valueStream().filter(n -> n.path("message").asString().contains(mentioning))
                .map(n -> n.path("title").asString()).toList();
    }
}
