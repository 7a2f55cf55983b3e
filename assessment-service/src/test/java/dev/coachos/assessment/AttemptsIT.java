package dev.coachos.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.coachos.assessment.attempt.DeadlineSweep;
import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * Attempts through HTTP: starting (once, whatever races), answering, submitting and grading on the
 * server, deadlines and the sweep, manual grading, and who reads what.
 */
class AttemptsIT extends AssessmentTestBase {

    @Autowired
    DeadlineSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A published quiz with one question of each type; the teacher's token and the quiz's id. */
    private record Setup(UUID courseId, String teacher, String quizId, Map<String, JsonNode> questions, UUID batch) {
    }

    private Setup publishedQuiz(Map<String, Object> settings) {
        Course course = knownCourse("Physics");
        UUID teacherId = UUID.randomUUID();
        String teacher = teacherOf(course.id(), teacherId);
        String id = quiz(teacher, course.official().id(), settings).path("id").asString();
        question(teacher, id, multipleChoice("Unit of force?"));
        question(teacher, id, multipleSelect("Vectors?", "PARTIAL_NO_WRONG"));
        question(teacher, id, trueFalse("Mass is a vector", false));
        question(teacher, id, shortAnswer("Who wrote the Principia?"));
        publish(teacher, id);
        return new Setup(course.id(), teacher, id, questionsByText(teacher, id), batch(course.id(), null, UUID.randomUUID()));
    }

    private JsonNode start(String token, String quizId, int status) {
        Response started = api.post("/api/v1/quizzes/" + quizId + "/attempts", token, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(status);
        return started.json();
    }

    private Response answer(String token, String attemptId, JsonNode question, Map<String, Object> body) {
        return api.put("/api/v1/attempts/" + attemptId + "/answers/" + question.path("id").asString(), token, body);
    }

    private Map<String, Object> pick(JsonNode question, String... texts) {
        List<String> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(optionId(question, text));
        }
        return Map.of("optionIds", ids);
    }

