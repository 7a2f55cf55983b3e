package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

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

/** course-service's events reach a real (embedded) broker through the outbox, in order per curriculum. */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "spring.kafka.listener.auto-startup=true",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "logging.level.org.apache.kafka=warn"})
class CourseEventsIT extends CourseTestBase {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void aReviewedVersionIsPublishedInOrderWithItsLessons() {
        String course = createCourse("Evented Course", "2500", "BEGINNER", true).path("id").asString();
        String official = officialCurriculum(course);
        addLesson(addModule(official, director, "Basics"), director, "Intro", 1);
        UUID teacherId = UUID.randomUUID();
        api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null);
        String version = api.post("/api/v1/courses/" + course + "/curricula", teacher(teacherId), Map.of()).text("id");
        api.post("/api/v1/curricula/" + version + "/submit", teacher(teacherId), null);
        api.post("/api/v1/curricula/" + version + "/approve", director, null);

        List<JsonNode> versionEvents = read(version, 3);
        assertThat(versionEvents).extracting(e -> e.path("type").asString())
                .containsExactly("CurriculumSubmitted", "CurriculumApproved", "LessonsChanged");
        JsonNode lessons = versionEvents.get(2).path("payload");
        assertThat(lessons.path("teacherId").asString()).isEqualTo(teacherId.toString());
        assertThat(lessons.path("lessons").size()).isEqualTo(1);
        assertThat(lessons.path("lessons").get(0).path("order").asInt()).isEqualTo(1);
        assertThat(versionEvents.getFirst().path("source").asString()).isEqualTo("course-service");

        JsonNode created = read(course, 1).getFirst();
        assertThat(created.path("type").asString()).isEqualTo("CourseCreated");
        assertThat(created.path("payload").path("price").asString()).isEqualTo("2500.00");
    }

    @Test
    void studentsReadTheCurriculaOfTheCoursesEnrollmentSaysTheyAreIn() {
        String course = createCourse("Enrolled reading", "100", "BEGINNER", true).path("id").asString();
        addLesson(addModule(officialCurriculum(course), director, "M"), director, "L", 1);
        UUID studentId = UUID.randomUUID();
        String student = student(studentId);
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", student).status()).isEqualTo(404);
        UUID enrollment = UUID.randomUUID();
        String created = """
                {"eventId":"%s","type":"EnrollmentCreated","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"enrollment-service","traceparent":null,
                 "payload":{"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"b","netFee":"1.00"}}"""
                .formatted(UUID.randomUUID(), enrollment, studentId, course);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), created);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), created);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/courses/" + course + "/curriculum", student).status() == 200);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), """
                {"eventId":"%s","type":"EnrollmentStatusChanged","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"enrollment-service","traceparent":null,
                 "payload":{"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"b","previous":"ACTIVE",
                            "status":"DROPPED","reason":null}}""".formatted(UUID.randomUUID(), enrollment, studentId, course));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/courses/" + course + "/curriculum", student).status() == 404);

        // Enrolled again: the new enrollment's events and the old one's may arrive in either order
        // (they are keyed by enrollment). A late drop of the old one does not end the new one's access,
        // and a place in a waitlist is no access.
        UUID again = UUID.randomUUID();
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, again.toString(), """
                {"eventId":"%s","type":"EnrollmentCreated","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"enrollment-service","traceparent":null,
                 "payload":{"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"b","netFee":"1.00"}}"""
                .formatted(UUID.randomUUID(), again, studentId, course));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> api.get("/api/v1/courses/" + course + "/curriculum", student).status() == 200);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment.toString(), """
                {"eventId":"%s","type":"EnrollmentStatusChanged","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"enrollment-service","traceparent":null,
                 "payload":{"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"b","previous":"ON_HOLD",
                            "status":"DROPPED","reason":null}}""".formatted(UUID.randomUUID(), enrollment, studentId, course));
        UUID waiting = UUID.randomUUID();
        String waitingStudent = student(waiting);
        TestKafka.send(broker.getBrokersAsString(), Topics.ENROLLMENT, waiting.toString(), """
                {"eventId":"%s","type":"EnrollmentStatusChanged","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"enrollment-service","traceparent":null,
                 "payload":{"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"b","previous":"WAITLISTED",
                            "status":"OFFERED","reason":null}}""".formatted(UUID.randomUUID(), waiting, waiting, course));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from course_enrollment where enrollment_id in (?, ?) and status in ('DROPPED', 'OFFERED')",
                enrollment, waiting) == 2);
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", student).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/courses/" + course + "/curriculum", waitingStudent).status()).isEqualTo(404);
    }

    private List<JsonNode> read(String key, int expected) {
        JsonMapper json = JsonMapper.builder().build();
        return TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.COURSE, key, expected).stream()
                .map(json::readTree).toList();
    }
}
