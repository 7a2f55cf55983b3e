package dev.coachos.enrollment;

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
import dev.coachos.events.identity.LeadAccountReady;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.PublishedEvent;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The third step of a lead's conversion against a real (embedded) broker: identity's
 * LeadAccountReady enrolls the student once per lead, with the fee and discount of any
 * enrollment, and marketing is answered with LeadEnrolled or LeadEnrollmentRefused.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class LeadEnrollmentsIT extends EnrollmentTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aLeadIsEnrolledOnceHoweverOftenItsAccountIsReady() {
        UUID course = knownCourse("JEE Physics", "10000.00", true);
        UUID branch = UUID.randomUUID();
        UUID batch = batch(course, "Morning", 30, null, branch, Map.of());
        UUID lead = UUID.randomUUID();
        // A new account: the directory has not heard of it (its UserRegistered may come later).
        UUID student = UUID.randomUUID();
        UUID firstConversion = UUID.randomUUID();
        UUID secondConversion = UUID.randomUUID();
        String first = ready(lead, firstConversion, student, batch, null, null);
        send(lead, first);
        send(lead, first);
        // Staff converted the lead again, naming another batch: a new event, a new conversion, and still the
        // lead's one enrollment.
        UUID elsewhere = batch(knownCourse("JEE Chemistry", "9000.00", true), "Evening", 30, null, branch, Map.of());
        String second = ready(lead, secondConversion, student, elsewhere, null, null);
        send(lead, second);
        // One partition: once the last is applied, the two before it have been handled.
        awaitApplied(second);

        List<JsonNode> answers = outbox.payloads("LeadEnrolled", lead.toString());
        assertThat(answers).hasSize(2);
        String enrollment = answers.getFirst().path("enrollmentId").asString();
        assertThat(answers).extracting(a -> a.path("enrollmentId").asString()).containsExactly(enrollment, enrollment);
        assertThat(answers).extracting(a -> a.path("conversionId").asString())
                .containsExactly(firstConversion.toString(), secondConversion.toString());
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.path("studentId").asString()).isEqualTo(student.toString());
            assertThat(a.path("batchId").asString()).isEqualTo(batch.toString());
            assertThat(a.path("leadId").asString()).isEqualTo(lead.toString());
        });
        assertThat(outbox.payloads("LeadEnrollmentRefused", lead.toString())).isEmpty();

        assertThat(count("select count(*) from enrollment where student_id = ?", student)).isEqualTo(1);
        assertThat(count("select count(*) from enrollment where batch_id = ?", elsewhere)).isZero();
        assertThat(enrollmentsCreatedFor(student)).isEqualTo(1);
        JsonNode created = outbox.payloads("EnrollmentCreated", enrollment).getFirst();
        assertThat(created.path("fee").asString()).isEqualTo("10000.00");
        assertThat(created.path("netFee").asString()).isEqualTo("10000.00");
        assertThat(created.path("discountType").isNull()).isTrue();
        assertThat(created.path("courseTitle").asString()).isEqualTo("JEE Physics");
        assertThat(created.path("branchId").asString()).isEqualTo(branch.toString());
        // Made on receiving the event, by nobody signed in.
        assertThat(outbox.actors("EnrollmentCreated", enrollment).getFirst().path("via").asString())
                .isEqualTo("event:" + eventId(first));
        assertThat(jdbc.queryForMap("select status, created_by from enrollment where id = ?::uuid", enrollment))
                .containsEntry("status", "ACTIVE").containsEntry("created_by", null);
        assertThat(jdbc.queryForMap("select enrollment_id, conversion_id from lead_enrollment where lead_id = ?", lead))
                .containsEntry("enrollment_id", UUID.fromString(enrollment)).containsEntry("conversion_id", firstConversion);
        Response seen = api.get("/api/v1/batches/" + batch, director);
        assertThat(seen.json().path("seatsTaken").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/enrollments/" + enrollment, director).text("status")).isEqualTo("ACTIVE");

        // Both answers reach the topic, under the lead's key.
        List<JsonNode> published = TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.ENROLLMENT,
                lead.toString(), 2).stream().map(JSON::readTree).toList();
        assertThat(published).extracting(e -> e.path("type").asString())
                .containsExactly("LeadEnrolled", "LeadEnrolled");
    }

    @Test
    void aFullBatchRefusesWithoutAPlaceInLineAndTheLeadMayTryAnotherBatch() {
        UUID course = knownCourse("NEET Chemistry", "8000.00", true);
        UUID full = batch(course, "Evening", 1, null, null, Map.of());
        assertThat(api.patch("/api/v1/batches/" + full, director, Map.of("waitlistCapacity", 5)).status()).isEqualTo(200);
        assertThat(enroll(director, UUID.randomUUID(), course, full).text("status")).isEqualTo("ACTIVE");
        UUID lead = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        send(lead, ready(lead, UUID.randomUUID(), student, full, null, null));

        JsonNode refusal = awaitAnswer("LeadEnrollmentRefused", lead);
        assertThat(refusal.path("reason").asString()).isEqualTo("BATCH_FULL");
        assertThat(refusal.path("detail").asString()).contains("Evening");
        assertThat(refusal.path("studentId").asString()).isEqualTo(student.toString());
        assertThat(refusal.path("batchId").asString()).isEqualTo(full.toString());
        assertThat(count("select count(*) from enrollment where student_id = ?", student)).isZero();
        assertThat(enrollmentsCreatedFor(student)).isZero();
        assertThat(count("select count(*) from lead_enrollment where lead_id = ?", lead)).isZero();
        Response batch = api.get("/api/v1/batches/" + full, director);
        assertThat(batch.json().path("seatsTaken").asInt()).isEqualTo(1);
        assertThat(batch.json().path("waitlisted").asInt()).isZero();

        // A refusal is not remembered: converted again into a batch with room, the lead is enrolled.
        UUID roomy = batch(course, "Weekend", 10, null, null, Map.of());
        UUID retry = UUID.randomUUID();
        send(lead, ready(lead, retry, student, roomy, null, null));
        JsonNode enrolled = awaitAnswer("LeadEnrolled", lead);
        assertThat(enrolled.path("conversionId").asString()).isEqualTo(retry.toString());
        assertThat(enrolled.path("batchId").asString()).isEqualTo(roomy.toString());
        assertThat(enrollmentsCreatedFor(student)).isEqualTo(1);
    }

    @Test
    void aDiscountReachesTheNetFeeAsForAnyEnrollment() {
        UUID course = knownCourse("Foundation Maths", "10000.00", true);
        UUID batch = batch(course, "Batch A", 30, null, null, Map.of());
        UUID lead = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        send(lead, ready(lead, UUID.randomUUID(), student, batch, "PERCENTAGE", "10"));

        String enrollment = awaitAnswer("LeadEnrolled", lead).path("enrollmentId").asString();
        JsonNode created = outbox.payloads("EnrollmentCreated", enrollment).getFirst();
        assertThat(created.path("fee").asString()).isEqualTo("10000.00");
        assertThat(created.path("discountType").asString()).isEqualTo("PERCENTAGE");
        assertThat(created.path("discount").asString()).isEqualTo("10.00");
        assertThat(created.path("netFee").asString()).isEqualTo("9000.00");
        assertThat(created.path("studentId").asString()).isEqualTo(student.toString());
    }

    @Test
    void aStudentAlreadyInTheBatchIsAnsweredWithTheirEnrollment() {
        UUID course = knownCourse("Spoken English", "3000.00", true);
        UUID batch = batch(course, "Batch B", 30, null, null, Map.of());
        // An existing student, linked by identity to the lead, already enrolled by staff.
        UUID student = UUID.randomUUID();
        String existing = enroll(director, student, course, batch).text("id");
        UUID lead = UUID.randomUUID();
        send(lead, ready(lead, UUID.randomUUID(), student, batch, "FIXED", "500.00"));

        JsonNode answer = awaitAnswer("LeadEnrolled", lead);
        assertThat(answer.path("enrollmentId").asString()).isEqualTo(existing);
        assertThat(count("select count(*) from enrollment where student_id = ?", student)).isEqualTo(1);
        assertThat(enrollmentsCreatedFor(student)).isEqualTo(1);
        assertThat(events("EnrollmentCreated", existing)).hasSize(1);
        // The enrollment keeps the fee it was made with.
        assertThat(api.get("/api/v1/enrollments/" + existing, director).json().path("netFee").decimalValue())
                .isEqualByComparingTo("3000.00");
        assertThat(api.get("/api/v1/batches/" + batch, director).json().path("seatsTaken").asInt()).isEqualTo(1);
    }

    @Test
    void whatCannotBeEnrolledIsRefusedSayingWhy() {
        UUID course = knownCourse("Olympiad Physics", "5000.00", true);
        UUID open = batch(course, "Open", 30, null, null, Map.of());
        UUID closed = batch(course, "Closed", 30, null, null, Map.of());
        assertThat(api.post("/api/v1/batches/" + closed + "/close", director, null).status()).isEqualTo(200);
        UUID enrolledElsewhere = UUID.randomUUID();
        assertThat(enroll(director, enrolledElsewhere, course, open).status()).isEqualTo(201);
        UUID other = batch(course, "Other", 30, null, null, Map.of());
        UUID deactivated = UUID.randomUUID();
        knownUser(deactivated, "STUDENT", null);
        jdbc.update("update known_user set active = false where user_id = ?", deactivated);

        record Expected(String reason, UUID lead) {
        }
        List<Expected> expected = List.of(
                new Expected("BATCH_NOT_FOUND", refusedLead(UUID.randomUUID(), UUID.randomUUID(), null, null)),
                new Expected("BATCH_NOT_OPEN", refusedLead(UUID.randomUUID(), closed, null, null)),
                new Expected("INVALID_DISCOUNT", refusedLead(UUID.randomUUID(), open, "FIXED", "5000.01")),
                new Expected("INVALID_DISCOUNT", refusedLead(UUID.randomUUID(), open, "HALF", "50")),
                new Expected("INVALID_DISCOUNT", refusedLead(UUID.randomUUID(), open, "PERCENTAGE", null)),
                new Expected("INVALID_DISCOUNT", refusedLead(UUID.randomUUID(), open, "FIXED", "10.005")),
                new Expected("ALREADY_ENROLLED", refusedLead(enrolledElsewhere, other, null, null)),
                new Expected("STUDENT_DEACTIVATED", refusedLead(deactivated, open, null, null)));

        for (Expected each : expected) {
            JsonNode refusal = awaitAnswer("LeadEnrollmentRefused", each.lead());
            assertThat(refusal.path("reason").asString()).as(each.toString()).isEqualTo(each.reason());
            assertThat(refusal.path("detail").asString()).as(each.toString()).isNotBlank();
            assertThat(outbox.payloads("LeadEnrolled", each.lead().toString())).as(each.toString()).isEmpty();
        }
        assertThat(awaitAnswer("LeadEnrollmentRefused", expected.get(6).lead()).path("detail").asString())
                .contains(open.toString());
        assertThat(count("select count(*) from enrollment where batch_id in (?, ?, ?)", open, closed, other))
                .isEqualTo(1);
        assertThat(expected).allSatisfy(each -> assertThat(count(
                "select count(*) from lead_enrollment where lead_id = ?", each.lead())).isZero());
        assertThat(api.get("/api/v1/batches/" + open, director).json().path("seatsTaken").asInt()).isEqualTo(1);
    }

    private UUID refusedLead(UUID student, UUID batch, String discountType, String discount) {
        UUID lead = UUID.randomUUID();
        send(lead, ready(lead, UUID.randomUUID(), student, batch, discountType, discount));
        return lead;
    }

    private JsonNode awaitAnswer(String type, UUID lead) {
        await().atMost(PATIENCE).until(() -> !outbox.payloads(type, lead.toString()).isEmpty());
        List<JsonNode> answers = outbox.payloads(type, lead.toString());
        assertThat(answers).hasSize(1);
        return answers.getFirst();
    }

    private void awaitApplied(String event) {
        await().atMost(PATIENCE).until(() -> count(
                "select count(*) from processed_event where consumer = 'enrollment.leads' and event_id = ?::uuid",
                eventId(event)) == 1);
    }

    private int enrollmentsCreatedFor(UUID student) {
        return count("select count(*) from outbox_event where type = 'EnrollmentCreated'"
                + " and envelope -> 'payload' ->> 'studentId' = ?", student.toString());
    }

    private static String ready(UUID lead, UUID conversion, UUID student, UUID batch, String discountType,
            String discount) {
        return PublishedEvent.json("LeadAccountReady", new LeadAccountReady(lead.toString(), conversion.toString(),
                student.toString(), true, "Meera Iyer", "meera@example.in", null, batch.toString(), discountType,
                discount));
    }

    private void send(UUID lead, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, lead.toString(), value);
    }

    private static String eventId(String value) {
        return JSON.readTree(value).path("eventId").asString();
    }
}
