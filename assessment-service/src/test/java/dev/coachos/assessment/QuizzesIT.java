package dev.coachos.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Quizzes and their questions, through HTTP: who sets them, what a draft and a published quiz allow. */
class QuizzesIT extends AssessmentTestBase {

    @Test
    void aTeacherOfTheCourseSetsAQuizWithOneQuestionOfEachTypeAndPublishesIt() {
        Course course = knownCourse("Physics for JEE");
        UUID teacherId = UUID.randomUUID();
        String teacher = teacherOf(course.id(), teacherId);

        JsonNode quiz = quiz(teacher, course.official().id(), Map.of("lessonId", course.official().lessonIds().get(1).toString(),
                "durationMinutes", 30, "instructions", "No calculators"));
        String id = quiz.path("id").asString();
        assertThat(quiz.path("status").asString()).isEqualTo("DRAFT");
        assertThat(quiz.path("courseId").asString()).isEqualTo(course.id().toString());
        assertThat(quiz.path("passingPercent").decimalValue()).isEqualByComparingTo("70");
        assertThat(quiz.path("attemptsAllowed").asInt()).isEqualTo(1);
        assertThat(quiz.path("gradingMethod").asString()).isEqualTo("HIGHEST");
        assertThat(quiz.path("multiSelectPolicy").asString()).isEqualTo("ALL_OR_NOTHING");
        assertThat(quiz.at("/review/answers").asString()).isEqualTo("AFTER_CLOSE");

        question(teacher, id, multipleChoice("Unit of force?"));
        JsonNode select = question(teacher, id, multipleSelect("Vectors?", "PARTIAL_NO_WRONG"));
        assertThat(select.path("multiSelectPolicy").asString()).isEqualTo("PARTIAL_NO_WRONG");
        assertThat(select.path("options")).hasSize(4);
        assertThat(select.at("/key/correctOptionIds")).hasSize(3);
        JsonNode tf = question(teacher, id, trueFalse("Mass is a vector", false));
        assertThat(tf.path("options").get(0).path("text").asString()).isEqualTo("True");
        assertThat(tf.path("options").get(0).path("correct").asBoolean()).isFalse();
        assertThat(tf.path("options").get(1).path("correct").asBoolean()).isTrue();
        JsonNode shortAnswer = question(teacher, id, shortAnswer("Who wrote the Principia?"));
        assertThat(shortAnswer.at("/key/shortKeys/0/pattern").asString()).isEqualTo("new*ton");
        assertThat(shortAnswer.at("/key/shortKeys/1/creditPercent").asInt()).isEqualTo(50);

        JsonNode published = publish(teacher, id);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("questionCount").asInt()).isEqualTo(4);
        assertThat(published.path("maxScore").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(outbox.payloads("QuizPublished", id)).singleElement().satisfies(p -> {
            assertThat(p.path("courseId").asString()).isEqualTo(course.id().toString());
            assertThat(p.path("maxScore").asString()).isEqualTo("12.00");
            assertThat(p.path("questionCount").asInt()).isEqualTo(4);
            assertThat(p.path("publishedBy").asString()).isEqualTo(teacherId.toString());
        });
        // Publishing again changes nothing and tells nobody again.
        publish(teacher, id);
        assertThat(outbox.payloads("QuizPublished", id)).hasSize(1);

        // Frozen: no question changes, nothing that decides marks; the title and times still change.
        Response added = api.post("/api/v1/quizzes/" + id + "/questions", teacher, trueFalse("Late", true));
        assertThat(added.status()).isEqualTo(409);
        assertThat(added.text("type")).isEqualTo("urn:coachos:problem:conflict");
        assertThat(api.patch("/api/v1/quizzes/" + id, teacher, Map.of("passingPercent", new java.math.BigDecimal("50"))).status()).isEqualTo(409);
        Response renamed = api.patch("/api/v1/quizzes/" + id, teacher, Map.of("title", "Kinematics, week 2",
                "closesAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.text("title")).isEqualTo("Kinematics, week 2");
    }

    @Test
    void onlyTeachersOfTheCourseAndStaffSetItsQuizzesAndOthersSeeNothing() {
        Course course = knownCourse("Chemistry");
        String stranger = teacher(UUID.randomUUID()); // a teacher, not of this course
        Response refused = api.post("/api/v1/quizzes", stranger, Map.of("curriculumId", course.official().id().toString(),
                "title", "Not mine"));
        assertThat(refused.status()).isEqualTo(403);
        Response student = api.post("/api/v1/quizzes", student(UUID.randomUUID()),
                Map.of("curriculumId", course.official().id().toString(), "title", "Mine?"));
        assertThat(student.status()).isEqualTo(403);
        assertThat(api.post("/api/v1/quizzes", null, Map.of()).status()).isEqualTo(401);

        // Staff with manage:quizzes (no teacher profile) set quizzes on any course.
        String manager = KEYS.token().subject(UUID.randomUUID()).roles(List.of("GENERAL_MANAGER"))
                .permissions(List.of("manage:quizzes", "read:quizzes", "access:all_branches")).staffProfile().sign();
        String id = quiz(manager, course.official().id(), Map.of()).path("id").asString();
        question(manager, id, multipleChoice("Atomic number of carbon?"));
        assertThat(api.get("/api/v1/quizzes/" + id, stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/quizzes/" + id + "/questions", stranger).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/quizzes/" + id + "/questions", stranger, trueFalse("x", true)).status())
                .isEqualTo(404);
        // A draft is nobody's business but its authors'.
        UUID batch = batch(course.id(), null, UUID.randomUUID());
        UUID learner = enrolled(course.id(), batch, "ACTIVE");
        assertThat(api.get("/api/v1/quizzes/" + id, student(learner)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/quizzes?courseId=" + course.id(), student(learner)).json()).isEmpty();
        // read:quizzes reads, but does not change.
        String reader = KEYS.staff("ANALYST", UUID.randomUUID(), "read:quizzes");
        assertThat(api.get("/api/v1/quizzes/" + id + "/questions", reader).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/quizzes/" + id, reader, Map.of("title", "x")).status()).isEqualTo(403);
    }

    @Test
    void badSettingsAndQuestionsAreProblemsNamingTheFieldAndNothingIsSaved() {
        Course course = knownCourse("Biology");
        String teacher = teacherOf(course.id(), UUID.randomUUID());
        String curriculum = course.official().id().toString();
        assertThat(errors(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum, "title", "T",
                "durationMinutes", -5)))).containsExactly("durationMinutes");
        assertThat(errors(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum, "title", "T",
                "passingPercent", new java.math.BigDecimal("100.01"))))).containsExactly("passingPercent");
        assertThat(errors(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum, "title", "T",
                "opensAt", "2026-12-10T10:00:00Z", "closesAt", "2026-12-10T09:00:00Z")))).containsExactly("closesAt");
        assertThat(errors(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", UUID.randomUUID().toString(),
                "title", "T")))).containsExactly("curriculumId");
        Curriculum other = knownCurriculum(UUID.randomUUID(), null);
        assertThat(errors(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum, "title", "T",
                "lessonId", other.lessonIds().getFirst().toString())))).containsExactly("lessonId");
        assertThat(api.post("/api/v1/quizzes", teacher, Map.of("curriculumId", curriculum, "title", "T",
                "gradingMethod", "BEST")).status()).isEqualTo(400);
        assertThat(count("select count(*) from quiz where curriculum_id = ?", course.official().id())).isZero();

        String id = quiz(teacher, course.official().id(), Map.of()).path("id").asString();
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "MULTIPLE_CHOICE",
                "text", "Two right?", "points", new java.math.BigDecimal("4"), "options", List.of(option("a", true), option("b", true))))))
                .containsExactly("options");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "MULTIPLE_CHOICE",
                "text", "No points", "points", new java.math.BigDecimal("0"), "options", List.of(option("a", true), option("b", false))))))
                .containsExactly("points");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "MULTIPLE_CHOICE",
                "text", "Three decimals", "points", new java.math.BigDecimal("1.005"), "options", List.of(option("a", true), option("b", false))))))
                .containsExactly("points");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "SHORT_ANSWER",
                "text", "Key both ways", "points", new java.math.BigDecimal("2"), "shortKeys", List.of(Map.of("pattern", "a", "number", new java.math.BigDecimal("1")))))))
                .containsExactly("shortKeys[0]");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "SHORT_ANSWER",
                "text", "Options?", "points", new java.math.BigDecimal("2"), "options", List.of(option("a", true), option("b", false))))))
                .containsExactly("options");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "TRUE_FALSE",
                "text", "No answer", "points", new java.math.BigDecimal("1"))))).containsExactly("answer");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "SHORT_ANSWER",
                "text", "Spaces only", "points", new java.math.BigDecimal("1"),
                "shortKeys", List.of(Map.of("pattern", "\u00A0\u00A0")))))).containsExactly("shortKeys[0]");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "MULTIPLE_CHOICE",
                "text", "Harsh", "points", new java.math.BigDecimal("1"), "negativePoints", new java.math.BigDecimal("2"),
                "options", List.of(option("a", true), option("b", false)))))).containsExactly("negativePoints");
        assertThat(errors(api.post("/api/v1/quizzes/" + id + "/questions", teacher, Map.of("type", "TRUE_FALSE",
                "text", "Huge", "points", new java.math.BigDecimal("1000.01"), "answer", true))))
                .containsExactly("points");
        assertThat(count("select count(*) from question where quiz_id = ?::uuid", id)).isZero();
        assertThat(api.post("/api/v1/quizzes/" + id + "/publish", teacher, null).status()).isEqualTo(409);
    }

    @Test
    void questionsAreReorderedReplacedAndRemovedWhileTheQuizIsADraft() {
        Course course = knownCourse("Maths");
        String teacher = teacherOf(course.id(), UUID.randomUUID());
        String id = quiz(teacher, course.official().id(), Map.of()).path("id").asString();
        String a = question(teacher, id, trueFalse("A", true)).path("id").asString();
        String b = question(teacher, id, trueFalse("B", true)).path("id").asString();
        String c = question(teacher, id, trueFalse("C", true)).path("id").asString();

        Response reordered = api.put("/api/v1/quizzes/" + id + "/questions/order", teacher,
                Map.of("questionIds", List.of(c, a, b)));
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(texts(reordered.json())).containsExactly("C", "A", "B");
        assertThat(errors(api.put("/api/v1/quizzes/" + id + "/questions/order", teacher,
                Map.of("questionIds", List.of(c, a))))).containsExactly("questionIds");
        assertThat(errors(api.put("/api/v1/quizzes/" + id + "/questions/order", teacher,
                Map.of("questionIds", List.of(c, a, a))))).containsExactly("questionIds");

        Response replaced = api.put("/api/v1/quizzes/" + id + "/questions/" + a, teacher, multipleChoice("A again"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("position").asInt()).isEqualTo(2);
        assertThat(api.delete("/api/v1/quizzes/" + id + "/questions/" + c, teacher).status()).isEqualTo(204);
        JsonNode left = api.get("/api/v1/quizzes/" + id + "/questions", teacher).json();
        assertThat(texts(left)).containsExactly("A again", "B");
        assertThat(left.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(left.get(1).path("position").asInt()).isEqualTo(2);
    }

    @Test
    void questionsComeFromACsvFileAllOrNoneWithEveryBadLineNamed() {
        Course course = knownCourse("Imported");
        String teacher = teacherOf(course.id(), UUID.randomUUID());
        String id = quiz(teacher, course.official().id(), Map.of()).path("id").asString();
        String header = "type,text,points,negative_points,options,correct,explanation,policy\n";
        Response bad = upload(teacher, id, header
                + "MULTIPLE_CHOICE,Unit of force?,4,1,newton|joule,1,,\n"
                + "MULTIPLE_CHOICE,Two right,4,1,a|b,1|2,,\n"
                + "TRUE_FALSE,Fine,1,,,true,,\n"
                + "SHORT_ANSWER,Negative?,-3,,,x,,\n"
                + "ESSAY,Nope,1,,,,,\n");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("line 3", "line 5", "line 6");
        assertThat(bad.text("detail")).contains("3 bad line(s)");
        assertThat(count("select count(*) from question where quiz_id = ?::uuid", id)).isZero();

        question(teacher, id, trueFalse("Already there", true));
        Response good = upload(teacher, id, header
                + "MULTIPLE_CHOICE,Unit of force?,4,1,newton|joule,1,,\n"
                + "MULTIPLE_SELECT,Vectors?,4,2,velocity|mass|force,1|3,,RIGHT_MINUS_WRONG\n"
                + "TRUE_FALSE,\"Mass, a vector?\",1,,,false,,\n"
                + "SHORT_ANSWER,Who wrote the Principia?,3,,,new*ton|#9.8~0.05,,\n");
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        assertThat(good.json()).hasSize(4);
        JsonNode questions = api.get("/api/v1/quizzes/" + id + "/questions", teacher).json();
        assertThat(texts(questions)).containsExactly("Already there", "Unit of force?", "Vectors?", "Mass, a vector?",
                "Who wrote the Principia?");
        assertThat(questions.get(2).path("multiSelectPolicy").asString()).isEqualTo("RIGHT_MINUS_WRONG");
        assertThat(questions.get(4).at("/key/shortKeys/1/tolerance").decimalValue()).isEqualByComparingTo("0.05");
        publish(teacher, id);
        assertThat(upload(teacher, id, header + "TRUE_FALSE,Late,1,,,true,,\n").status()).isEqualTo(409);
    }

    private Response upload(String token, String quizId, String csv) {
        return api.send("POST", "/api/v1/quizzes/" + quizId + "/questions/import", token, csv,
                Map.of("Content-Type", "text/csv"));
    }

    @Test
    void studentsSeeThePublishedQuizzesOfTheCurriculumTheyFollow() {
        Course course = knownCourse("English");
        UUID teacherId = UUID.randomUUID();
        String teacher = teacherOf(course.id(), teacherId);
        Curriculum own = knownCurriculum(course.id(), teacherId); // the teacher's approved version
        String onOfficial = quiz(teacher, course.official().id(), Map.of("title", "Official")).path("id").asString();
        question(teacher, onOfficial, trueFalse("x", true));
        publish(teacher, onOfficial);
        String onOwn = quiz(teacher, own.id(), Map.of("title", "Own")).path("id").asString();
        question(teacher, onOwn, trueFalse("y", true));
        publish(teacher, onOwn);

        UUID branch = UUID.randomUUID();
        UUID inTeachersBatch = enrolled(course.id(), batch(course.id(), teacherId, branch), "ACTIVE");
        UUID inOtherBatch = enrolled(course.id(), batch(course.id(), UUID.randomUUID(), branch), "ACTIVE");
        UUID onHold = enrolled(course.id(), batch(course.id(), teacherId, branch), "ON_HOLD");

        assertThat(titles(api.get("/api/v1/quizzes?courseId=" + course.id(), student(inTeachersBatch))))
                .containsExactly("Own");
        assertThat(titles(api.get("/api/v1/quizzes?courseId=" + course.id(), student(inOtherBatch))))
                .containsExactly("Official");
        assertThat(titles(api.get("/api/v1/quizzes?courseId=" + course.id(), student(onHold)))).isEmpty();
        assertThat(api.get("/api/v1/quizzes/" + onOfficial, student(inTeachersBatch)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/quizzes/" + onOwn, student(inTeachersBatch)).status()).isEqualTo(200);
        // Students never read the questions' keys.
        assertThat(api.get("/api/v1/quizzes/" + onOwn + "/questions", student(inTeachersBatch)).status()).isEqualTo(403);
        // The teacher sees both, newest first.
        assertThat(titles(api.get("/api/v1/quizzes?courseId=" + course.id(), teacher))).containsExactly("Own", "Official");
    }

    private static List<String> texts(JsonNode questions) {
        return questions.valueStream().map(q -> q.path("text").asString()).toList();
    }

    private static List<String> titles(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().findValuesAsString("title");
    }

    private static List<String> errors(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.errorFields();
    }
}
