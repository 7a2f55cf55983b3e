package dev.coachos.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * assessment-service as it runs (see {@link ServiceIntegrationTest}) on a database of the test
 * class's own, with the read models filled as course-service's and enrollment-service's events
 * would fill them, and a clock the tests move.
 */
@IsolatedDatabase(service = "assessment")
@Import(AssessmentTestBase.MovableClock.class)
// The tests run the deadline sweep themselves.
@TestPropertySource(properties = "coachos.assessment.sweep-every=PT1H")
public abstract class AssessmentTestBase extends ServiceIntegrationTest {

    @Autowired
    protected TestClock clock;

    /** A clock that starts at the real time and moves only when a test moves it. */
    public static final class TestClock extends Clock {

        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        public void reset() {
            now = Instant.now();
        }
    }

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    /** A course with its official curriculum (one module, two lessons) as LessonsChanged leaves them. */
    protected Course knownCourse(String title) {
        UUID course = UUID.randomUUID();
        jdbc.update("insert into course_view (course_id, title, active, revision, updated_at) values (?, ?, true, 0, now())",
                course, title);
        return new Course(course, knownCurriculum(course, null));
    }

    /** A published curriculum of the course: the official one (teacher null) or a teacher's approved version. */
    protected Curriculum knownCurriculum(UUID course, UUID teacher) {
        UUID curriculum = UUID.randomUUID();
        UUID module = UUID.randomUUID();
        List<UUID> lessons = List.of(UUID.randomUUID(), UUID.randomUUID());
        jdbc.update("insert into curriculum_view (curriculum_id, course_id, teacher_id, revision, updated_at) values (?, ?, ?, 1, now())",
                curriculum, course, teacher);
        for (int i = 0; i < lessons.size(); i++) {
            jdbc.update("insert into curriculum_lesson (curriculum_id, lesson_id, module_id, position) values (?, ?, ?, ?)",
                    curriculum, lessons.get(i), module, i + 1);
        }
        return new Curriculum(curriculum, module, lessons);
    }

    protected record Course(UUID id, Curriculum official) {
    }

    protected record Curriculum(UUID id, UUID moduleId, List<UUID> lessonIds) {
    }

    /** A teacher assigned to the course (CourseTeacherAssigned), and their token. */
    protected String teacherOf(UUID course, UUID teacher) {
        jdbc.update("insert into course_teacher (course_id, teacher_id, assigned_at) values (?, ?, now()) on conflict do nothing",
                course, teacher);
        return teacher(teacher);
    }

    protected static String teacher(UUID teacher) {
        return KEYS.teacher(teacher, "read:users", "read:courses", "create:curricula", "read:batches", "manage:quizzes");
    }

    protected static String student(UUID student) {
        return KEYS.student(student, "read:courses");
    }

    /** A batch of the course taught by {@code teacher} (or nobody), in a branch. */
    protected UUID batch(UUID course, UUID teacher, UUID branch) {
        UUID batch = UUID.randomUUID();
        jdbc.update("insert into batch_view (batch_id, course_id, branch_id, teacher_id, name, updated_at) values (?, ?, ?, ?, ?, now())",
                batch, course, branch, teacher, "Batch " + batch.toString().substring(0, 8));
        return batch;
    }

    /** A student with an enrollment of the given status in the batch. */
    protected UUID enrolled(UUID course, UUID batch, String status) {
        UUID student = UUID.randomUUID();
        jdbc.update("""
                insert into enrollment_view (enrollment_id, student_id, course_id, batch_id, branch_id, status, updated_at)
                values (?, ?, ?, ?, (select branch_id from batch_view where batch_id = ?), ?, now())""",
                UUID.randomUUID(), student, course, batch, batch, status);
        return student;
    }

    /** Creates a draft quiz with the settings given (curriculumId and title added), as the token's holder. */
    protected JsonNode quiz(String token, UUID curriculum, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.put("curriculumId", curriculum.toString());
        body.putIfAbsent("title", "Kinematics drill");
        Response created = api.post("/api/v1/quizzes", token, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected JsonNode question(String token, String quizId, Map<String, Object> question) {
        Response added = api.post("/api/v1/quizzes/" + quizId + "/questions", token, question);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    protected static Map<String, Object> option(String text, boolean correct) {
        return Map.of("text", text, "correct", correct);
    }

    /** JEE Main style: +4, -1, one of four options right (the first named right). */
    protected static Map<String, Object> multipleChoice(String text) {
        return Map.of("type", "MULTIPLE_CHOICE", "text", text, "points", new java.math.BigDecimal("4"), "negativePoints", new java.math.BigDecimal("1"),
                "options", List.of(option("right", true), option("wrong 1", false), option("wrong 2", false),
                        option("wrong 3", false)));
    }

    protected static Map<String, Object> multipleSelect(String text, String policy) {
        Map<String, Object> question = new HashMap<>(Map.of("type", "MULTIPLE_SELECT", "text", text, "points", new java.math.BigDecimal("4"),
                "negativePoints", new java.math.BigDecimal("2"), "options", List.of(option("A", true), option("B", true), option("C", true),
                        option("D", false))));
        if (policy != null) {
            question.put("multiSelectPolicy", policy);
        }
        return question;
    }

    protected static Map<String, Object> trueFalse(String text, boolean answer) {
        return Map.of("type", "TRUE_FALSE", "text", text, "points", new java.math.BigDecimal("1"), "answer", answer);
    }

    protected static Map<String, Object> shortAnswer(String text) {
        return Map.of("type", "SHORT_ANSWER", "text", text, "points", new java.math.BigDecimal("3"), "shortKeys",
                List.of(Map.of("pattern", "new*ton"), Map.of("number", new java.math.BigDecimal("9.8"), "tolerance", new java.math.BigDecimal("0.05"), "creditPercent", 50)));
    }

    protected JsonNode publish(String token, String quizId) {
        Response published = api.post("/api/v1/quizzes/" + quizId + "/publish", token, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return published.json();
    }

    /** The question ids of a quiz, by their text. */
    protected Map<String, JsonNode> questionsByText(String token, String quizId) {
        Response questions = api.get("/api/v1/quizzes/" + quizId + "/questions", token);
        assertThat(questions.status()).as(questions.toString()).isEqualTo(200);
        Map<String, JsonNode> byText = new HashMap<>();
        questions.json().forEach(q -> byText.put(q.path("text").asString(), q));
        return byText;
    }

    /** The ids of a question's options with this text. */
    protected static String optionId(JsonNode question, String text) {
        List<String> found = new ArrayList<>();
        question.path("options").forEach(o -> {
            if (o.path("text").asString().equals(text)) {
                found.add(o.path("id").asString());
            }
        });
        assertThat(found).as("option " + text + " of " + question).hasSize(1);
        return found.getFirst();
    }
}
