package dev.coachos.assessment;

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
 * Against a real (embedded) broker: course-service's and enrollment-service's events feed the read
 * models (each applied once, however often it arrives; an older curriculum snapshot never wins),
 * so a teacher assigned by event sets a quiz and an enrolled student takes it; this service's own
 * events reach its topic.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class AssessmentEventsIT extends AssessmentTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void upstreamEventsFeedTheReadModelsOnceAndThisServicesEventsReachItsTopic() {
        UUID course = UUID.randomUUID();
        UUID curriculum = UUID.randomUUID();
        UUID module = UUID.randomUUID();
        UUID lesson = UUID.randomUUID();
        UUID teacherId = UUID.randomUUID();
        send(Topics.COURSE, course, envelope("CourseCreated", """
                {"courseId":"%s","title":"NEET Biology","slug":"neet-biology","price":"9999.00","level":"BEGINNER","active":true}"""
                .formatted(course)));
        String lessons = envelope("LessonsChanged", """
                {"curriculumId":"%s","courseId":"%s","teacherId":null,"revision":2,
                 "lessons":[{"lessonId":"%s","moduleId":"%s","order":1,"weightage":1}]}"""
                .formatted(curriculum, course, lesson, module));
        send(Topics.COURSE, curriculum, lessons);
        send(Topics.COURSE, curriculum, lessons);
        send(Topics.COURSE, curriculum, envelope("LessonsChanged", """
                {"curriculumId":"%s","courseId":"%s","teacherId":null,"revision":1,"lessons":[]}"""
                .formatted(curriculum, course)));
        String assigned = envelope("CourseTeacherAssigned", """
                {"courseId":"%s","teacherId":"%s","assignedBy":"%s"}""".formatted(course, teacherId, directorId));
        send(Topics.COURSE, course, assigned);
        send(Topics.COURSE, course, assigned);

        UUID batch = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID enrollment = UUID.randomUUID();
        UUID studentId = UUID.randomUUID();
        send(Topics.ENROLLMENT, batch, envelope("BatchCreated", """
                {"batchId":"%s","courseId":"%s","name":"Morning","startDate":"2026-12-01","endDate":null,"capacity":30,
                 "teacherId":null,"branchId":"%s","fee":"9999.00","feeFrequency":"ONE_TIME","teacherCompensation":null,
                 "teacherCommission":null,"monthlyOverheadCost":null}""".formatted(batch, course, branch)));
        String enrolled = envelope("EnrollmentCreated", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","courseTitle":"NEET Biology","batchId":"%s",
                 "batchName":"Morning","branchId":"%s","fee":"9999.00","feeFrequency":"ONE_TIME","discountType":null,
                 "discount":null,"netFee":"9999.00","enrolledAt":"2026-12-01T10:00:00Z"}"""
                .formatted(enrollment, studentId, course, batch, branch));
        send(Topics.ENROLLMENT, enrollment, enrolled);
        send(Topics.ENROLLMENT, enrollment, enrolled);

        await().atMost(PATIENCE).until(() -> count("select count(*) from course_teacher where course_id = ?", course) == 1
                && count("select count(*) from enrollment_view where enrollment_id = ?", enrollment) == 1
                && count("select count(*) from curriculum_lesson where curriculum_id = ?", curriculum) == 1);
        assertThat(jdbc.queryForObject("select revision from curriculum_view where curriculum_id = ?", Long.class,
                curriculum)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select branch_id from enrollment_view where enrollment_id = ?", UUID.class,
                enrollment)).isEqualTo(branch);

        // The teacher assigned by event sets a quiz on the lesson; the student enrolled by event takes it.
        String teacher = teacher(teacherId);
        String quizId = quiz(teacher, curriculum, Map.of("lessonId", lesson.toString(), "moduleId", module.toString()))
                .path("id").asString();
        question(teacher, quizId, trueFalse("Cells have walls", false));
        publish(teacher, quizId);
        String attempt = api.post("/api/v1/quizzes/" + quizId + "/attempts", student(studentId), null).text("id");
        api.post("/api/v1/attempts/" + attempt + "/submit", student(studentId), null);

        List<JsonNode> published = TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.ASSESSMENT, quizId, 1)
                .stream().map(JsonMapper.builder().build()::readTree).toList();
        assertThat(published.getFirst().path("type").asString()).isEqualTo("QuizPublished");
        List<JsonNode> submitted = TestKafka.valuesWithKey(broker.getBrokersAsString(), Topics.ASSESSMENT, attempt, 1)
                .stream().map(JsonMapper.builder().build()::readTree).toList();
        assertThat(submitted.getFirst().path("type").asString()).isEqualTo("QuizSubmitted");
        assertThat(submitted.getFirst().at("/payload/status").asString()).isEqualTo("GRADED");
        assertThat(submitted.getFirst().at("/payload/score").asString()).isEqualTo("0.00");

        // Unassigned and dropped: the teacher no longer sets quizzes there, the student no longer starts one.
        send(Topics.COURSE, course, envelope("CourseTeacherUnassigned", """
                {"courseId":"%s","teacherId":"%s","unassignedBy":"%s"}""".formatted(course, teacherId, directorId)));
        send(Topics.ENROLLMENT, enrollment, envelope("EnrollmentStatusChanged", """
                {"enrollmentId":"%s","studentId":"%s","courseId":"%s","batchId":"%s","previous":"ACTIVE",
                 "status":"DROPPED","reason":"left"}""".formatted(enrollment, studentId, course, batch)));
        await().atMost(PATIENCE).until(() -> count("select count(*) from course_teacher where course_id = ?", course) == 0
                && count("select count(*) from enrollment_view where enrollment_id = ? and status = 'DROPPED'",
                        enrollment) == 1);
        assertThat(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum.toString(), "title", "x"))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/quizzes/" + quizId, student(studentId)).status()).isEqualTo(404);
    }

    private void send(String topic, UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), topic, key.toString(), value);
    }

    private static String envelope(String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"2026-12-01T10:00:00Z",
                 "source":"test","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, payload);
    }
}
