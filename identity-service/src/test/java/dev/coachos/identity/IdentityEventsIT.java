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

/** identity-service's events reach a real (embedded) broker, in order, without secrets. */
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

        List<JsonNode> events = read(id.toString(), 4);
        assertThat(events).extracting(e -> e.path("type").asString())
                .containsExactly("UserRegistered", "UserRoleChanged", "UserUpdated", "UserDeactivated");
        JsonNode registered = events.getFirst();
        assertThat(registered.path("source").asString()).isEqualTo("identity-service");
        assertThat(registered.path("payload").path("email").asString()).isEqualTo(email);
        assertThat(registered.path("payload").path("role").asString()).isEqualTo("STUDENT");
        assertThat(registered.path("payload").path("branchId").asString()).isEqualTo(branch.toString());
        assertThat(events.get(1).path("payload").path("previousRole").asString()).isEqualTo("STUDENT");
        assertThat(events.toString()).doesNotContain("student-pass-1", "$2a$", "{bcrypt}", "passwordHash");

        // Operators can watch the outbox backlog.
        var backlog = api.get("/actuator/metrics/coachos.outbox.pending", director);
        assertThat(backlog.status()).as(backlog.toString()).isEqualTo(200);
        // The relay marks an event delivered just after the broker has it: the backlog drains to zero.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/actuator/metrics/coachos.outbox.pending", director)
                .json().path("measurements").get(0).path("value").asDouble() == 0);
    }

    private List<JsonNode> read(String key, int expected) {
        JsonMapper json = JsonMapper.builder().build();
        return TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.IDENTITY, key, expected).stream()
                .map(json::readTree).toList();
    }
}