    @Test
    void aStudentAttemptsTheQuizAndIsGradedOnTheServerTheMomentTheySubmit() {
        Setup setup = publishedQuiz(Map.of("durationMinutes", 30, "reviewAnswers", "AFTER_SUBMIT"));
        UUID studentId = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        String student = student(studentId);

        JsonNode attempt = start(student, setup.quizId(), 201);
        String attemptId = attempt.path("id").asString();
        assertThat(attempt.path("number").asInt()).isEqualTo(1);
        assertThat(attempt.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(attempt.path("deadline").asString()).isNotEmpty();
        // A refresh gives the same attempt back, not a fresh one.
        assertThat(start(student, setup.quizId(), 200).path("id").asString()).isEqualTo(attemptId);
        JsonNode listed = api.get("/api/v1/quizzes/mine?courseId=" + setup.courseId(), student).json().get(0);
        assertThat(listed.path("attemptInProgress").asString()).isEqualTo(attemptId);
        assertThat(listed.path("attemptsUsed").asInt()).isEqualTo(1);
        assertThat(listed.path("attemptsLeft").asInt()).isZero();
        assertThat(listed.path("result").isNull()).isTrue();

        Response view = api.get("/api/v1/attempts/" + attemptId, student);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(view.json().path("questions")).hasSize(4);
        // Nothing in the student's view tells which option is right.
        assertThat(view.raw()).doesNotContain("\"correct\"").doesNotContain("correctOptionIds")
                .doesNotContain("new*ton").doesNotContain("shortKeys");

        Map<String, JsonNode> q = setup.questions();
        assertThat(answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "wrong 1")).status())
                .isEqualTo(200);
        // Saving again (the right one this time, then the same twice) keeps the last answer.
        answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right"));
        Response same = answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("selectedOptionIds")).hasSize(1);
        // JEE Advanced partial marking: two of the three right options, no wrong one: 4 x 2 / 4 = 2.
        answer(student, attemptId, q.get("Vectors?"), pick(q.get("Vectors?"), "A", "B"));
        // True/false left unanswered: 0, never negative.
        Response text = answer(student, attemptId, q.get("Who wrote the Principia?"), Map.of("text", "  Isaac NEWTON "));
        assertThat(text.status()).isEqualTo(200);

        // Bad answers are refused and change nothing.
        String otherQuestionsOption = optionId(q.get("Vectors?"), "A");
        Response foreign = answer(student, attemptId, q.get("Unit of force?"), Map.of("optionIds", List.of(otherQuestionsOption)));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.errorFields()).containsExactly("optionIds");
        Response two = answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right", "wrong 2"));
        assertThat(two.status()).isEqualTo(400);
        assertThat(answer(student, attemptId, q.get("Unit of force?"), Map.of("text", "newton")).status()).isEqualTo(400);
        assertThat(api.put("/api/v1/attempts/" + attemptId + "/answers/" + UUID.randomUUID(), student,
                Map.of("text", "x")).status()).isEqualTo(404);

        Response submitted = api.post("/api/v1/attempts/" + attemptId + "/submit", student, null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode result = submitted.json();
        // 4 (right) + 2 (partial) + 0 (unanswered) + 3 ("Isaac NEWTON" does not match new*ton... see below)
        assertThat(result.at("/attempt/status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(result.at("/attempt/score").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(result.at("/attempt/passed").isNull() || result.at("/attempt/passed").isMissingNode()).isTrue();
        Map<String, JsonNode> byText = new java.util.HashMap<>();
        result.path("questions").forEach(v -> byText.put(v.path("text").asString(), v));
        assertThat(byText.get("Unit of force?").path("outcome").asString()).isEqualTo("CORRECT");
        assertThat(byText.get("Unit of force?").path("points").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(byText.get("Vectors?").path("outcome").asString()).isEqualTo("PARTIAL");
        assertThat(byText.get("Vectors?").path("points").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(byText.get("Mass is a vector").path("outcome").asString()).isEqualTo("UNANSWERED");
        assertThat(byText.get("Mass is a vector").path("points").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(byText.get("Who wrote the Principia?").path("outcome").asString()).isEqualTo("NEEDS_REVIEW");
        // Right answers are shown after submitting (this quiz's review setting).
        assertThat(byText.get("Unit of force?").path("correctOptionIds")).hasSize(1);

        assertThat(outbox.payloads("QuizSubmitted", attemptId)).singleElement().satisfies(p -> {
            assertThat(p.path("status").asString()).isEqualTo("PENDING_REVIEW");
            assertThat(p.path("score").asString()).isEqualTo("6.00");
            assertThat(p.path("maxScore").asString()).isEqualTo("12.00");
            assertThat(p.path("percent").asString()).isEqualTo("50.00");
            assertThat(p.path("passed").isNull()).isTrue();
            assertThat(p.path("studentId").asString()).isEqualTo(studentId.toString());
            assertThat(p.path("submittedBy").asString()).isEqualTo("STUDENT");
            assertThat(p.path("marksVisible").asBoolean()).isTrue();
        });
        // Submitted: no more answers, no second submit; one attempt allowed, so no new one.
        assertThat(answer(student, attemptId, q.get("Mass is a vector"), pick(q.get("Mass is a vector"), "False")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/attempts/" + attemptId + "/submit", student, null).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/quizzes/" + setup.quizId() + "/attempts", student, null).status()).isEqualTo(409);

        // The teacher grades the short answer the keys did not match; the attempt is graded and passes? 9/12 = 75 %.
        String questionId = q.get("Who wrote the Principia?").path("id").asString();
        assertThat(api.put("/api/v1/attempts/" + attemptId + "/grades/" + questionId, setup.teacher(),
                Map.of("points", new java.math.BigDecimal("3.5"))).status()).isEqualTo(400);
        Response graded = api.put("/api/v1/attempts/" + attemptId + "/grades/" + questionId, setup.teacher(),
                Map.of("points", new java.math.BigDecimal("3"), "feedback", "Right: Isaac Newton"));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.json().at("/attempt/status").asString()).isEqualTo("GRADED");
        assertThat(graded.json().at("/attempt/score").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(graded.json().at("/attempt/percent").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(graded.json().at("/attempt/passed").asBoolean()).isTrue();
        assertThat(outbox.payloads("QuizGraded", attemptId)).singleElement().satisfies(p -> {
            assertThat(p.path("reason").asString()).isEqualTo("MANUAL");
            assertThat(p.path("previousScore").asString()).isEqualTo("6.00");
            assertThat(p.path("score").asString()).isEqualTo("9.00");
            assertThat(p.path("passed").asBoolean()).isTrue();
        });
        JsonNode seen = api.get("/api/v1/attempts/" + attemptId, student).json();
        JsonNode principia = null;
        for (JsonNode v : seen.path("questions")) {
            if (v.path("text").asString().equals("Who wrote the Principia?")) {
                principia = v;
            }
        }
        assertThat(principia).isNotNull();
        assertThat(principia.path("feedback").asString()).isEqualTo("Right: Isaac Newton");
        assertThat(principia.path("points").decimalValue()).isEqualByComparingTo("3.00");
        // The automatic mark is kept beside the teacher's.
        assertThat(count("select count(*) from response where question_id = ?::uuid and auto_outcome = 'NEEDS_REVIEW' "
                + "and manual_points = 3", questionId)).isEqualTo(1);
    }

    @Test
    void twoTabsStartingAtOnceGetOneAttempt() throws Exception {
        Setup setup = publishedQuiz(Map.of("attemptsAllowed", 0));
        String student = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        ExecutorService tabs = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(() -> api.post("/api/v1/quizzes/" + setup.quizId() + "/attempts", student, null));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> started : tabs.invokeAll(starts)) {
                Response response = started.get();
                assertThat(response.status()).as(response.toString()).isIn(200, 201);
                ids.add(response.text("id"));
            }
            assertThat(Set.copyOf(ids)).hasSize(1);
        } finally {
            tabs.shutdownNow();
        }
        assertThat(count("select count(*) from attempt where quiz_id = ?::uuid", setup.quizId())).isEqualTo(1);
    }

    @Test
    void anAttemptWhoseTimeRanOutTakesNoMoreAnswersAndTheSweepSubmitsWhatWasSaved() {
        Setup setup = publishedQuiz(Map.of("durationMinutes", 10));
        UUID studentId = enrolled(setup.courseId(), setup.batch(), "ACTIVE");
        String student = student(studentId);
        String attemptId = start(student, setup.quizId(), 201).path("id").asString();
        Map<String, JsonNode> q = setup.questions();
        answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "wrong 2"));

        // Within the grace after the deadline an answer is still taken...
        clock.advance(Duration.ofMinutes(10).plusSeconds(30));
        assertThat(answer(student, attemptId, q.get("Mass is a vector"), pick(q.get("Mass is a vector"), "False"))
                .status()).isEqualTo(200);
        // ...not after it; and the sweep does not touch it before then either.
        assertThat(sweep.sweep()).isZero();
        clock.advance(Duration.ofSeconds(31));
        Response late = answer(student, attemptId, q.get("Vectors?"), pick(q.get("Vectors?"), "A"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("detail")).contains("ran out of time");

        // An overdue attempt that cannot be graded (its stored option order is damaged) is logged and
        // skipped: it does not hold up this one.
        jdbc.update("""
                insert into attempt (id, quiz_id, student_id, number, status, started_at, deadline, question_order,
                    option_order, max_score)
                select gen_random_uuid(), quiz_id, gen_random_uuid(), 1, 'IN_PROGRESS', started_at,
                    deadline - interval '1 minute', question_order, '"damaged"', max_score
                from attempt where id = ?::uuid""", attemptId);
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();
        // JEE Main marking: the wrong single answer costs 1; the true/false saved in the grace scores 1.
        JsonNode result = api.get("/api/v1/attempts/" + attemptId, student).json();
        assertThat(result.at("/attempt/submittedBy").asString()).isEqualTo("DEADLINE");
        assertThat(result.at("/attempt/status").asString()).isEqualTo("GRADED");
        assertThat(result.at("/attempt/score").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(outbox.payloads("QuizSubmitted", attemptId)).singleElement()
                .satisfies(p -> assertThat(p.path("submittedBy").asString()).isEqualTo("DEADLINE"));
        // The envelope names the job as the actor.
        assertThat(outbox.events("QuizSubmitted", attemptId).getFirst()).contains("job:quiz-deadline");
    }

    @Test
    void aQuizThatShowsEachResultAtOnceTakesEachAnswerOnce() {
        Setup setup = publishedQuiz(Map.of("reviewCorrectness", "DURING"));
        String student = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        String attemptId = start(student, setup.quizId(), 201).path("id").asString();
        Map<String, JsonNode> q = setup.questions();
        Response first = answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "wrong 1"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("outcome").asString()).isEqualTo("WRONG");
        // The same answer again changes nothing; another one is refused: no trying until right.
        assertThat(answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "wrong 1")).status())
                .isEqualTo(200);
        Response second = answer(student, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("detail")).contains("final");
    }

    @Test
    void anAttemptPastItsTimeIsSubmittedAsTheDeadlinesWhenItsStudentComesBack() {
        Setup setup = publishedQuiz(Map.of("durationMinutes", 5, "attemptsAllowed", 0));
        String student = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        String first = start(student, setup.quizId(), 201).path("id").asString();
        Map<String, JsonNode> q = setup.questions();
        answer(student, first, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right"));
        clock.advance(Duration.ofMinutes(7));
        // Starting again: the old one is submitted with what was saved, and a new one begins.
        JsonNode second = start(student, setup.quizId(), 201);
        assertThat(second.path("number").asInt()).isEqualTo(2);
        JsonNode old = api.get("/api/v1/attempts/" + first, student).json();
        assertThat(old.at("/attempt/submittedBy").asString()).isEqualTo("DEADLINE");
        assertThat(old.at("/attempt/score").decimalValue()).isEqualByComparingTo("4.00");
        // Submitting after the time ran out submits it too, as the deadline's.
        clock.advance(Duration.ofMinutes(7));
        Response late = api.post("/api/v1/attempts/" + second.path("id").asString() + "/submit", student, null);
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        assertThat(late.json().at("/attempt/submittedBy").asString()).isEqualTo("DEADLINE");
        assertThat(sweep.sweep()).isZero();
    }

    @Test
    void rightAnswersShownAfterCloseWaitForTheGraceAndAnEarlierCloseEndsAttemptsInProgress() {
        Instant closes = clock.instant().plus(Duration.ofMinutes(30));
        Setup setup = publishedQuiz(Map.of("closesAt", closes.toString(), "attemptsAllowed", 0));
        String early = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        String late = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        String submitted = start(early, setup.quizId(), 201).path("id").asString();
        api.post("/api/v1/attempts/" + submitted + "/submit", early, null);
        String running = start(late, setup.quizId(), 201).path("id").asString();

        // The teacher closes it ten minutes early: the attempt in progress now ends then.
        Instant earlier = closes.minus(Duration.ofMinutes(10));
        assertThat(api.patch("/api/v1/quizzes/" + setup.quizId(), setup.teacher(), Map.of("closesAt", earlier.toString()))
                .status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select deadline from attempt where id = ?::uuid", java.sql.Timestamp.class,
                running).toInstant()).isCloseTo(earlier,
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
        // Just after closing, others may still be answering within the grace: no right answers yet.
        clock.advance(Duration.between(clock.instant(), earlier).plusSeconds(30));
        assertThat(api.get("/api/v1/attempts/" + submitted, early).json().path("questions").findValues("correctOptionIds"))
                .isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(api.get("/api/v1/attempts/" + submitted, early).json().path("questions").findValues("correctOptionIds"))
                .isNotEmpty();
    }

    @Test
    void studentsReachOnlyTheirOwnAttemptsAndTeachersOnlyThoseOfTheirCourses() {
        Setup setup = publishedQuiz(Map.of("reviewMarks", "NEVER", "reviewCorrectness", "NEVER"));
        String owner = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        String classmate = student(enrolled(setup.courseId(), setup.batch(), "ACTIVE"));
        String attemptId = start(owner, setup.quizId(), 201).path("id").asString();

        assertThat(api.get("/api/v1/attempts/" + attemptId, classmate).status()).isEqualTo(404);
        Map<String, JsonNode> q = setup.questions();
        assertThat(answer(classmate, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/attempts/" + attemptId, teacher(UUID.randomUUID())).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attempts/" + attemptId, setup.teacher()).status()).isEqualTo(200);
        assertThat(answer(setup.teacher(), attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right"))
                .status()).isEqualTo(403);
        // A student not enrolled (or not ACTIVE) cannot start one.
        assertThat(api.post("/api/v1/quizzes/" + setup.quizId() + "/attempts", student(UUID.randomUUID()), null).status())
                .isEqualTo(404);
        String dropped = student(enrolled(setup.courseId(), setup.batch(), "DROPPED"));
        assertThat(api.post("/api/v1/quizzes/" + setup.quizId() + "/attempts", dropped, null).status()).isEqualTo(404);

        // This quiz never shows marks: the student's own view and list have none, the teacher's have them.
        answer(owner, attemptId, q.get("Unit of force?"), pick(q.get("Unit of force?"), "right"));
        api.post("/api/v1/attempts/" + attemptId + "/submit", owner, null);
        // Its event says so, so that nobody tells the student their score.
        assertThat(outbox.payloads("QuizSubmitted", attemptId).getFirst().path("marksVisible").asBoolean()).isFalse();
        JsonNode own = api.get("/api/v1/attempts/" + attemptId, owner).json();
        assertThat(own.at("/attempt/score").isNull() || own.at("/attempt/score").isMissingNode()).isTrue();
        assertThat(own.path("questions").findValues("points")).isEmpty();
        assertThat(own.path("questions").findValues("outcome")).isEmpty();
        JsonNode list = api.get("/api/v1/quizzes/" + setup.quizId() + "/attempts", owner).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("score").isNull() || list.get(0).path("score").isMissingNode()).isTrue();
        JsonNode teachers = api.get("/api/v1/attempts/" + attemptId, setup.teacher()).json();
        assertThat(teachers.at("/attempt/score").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(api.get("/api/v1/quizzes/" + setup.quizId() + "/attempts", setup.teacher()).json()).hasSize(1);
    }
}
