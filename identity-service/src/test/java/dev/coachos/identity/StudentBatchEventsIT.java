package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.events.enrollment.BatchCreated;
import dev.coachos.events.enrollment.EnrollmentStatusChanged;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.PublishedEvent;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real (embedded) broker: enrollment-service's BatchCreated events tell identity-service
 * which batches exist, each applied once, and a student profile may then name them, even a batch
 * opened a moment before the profile is saved.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        // Generous for a loaded machine, and below the test client's 30 s request timeout.
        "coachos.identity.batch-wait=20s",
        "logging.level.org.apache.kafka=warn"})
class StudentBatchEventsIT extends IdentityTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    private String director;
    private UUID student;

    @BeforeEach
    void aStudent() {
        director = director();
        UUID branch = createBranch(director, "SB-" + UUID.randomUUID().toString().substring(0, 6));
        student = createUser(director, unique("sb"), "STUDENT", branch, null);
    }

    @Test
    void batchCreatedSentTwiceIsKeptOnceAndAProfileMayNameTheBatch() {
        UUID batch = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        String created = PublishedEvent.json("BatchCreated", batchCreated(batch, course, branch));
        send(batch, created);
        send(batch, created);
        // Another of enrollment-service's events on the topic is none of this read model's business.
        String other = PublishedEvent.json("EnrollmentStatusChanged", new EnrollmentStatusChanged(
                UUID.randomUUID().toString(), student.toString(), course.toString(), batch.toString(), "ACTIVE",
                "DROPPED", "moved away"));
        send(batch, other);
        // A second BatchCreated of the same batch (a replay under a new event id), read after the others.
        String replayed = PublishedEvent.json("BatchCreated", batchCreated(batch, course, branch));
        send(batch, replayed);

        await().atMost(Duration.ofSeconds(60)).until(() -> applied(replayed) == 1);
        assertThat(count("select count(*) from known_batch where batch_id = ?", batch)).isEqualTo(1);
        assertThat(jdbc.queryForMap("select course_id, branch_id from known_batch where batch_id = ?", batch))
                .containsEntry("course_id", course).containsEntry("branch_id", branch);
        assertThat(applied(created)).as("the first BatchCreated, delivered twice, applied once").isEqualTo(1);
        assertThat(applied(other)).as("another type of event is ignored").isZero();

        Response saved = api.put("/api/v1/profiles/" + student + "/student", director,
                Map.of("enrollmentDate", "2026-06-01", "batchId", batch.toString()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("student").path("batchId").asString()).isEqualTo(batch.toString());
    }

    @Test
    void aBatchOpenedAMomentAgoIsWaitedFor() throws Exception {
        UUID batch = UUID.randomUUID();
        CompletableFuture<Response> saving = CompletableFuture.supplyAsync(() -> api.put(
                "/api/v1/profiles/" + student + "/student", director, Map.of("batchId", batch.toString())));

        send(batch, PublishedEvent.json("BatchCreated", batchCreated(batch, UUID.randomUUID(), null)));

        Response saved = saving.get(60, TimeUnit.SECONDS);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("student").path("batchId").asString()).isEqualTo(batch.toString());
    }

    private void send(UUID batch, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, batch.toString(), value);
    }

    /** How often the read model recorded this event as applied. */
    private int applied(String event) {
        UUID id = UUID.fromString(JSON.readTree(event).path("eventId").asString());
        return count("select count(*) from processed_event where consumer = 'identity.batches' and event_id = ?", id);
    }

    private int count(String sql, Object... args) {
        Integer value = jdbc.queryForObject(sql, Integer.class, args);
        return value == null ? 0 : value;
    }

    private static BatchCreated batchCreated(UUID batch, UUID course, UUID branch) {
        return new BatchCreated(batch.toString(), course.toString(), "JEE Physics Jan 2027", "2027-01-04", null, 30,
                null, branch == null ? null : branch.toString(), "18500.00", "ONE_TIME", null, null, null);
    }
}
