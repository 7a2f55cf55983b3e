package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service's events reach a real (embedded) broker, in order, without secrets; branch and
 * student-profile events with exactly the fields finance-service reads.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "logging.level.org.apache.kafka=warn"})
class IdentityEventsIT extends IdentityTestBase {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void accountChangesArePublishedInOrderAndWithoutSecrets() {
        String director = director();
        UUID branch = createBranch(director, "EV-" + UUID.randomUUID().toString().substring(0, 6));
        String email = unique("events");
        UUID id = createUser(director, email, "STUDENT", branch, "student-pass-1");
        api.put("/api/v1/users/" + id + "/role", director, Map.of("roleName", "BACKOFFICE"));
        api.patch("/api/v1/users/" + id, director, Map.of("name", "Renamed"));
        api.delete("/api/v1/users/" + id, director);
        // A refused change (duplicate e-mail) publishes nothing.
        api.post("/api/v1/users", director, Map.of("email", email.toUpperCase(), "name", "Dup", "roleName", "STUDENT",
                "branchId", branch.toString()));

        List<JsonNode> events = read(id.toString(), 6).stream()
                .filter(e -> !e.path("type").asString().endsWith("ProfileUpdated")).toList();
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("UserRegistered", "UserRoleChanged", "UserUpdated", "UserDeactivated");
        JsonNode registered = events.getFirst();
        assertThat(registered.path("source").asString()).isEqualTo("identity-service");
        assertThat(registered.path("payload").path("email").asString()).isEqualTo(email);
        assertThat(registered.path("payload").path("role").asString()).isEqualTo("STUDENT");
        assertThat(registered.path("payload").path("branchId").asString()).isEqualTo(branch.toString());
        assertThat(registered.path("payload").has("phone")).isTrue();
        assertThat(registered.path("payload").path("phone").isNull()).as("the account has none").isTrue();
        assertThat(events.get(1).path("payload").path("previousRole").asString()).isEqualTo("STUDENT");
        assertThat(events.toString()).doesNotContain("student-pass-1", "$2a$", "{bcrypt}", "passwordHash");

        // Operators can watch the outbox backlog.
        var backlog = api.get("/actuator/metrics/coachos.outbox.pending", director);
        assertThat(backlog.status()).as(backlog.toString()).isEqualTo(200);
        // The relay marks an event delivered just after the broker has it: the backlog drains to zero.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/metrics/coachos.outbox.pending", director)
                .json().path("measurements").get(0).path("value").asDouble() == 0);
    }

    @Test
    void branchesAndStudentsStatesReachTheBrokerWithExactlyTheFieldsFinanceReads() {
        String director = director();
        String code = "GST-" + UUID.randomUUID().toString().substring(0, 6);
        var opened = api.post("/api/v1/branches", director, Map.of("code", code, "name", "Pune", "city", "Pune",
                "state", "Maharashtra", "gstin", "27AAPFU0939F1ZV", "receiptSeries", "PUN"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String branch = opened.text("id");
        var changed = api.put("/api/v1/branches/" + branch, director, Map.of("name", "Pune Camp", "city", "Pune",
                "state", "Maharashtra", "active", false));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        List<JsonNode> branchEvents = read(branch, 2);
        assertThat(branchEvents).extracting(e -> e.path("type").asString()).containsExactly("BranchOpened", "BranchUpdated");
        JsonNode openedPayload = branchEvents.get(0).path("payload");
        assertThat(openedPayload.propertyNames()).containsExactlyInAnyOrder("branchId", "code", "name", "city", "state",
                "stateCode", "gstin", "receiptSeries", "active");
        assertThat(openedPayload.path("branchId").asString()).isEqualTo(branch);
        assertThat(openedPayload.path("code").asString()).isEqualTo(code);
        assertThat(openedPayload.path("name").asString()).isEqualTo("Pune");
        assertThat(openedPayload.path("city").asString()).isEqualTo("Pune");
        assertThat(openedPayload.path("state").asString()).isEqualTo("Maharashtra");
        assertThat(openedPayload.path("stateCode").asString()).as("from the GSTIN").isEqualTo("27");
        assertThat(openedPayload.path("gstin").asString()).isEqualTo("27AAPFU0939F1ZV");
        assertThat(openedPayload.path("receiptSeries").asString()).isEqualTo("PUN");
        assertThat(openedPayload.path("active").asBoolean()).isTrue();
        JsonNode updatedPayload = branchEvents.get(1).path("payload");
        assertThat(updatedPayload.propertyNames()).containsExactlyInAnyOrderElementsOf(openedPayload.propertyNames());
        assertThat(updatedPayload.path("name").asString()).isEqualTo("Pune Camp");
        assertThat(updatedPayload.path("gstin").asString()).as("kept").isEqualTo("27AAPFU0939F1ZV");
        assertThat(updatedPayload.path("receiptSeries").asString()).isEqualTo("PUN");
        assertThat(updatedPayload.path("active").asBoolean()).isFalse();
        assertThat(branchEvents.get(1).path("actor").path("via").asString()).isEqualTo("request");

        UUID student = createUser(director, unique("state"), "STUDENT", UUID.fromString(branch), null);
        var saved = api.put("/api/v1/profiles/" + student + "/student", director, Map.of("stateCode", "27"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String profile = saved.json().path("student").path("id").asString();

        List<JsonNode> studentEvents = read(student.toString(), 3);
        assertThat(studentEvents).extracting(e -> e.path("type").asString())
                .containsExactly("UserRegistered", "StudentProfileUpdated", "StudentProfileUpdated");
        for (JsonNode event : studentEvents.subList(1, 3)) {
            assertThat(event.path("payload").propertyNames()).containsExactlyInAnyOrder("userId", "studentProfileId",
                    "stateCode", "guardians");
            assertThat(event.path("payload").path("guardians").isArray()).as("none yet, an empty list").isTrue();
            assertThat(event.path("payload").path("guardians").size()).isZero();
            assertThat(event.path("payload").path("userId").asString()).isEqualTo(student.toString());
            assertThat(event.path("payload").path("studentProfileId").asString()).isEqualTo(profile);
        }
        assertThat(studentEvents.get(1).path("payload").path("stateCode").isNull()).as("not known yet").isTrue();
        assertThat(studentEvents.get(2).path("payload").path("stateCode").asString()).isEqualTo("27");
    }

    private List<JsonNode> read(String key, int expected) {
        JsonMapper json = JsonMapper.builder().build();
        return TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.IDENTITY, key, expected).stream()
                .map(json::readTree).toList();
    }
}
