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
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real (embedded) broker: course events feed the read models (so batches and progress
 * work without asking course-service), a deactivated student's enrollments go on hold, and this
 * service's own events reach the topic.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class EnrollmentEventsIT extends EnrollmentTestBase {

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void courseEventsFeedTheReadModelsAndADeactivatedStudentIsPutOnHold() {
        UUID course = UUID.randomUUID();
        UUID curriculum = UUID.randomUUID();
        UUID lesson = UUID.randomUUID();
        sendCourse(course, envelope("CourseCreated", """
                {"courseId":"%s","title":"NEET Biology","slug":"neet-biology","price":"9999.00","level":"BEGINNER","active":true}"""
                .formatted(course)));
        String lessons = envelope("LessonsChanged", """
                {"curriculumId":"%s","courseId":"%s","teacherId":null,"revision":2,
                 "lessons":[{"lessonId":"%s","moduleId":"m","order":1,"weightage":1}]}""".formatted(curriculum, course, lesson));
        sendCourse(curriculum, lessons);
        sendCourse(curriculum, lessons);
        // An older snapshot arriving late changes nothing.
        sendCourse(curriculum, envelope("LessonsChanged", """
                {"curriculumId":"%s","courseId":"%s","teacherId":null,"revision":1,"lessons":[]}""".formatted(curriculum, course)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from course_view where course_id = ?", course) == 1);

        // No call to course-service is needed: WireMock has no stub for this course.
        UUID batch = batch(course, "From events", 30, null, null, Map.of());
        assertThat(api.get("/api/v1/batches/" + batch, director).json().path("fee").decimalValue())
                .isEqualByComparingTo("9999.00");
        UUID student = UUID.randomUUID();
        String enrollment = enroll(director, student, course, batch).text("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post("/api/v1/progress/courses/" + course + "/lessons/"
                + lesson + "/complete", student(student), null).status() == 200);
        assertThat(count("select count(*) from curriculum_lesson where curriculum_id = ?", curriculum)).isEqualTo(1);

        // A price change arrives as CourseUpdated; new batches take it.
        sendCourse(course, envelope("CourseUpdated", """
                {"courseId":"%s","title":"NEET Biology","slug":"neet-biology","price":"8999.00","level":"BEGINNER",
                 "active":true,"revision":1}""".formatted(course)));
        await().atMost(Duration.ofSeconds(60)).until(() -> "8999.00".equals(jdbc.queryForObject(
                "select price::text from course_view where course_id = ?", String.class, course)));

        String feed = api.post("/api/v1/calendar/feed", student(student), null).text("path");
        assertThat(api.get(feed, null).status()).isEqualTo(200);
        String deactivated = envelope("UserDeactivated", "{\"userId\":\"%s\"}".formatted(student));
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, student.toString(), deactivated);
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, student.toString(), deactivated);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ON_HOLD".equals(api.get("/api/v1/enrollments/" + enrollment,
                director).text("status")));

        List<JsonNode> published = TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.ENROLLMENT, enrollment, 2)
                .stream().map(JsonMapper.builder().build()::readTree).toList();
        assertThat(published).extracting(e -> e.path("type").asString())
                .containsExactly("EnrollmentCreated", "EnrollmentStatusChanged");
        assertThat(published.get(1).path("payload").path("reason").asString()).contains("deactivated");
        assertThat(events("EnrollmentStatusChanged", enrollment)).hasSize(1);
        // The account's calendar feed stops working and, once the directory has heard, it is not enrolled again.
        assertThat(api.get(feed, null).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.queryForObject(
                "select active from known_user where user_id = ?", Boolean.class, student));
        UUID otherCourse = knownCourse("Another", "100", true);
        UUID otherBatch = batch(otherCourse, "Another batch", 30, null, null, Map.of());
        assertThat(enroll(director, student, otherCourse, otherBatch).status()).isEqualTo(409);
    }

    @Test
    void identityEventsKeepTheDirectoryOnceEach() {
        UUID student = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        String registered = envelope("UserRegistered", """
                {"userId":"%s","email":"asha@example.in","name":"Asha","role":"LEARNER","branchId":"%s",
                 "profileType":"STUDENT"}""".formatted(student, branch));
        List<String> sent = new java.util.ArrayList<>();
        sent.add(sendIdentity(student, registered));
        sent.add(sendIdentity(student, registered));
        // Published before profile types travelled: judged by the seeded role name.
        sent.add(sendIdentity(old, envelope("UserRegistered", """
                {"userId":"%s","email":"old@example.in","name":"Old","role":"TEACHER","branchId":null}""".formatted(old))));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from known_user where user_id in (?, ?)",
                student, old) == 2);
        assertThat(jdbc.queryForMap("select role, profile_type, branch_id from known_user where user_id = ?", student))
                .containsEntry("role", "LEARNER").containsEntry("profile_type", "STUDENT").containsEntry("branch_id", branch);
        assertThat(jdbc.queryForObject("select profile_type from known_user where user_id = ?", String.class, old))
                .isEqualTo("TEACHER");

        sent.add(sendIdentity(student, envelope("UserRoleChanged", """
                {"userId":"%s","previousRole":"LEARNER","role":"TEACHER","profileType":"TEACHER"}""".formatted(student))));
        sent.add(sendIdentity(student, envelope("UserUpdated", """
                {"userId":"%s","email":"asha@example.in","name":"Asha","phone":null,"branchId":null,"active":false}"""
                .formatted(student))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !jdbc.queryForObject(
                "select active from known_user where user_id = ?", Boolean.class, student));
        // Reactivated by identity: active again.
        sent.add(sendIdentity(student, envelope("UserUpdated", """
                {"userId":"%s","email":"asha@example.in","name":"Asha","phone":null,"branchId":null,"active":true}"""
                .formatted(student))));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select active from known_user where user_id = ?", Boolean.class, student));
        UUID forgotten = UUID.randomUUID();
        sent.add(sendIdentity(forgotten, envelope("UserDeactivated", "{\"userId\":\"%s\"}".formatted(forgotten))));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from known_user where user_id = ? and not active", forgotten) == 1);
        assertThat(jdbc.queryForMap("select role, profile_type, branch_id from known_user where user_id = ?", student))
                .containsEntry("role", "TEACHER").containsEntry("profile_type", "TEACHER").containsEntry("branch_id", null);
        // Seven records, six events (one sent twice): each applied once.
        assertThat(sent.stream().distinct()).hasSize(6);
        assertThat(sent.stream().distinct().filter(id -> count("""
                select count(*) from processed_event where consumer = 'enrollment.directory' and event_id = ?::uuid""", id) == 1))
                .hasSize(6);
    }

    /** Sends an identity event and returns its event id. */
    private String sendIdentity(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.IDENTITY, key.toString(), value);
        return JsonMapper.builder().build().readTree(value).path("eventId").asString();
    }

    private void sendCourse(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.COURSE, key.toString(), value);
    }

    private static String envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-11-24T10:00:00Z",
                 "source":"test","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, payload);
    }
}
