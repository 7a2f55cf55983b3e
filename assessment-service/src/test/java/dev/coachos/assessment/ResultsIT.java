package dev.coachos.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Results by grading method, the batch gradebook (JSON and CSV), and regrading after a key change. */
class ResultsIT extends AssessmentTestBase {

    private record Setup(UUID courseId, String teacher, String quizId, JsonNode question, UUID batch) {
    }

    /** A published quiz of one JEE Main question (+4, -1) and one short answer (3 points). */
    private Setup quizWith(Map<String, Object> settings) {
        Course course = knownCourse("Physics");
        String teacher = teacherOf(course.id(), UUID.randomUUID());
        String id = quiz(teacher, course.official().id(), settings).path("id").asString();
        question(teacher, id, multipleChoice("Unit of force?"));
        question(teacher, id, shortAnswer("Who wrote the Principia?"));
        publish(teacher, id);
        return new Setup(course.id(), teacher, id, questionsByText(teacher, id).get("Unit of force?"),
                batch(course.id(), null, UUID.randomUUID()));
    }

    /** One attempt: the option with this text picked, the short answer left blank or given; submitted. */
    private String attempt(String student, Setup setup, String option, String text) {
        Response started = api.post("/api/v1/quizzes/" + setup.quizId() + "/attempts", student, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.text("id");
        api.put("/api/v1/attempts/" + id + "/answers/" + setup.question().path("id").asString(), student,
                Map.of("optionIds", List.of(optionId(setup.question(), option))));
        if (text != null) {
            String shortId = questionsByText(setup.teacher(), setup.quizId()).get("Who wrote the Principia?")
                    .path("id").asString();
            api.put("/api/v1/attempts/" + id + "/answers/" + shortId, student, Map.of("text", text));
        }
        Response submitted = api.post("/api/v1/attempts/" + id + "/submit", student, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return id;
    }

    @Test
    void theQuizsGradingMethodCombinesAStudentsGradedAttemptsAndTheGradebookShowsEveryStudent() {
        Setup setup = quizWith(Map.of("attemptsAllowed", 0, "gradingMethod", "AVERAGE", "passingPercent", 10));
        UUID kabir = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        UUID zoya = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        UUID idle = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        attempt(student(kabir), setup, "right", "newton");  // 4 + 3 = 7
        attempt(student(kabir), setup, "wrong 1", null);    // -1 + 0 = -1
        String zoyas = attempt(student(zoya), setup, "right", null); // 4

        // AVERAGE of 7.00 and -1.00 = 3.00 of 7.00: 42.86 %, passes at 10 %.
        Response own = api.get("/api/v1/quizzes/" + setup.quizId() + "/results", student(kabir));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json()).hasSize(1);
        assertThat(own.json().get(0).path("score").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(own.json().get(0).path("percent").decimalValue()).isEqualByComparingTo("42.86");
        assertThat(own.json().get(0).path("gradedAttempts").asInt()).isEqualTo(2);
        assertThat(own.json().get(0).path("passed").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/quizzes/" + setup.quizId() + "/results", setup.teacher()).json()).hasSize(2);
        // The student's own list shows it too: two attempts used, as many left as they like, none in progress.
        Response mine = api.get("/api/v1/quizzes/mine?courseId=" + setup.courseId(), student(kabir));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        assertThat(mine.json().get(0).at("/quiz/id").asString()).isEqualTo(setup.quizId());
        assertThat(mine.json().get(0).path("attemptsUsed").asInt()).isEqualTo(2);
        assertThat(mine.json().get(0).path("attemptsLeft").isNull()).isTrue();
        assertThat(mine.json().get(0).path("attemptInProgress").isNull()).isTrue();
        assertThat(mine.json().get(0).at("/result/percent").decimalValue()).isEqualByComparingTo("42.86");
        assertThat(api.get("/api/v1/quizzes/mine?courseId=" + setup.courseId(), setup.teacher()).status())
                .isEqualTo(403);
        // The event carries the result after this attempt.
        assertThat(outbox.payloads("QuizSubmitted", zoyas).getFirst().at("/result/percent").asString())
                .isEqualTo("57.14");

        Response book = api.get("/api/v1/gradebook/batches/" + setup.batch(), setup.teacher());
        assertThat(book.status()).as(book.toString()).isEqualTo(200);
        assertThat(book.json().path("quizzes")).hasSize(1);
        JsonNode rows = book.json().path("students");
        assertThat(rows).hasSize(3);
        for (JsonNode row : rows) {
            UUID student = UUID.fromString(row.path("studentId").asString());
            JsonNode result = row.path("results").get(0);
            if (student.equals(kabir)) {
                assertThat(result.path("percent").decimalValue()).isEqualByComparingTo("42.86");
                assertThat(row.path("averagePercent").decimalValue()).isEqualByComparingTo("42.86");
                assertThat(row.path("passed").asInt()).isEqualTo(1);
            } else if (student.equals(zoya)) {
                assertThat(result.path("percent").decimalValue()).isEqualByComparingTo("57.14");
            } else {
                assertThat(student).isEqualTo(idle);
                assertThat(result.isNull()).isTrue();
                assertThat(row.path("averagePercent").isNull()).isTrue();
            }
        }
        Response csv = api.get("/api/v1/gradebook/batches/" + setup.batch() + "?format=csv", setup.teacher());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.raw().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("student_id,enrollment_status,Kinematics drill (%),quizzes_passed,average_percent");
        assertThat(lines).contains(kabir + ",ACTIVE,42.86,1,42.86", zoya + ",ACTIVE,57.14,1,57.14",
                idle + ",ACTIVE,,0,");
        // Nobody else's: another course's teacher, a student.
        assertThat(api.get("/api/v1/gradebook/batches/" + setup.batch(), teacher(UUID.randomUUID())).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/gradebook/batches/" + setup.batch(), student(kabir)).status()).isEqualTo(403);
    }

    @Test
    void aRegradeListsOldAndNewScoresFirstThenAppliesThemKeepingATeachersGradeAndTellingTheStudents() {
        Setup setup = quizWith(Map.of("passingPercent", 50));
        UUID kabir = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        UUID zoya = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        String kabirs = attempt(student(kabir), setup, "wrong 1", "Isaac Newton"); // -1, short answer waits
        String zoyas = attempt(student(zoya), setup, "right", null);              // 4
        String shortId = questionsByText(setup.teacher(), setup.quizId()).get("Who wrote the Principia?")
                .path("id").asString();
        assertThat(api.put("/api/v1/attempts/" + kabirs + "/grades/" + shortId, setup.teacher(),
                Map.of("points", new BigDecimal("2.5"), "feedback", "Nearly")).status()).isEqualTo(200);

        // The key was wrong: "wrong 1" is the right answer.
        String questionId = setup.question().path("id").asString();
        Response key = api.put("/api/v1/quizzes/" + setup.quizId() + "/questions/" + questionId + "/key",
                setup.teacher(), Map.of("correctOptionIds", List.of(optionId(setup.question(), "wrong 1"))));
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat(key.json().at("/key/version").asInt()).isEqualTo(2);
        assertThat(errors(api.put("/api/v1/quizzes/" + setup.quizId() + "/questions/" + questionId + "/key",
                setup.teacher(), Map.of("correctOptionIds", List.of(UUID.randomUUID().toString())))))
                .containsExactly("correctOptionIds");

        Response dry = api.post("/api/v1/quizzes/" + setup.quizId() + "/regrade", setup.teacher(), null);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        Map<String, JsonNode> lines = new java.util.HashMap<>();
        dry.json().forEach(l -> lines.put(l.path("attemptId").asString(), l));
        // Kabir: 4 (now right) + 2.50 (the teacher's grade, kept) = 6.50; Zoya: -1.
        assertThat(lines.get(kabirs).path("oldScore").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(lines.get(kabirs).path("newScore").decimalValue()).isEqualByComparingTo("6.50");
        assertThat(lines.get(kabirs).path("newPassed").asBoolean()).isTrue();
        assertThat(lines.get(zoyas).path("oldScore").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(lines.get(zoyas).path("newScore").decimalValue()).isEqualByComparingTo("-1.00");
        assertThat(lines.values()).allMatch(l -> l.path("changed").asBoolean());
        // A dry run changes nothing.
        assertThat(jdbc.queryForObject("select score from attempt where id = ?::uuid", BigDecimal.class, zoyas))
                .isEqualByComparingTo("4.00");
        assertThat(outbox.payloads("QuizGraded", zoyas)).isEmpty();

        Response applied = api.post("/api/v1/quizzes/" + setup.quizId() + "/regrade?dryRun=false", setup.teacher(), null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select score from attempt where id = ?::uuid", BigDecimal.class, zoyas))
                .isEqualByComparingTo("-1.00");
        assertThat(jdbc.queryForObject("select score from attempt where id = ?::uuid", BigDecimal.class, kabirs))
                .isEqualByComparingTo("6.50");
        assertThat(outbox.payloads("QuizGraded", zoyas)).singleElement().satisfies(p -> {
            assertThat(p.path("reason").asString()).isEqualTo("REGRADE");
            assertThat(p.path("previousScore").asString()).isEqualTo("4.00");
            assertThat(p.path("score").asString()).isEqualTo("-1.00");
            assertThat(p.path("passed").asBoolean()).isFalse();
        });
        // Done once: a second run finds nothing graded with an older key.
        assertThat(api.post("/api/v1/quizzes/" + setup.quizId() + "/regrade?dryRun=false", setup.teacher(), null)
                .json()).isEmpty();
        assertThat(api.post("/api/v1/quizzes/" + setup.quizId() + "/regrade", student(kabir), null).status())
                .isEqualTo(403);
    }

    @Test
    void staffOfOneBranchReadTheirBranchsResultsOnlyAndCannotRegradeEveryBranch() {
        Setup setup = quizWith(Map.of());
        UUID branch = UUID.randomUUID();
        UUID here = enrolled(setup.courseId(), batch(setup.courseId(), null, branch), "ACTIVE");
        UUID elsewhere = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        attempt(student(here), setup, "right", null);
        attempt(student(elsewhere), setup, "right", null);
        String hr = KEYS.staff("HR_MANAGER", branch, "manage:quizzes");
        Response attempts = api.get("/api/v1/quizzes/" + setup.quizId() + "/attempts", hr);
        assertThat(attempts.status()).as(attempts.toString()).isEqualTo(200);
        assertThat(attempts.json().findValuesAsString("studentId")).containsExactly(here.toString());
        assertThat(api.get("/api/v1/quizzes/" + setup.quizId() + "/results", hr).json().findValuesAsString("studentId"))
                .containsExactly(here.toString());
        assertThat(api.post("/api/v1/quizzes/" + setup.quizId() + "/regrade", hr, null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/gradebook/batches/" + setup.batch(), hr).status()).isEqualTo(404);
        // A student who cannot see the quiz gets a 404, not an empty list.
        String stranger = student(UUID.randomUUID());
        assertThat(api.get("/api/v1/quizzes/" + setup.quizId() + "/attempts", stranger).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/quizzes/" + setup.quizId() + "/results", stranger).status()).isEqualTo(404);
    }

    @Test
    void anAveragePassesOnItsExactValueNotItsRoundedOne() {
        Course course = knownCourse("Essays");
        String teacher = teacherOf(course.id(), UUID.randomUUID());
        String id = quiz(teacher, course.official().id(), Map.of("gradingMethod", "AVERAGE", "attemptsAllowed", 0))
                .path("id").asString();
        String essay = question(teacher, id, Map.of("type", "SHORT_ANSWER", "text", "Essay", "points",
                new BigDecimal("200"))).path("id").asString();
        publish(teacher, id);
        UUID studentId = enrolled(course.id(), batch(course.id(), null, UUID.randomUUID()), "ACTIVE");
        for (String points : List.of("139.99", "140.00")) {
            String attempt = api.post("/api/v1/quizzes/" + id + "/attempts", student(studentId), null).text("id");
            api.put("/api/v1/attempts/" + attempt + "/answers/" + essay, student(studentId), Map.of("text", "An essay"));
            api.post("/api/v1/attempts/" + attempt + "/submit", student(studentId), null);
            assertThat(api.put("/api/v1/attempts/" + attempt + "/grades/" + essay, teacher,
                    Map.of("points", new BigDecimal(points))).status()).isEqualTo(200);
        }
        // (139.99 + 140.00) / 2 = 139.995: shown as 140.00 (70.00 %), but below 70 % of 200 exactly.
        JsonNode result = api.get("/api/v1/quizzes/" + id + "/results", teacher).json().get(0);
        assertThat(result.path("score").decimalValue()).isEqualByComparingTo("140.00");
        assertThat(result.path("percent").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(result.path("passed").asBoolean()).isFalse();
    }

    private static List<String> errors(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.errorFields();
    }
}
