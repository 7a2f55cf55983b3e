package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.events.Topics;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a real (embedded) broker, as {@link EnrollmentEventsIT} (the same settings, so the same
 * context): assessment-service's quiz events feed the quiz read model, each once, a result whose
 * event occurred earlier never replaces a newer one, and progress counts the quizzes of the
 * curriculum the student follows with their results.
 */
@EmbeddedKafka(partitions = 1, brokerProperties = "auto.create.topics.enable=false")
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.listener.auto-startup=true",
        "coachos.outbox.relay-enabled=true",
        "spring.kafka.admin.auto-create=true",
        "coachos.events.partitions=1",
        "logging.level.org.apache.kafka=warn"})
class QuizProgressIT extends EnrollmentTestBase {

    @Autowired
    EmbeddedKafkaBroker broker;

    private final List<String> applied = new ArrayList<>();

    @Test
    void progressCountsTheQuizzesOfTheFollowedCurriculumPassedAndTheAverageOfTheNewestResults() {
        UUID course = knownCourse("Quizzes", "1000", true);
        UUID teacherId = UUID.randomUUID();
        Map<UUID, Integer> lessons = new LinkedHashMap<>();
        lessons.put(UUID.randomUUID(), 1);
        UUID official = knownLessons(course, null, lessons);
        UUID teachers = knownLessons(course, teacherId, lessons);
        UUID plain = batch(course, "Official", 30, null, null, Map.of());
        UUID withTeacher = batch(course, "Teacher's version", 30, teacherId, null, Map.of());
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        UUID meera = UUID.randomUUID();
        enroll(director, asha, course, plain);
        enroll(director, ravi, course, plain);
        enroll(director, meera, course, withTeacher);

        // Before any quiz is heard of: nothing published, no average.
        JsonNode before = quizzes(asha, course);
        assertThat(before.path("published").asInt()).isZero();
        assertThat(before.path("passed").asInt()).isZero();
        assertThat(before.path("averagePercent").isNull()).isTrue();

        UUID q1 = UUID.randomUUID();
        UUID q2 = UUID.randomUUID();
        UUID q3 = UUID.randomUUID();
        UUID q4 = UUID.randomUUID();
        twice(q1, published(q1, official, course, "Newton's laws check"));
        twice(q2, published(q2, official, course, "Friction"));
        twice(q3, published(q3, official, course, "Work and energy"));
        twice(q4, published(q4, teachers, course, "Teacher's quiz"));

        // q1: a first attempt graded at once, then a better one; an older regrade of the first arrives last.
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        twice(first, attempt("QuizSubmitted", "2026-11-24T10:00:00Z", first, q1, course, asha, "GRADED", "75.00", true));
        twice(second, attempt("QuizSubmitted", "2026-11-24T11:00:00Z", second, q1, course, asha, "GRADED", "90.00", true));
        twice(first, attempt("QuizGraded", "2026-11-24T10:30:00Z", first, q1, course, asha, "GRADED", "40.00", false));
        // q2: answers wait for the teacher (no result yet), then the teacher's grade gives one.
        UUID essay = UUID.randomUUID();
        twice(essay, attempt("QuizSubmitted", "2026-11-24T10:00:00Z", essay, q2, course, asha, "PENDING_REVIEW", null,
                null));
        twice(essay, attempt("QuizGraded", "2026-11-24T12:00:00Z", essay, q2, course, asha, "GRADED", "55.55", false));
        // A result on the teacher's version does not count for a student of the official one.
        UUID other = UUID.randomUUID();
        twice(other, attempt("QuizSubmitted", "2026-11-24T10:00:00Z", other, q4, course, asha, "GRADED", "10.00",
                false));
        UUID meeras = UUID.randomUUID();
        twice(meeras, attempt("QuizSubmitted", "2026-11-24T10:00:00Z", meeras, q4, course, meera, "GRADED", "100.00",
                true));
        // A later record on the (one) partition shows every record before it was seen.
        UUID probe = UUID.randomUUID();
        send(probe, published(probe, UUID.randomUUID(), course, "Probe"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from quiz_view where quiz_id = ?",
                probe) == 1);

        assertThat(jdbc.queryForMap("select percent::text as percent, passed from quiz_result"
                + " where student_id = ? and quiz_id = ?", asha, q1))
                .containsEntry("percent", "90.00").containsEntry("passed", true);
        assertThat(count("select count(*) from quiz_result where student_id = ?", asha)).isEqualTo(3);
        // Eleven events, each sent twice: the ten with a result or a quiz applied once each; the
        // submission still waiting for review has no result and changed nothing.
        assertThat(applied.stream().distinct()).hasSize(11);
        assertThat(applied.stream().filter(id -> count("""
                select count(*) from processed_event where consumer = 'enrollment.quizzes' and event_id = ?::uuid""",
                id) == 1)).hasSize(10);

        // Asha follows the official curriculum: q1 passed (90.00), q2 not (55.55), q3 no result.
        JsonNode ashas = quizzes(asha, course);
        assertThat(ashas.path("published").asInt()).isEqualTo(3);
        assertThat(ashas.path("passed").asInt()).isEqualTo(1);
        // (90.00 + 55.55) / 2 = 72.775 → 72.78
        assertThat(ashas.path("averagePercent").decimalValue()).isEqualByComparingTo("72.78");
        JsonNode ravis = quizzes(ravi, course);
        assertThat(ravis.path("published").asInt()).isEqualTo(3);
        assertThat(ravis.path("passed").asInt()).isZero();
        assertThat(ravis.path("averagePercent").isNull()).isTrue();
        JsonNode meeraQuizzes = quizzes(meera, course);
        assertThat(meeraQuizzes.path("published").asInt()).isEqualTo(1);
        assertThat(meeraQuizzes.path("passed").asInt()).isEqualTo(1);
        assertThat(meeraQuizzes.path("averagePercent").decimalValue()).isEqualByComparingTo("100.00");

        // The teacher reads the same, and lesson progress is as before.
        Response read = api.get("/api/v1/progress/courses/" + course + "/students/" + meera, teacher(teacherId));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("quizzes").path("passed").asInt()).isEqualTo(1);
        assertThat(read.json().path("percent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(read.json().path("totalLessons").asInt()).isEqualTo(1);
    }

    private JsonNode quizzes(UUID student, UUID course) {
        Response progress = api.get("/api/v1/progress/courses/" + course, student(student));
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        return progress.json().path("quizzes");
    }

    /** Sends the record twice, as a redelivery would, and notes its event id. */
    private void twice(UUID key, String value) {
        send(key, value);
        send(key, value);
        applied.add(JsonMapper.builder().build().readTree(value).path("eventId").asString());
    }

    private void send(UUID key, String value) {
        TestKafka.send(broker.getBrokersAsString(), Topics.ASSESSMENT, key.toString(), value);
    }

    private static String published(UUID quiz, UUID curriculum, UUID course, String title) {
        return envelope("QuizPublished", "2026-11-24T09:00:00Z", """
                {"quizId":"%s","curriculumId":"%s","courseId":"%s","teacherId":null,"title":"%s","opensAt":null,
                 "closesAt":null,"questionCount":4,"maxScore":"12.00","publishedBy":"p"}"""
                .formatted(quiz, curriculum, course, title));
    }

    /** QuizSubmitted or QuizGraded with the student's result after it (none when {@code percent} is null). */
    private static String attempt(String type, String occurredAt, UUID attempt, UUID quiz, UUID course, UUID student,
            String status, String percent, Boolean passed) {
        String result = percent == null ? "null" : """
                {"gradingMethod":"HIGHEST","gradedAttempts":1,"score":"1.00","maxScore":"12.00","percent":"%s",
                 "passed":%s}""".formatted(percent, passed);
        return envelope(type, occurredAt, """
                {"attemptId":"%s","quizId":"%s","courseId":"%s","studentId":"%s","quizTitle":"Q","attempt":1,
                 "status":"%s","score":"1.00","maxScore":"12.00","percent":"8.33","passed":%s,"reason":"MANUAL",
                 "submittedBy":"STUDENT","teacherId":null,"result":%s}"""
                .formatted(attempt, quiz, course, student, status, passed, result));
    }

    private static String envelope(String type, String occurredAt, String payload) {
        return """
                {"eventId":"%s","type":"%s","schemaVersion":1,"occurredAt":"%s",
                 "source":"test","traceparent":null,"payload":%s}""".formatted(UUID.randomUUID(), type, occurredAt,
                payload);
    }
}
