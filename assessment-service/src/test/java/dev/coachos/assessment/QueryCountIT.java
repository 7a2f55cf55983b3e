package dev.coachos.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.StatementCounter;

/**
 * No N+1: reading an attempt costs the same statements for 3 questions as for 60 (the attempt,
 * its quiz, the questions with options and keys, the responses), and so do saving an answer (the
 * attempt, its quiz, that question, the update) and submitting it.
 */
@Import(StatementCounter.class)
class QueryCountIT extends AssessmentTestBase {

    @Test
    void anAttemptViewAndItsSubmitTakeTheSameStatementsForThreeQuestionsAsForSixty() {
        Course course = knownCourse("Counted");
        String teacher = teacherOf(course.id(), UUID.randomUUID());
        UUID student = enrolled(course.id(), batch(course.id(), null, UUID.randomUUID()), "ACTIVE");
        String small = attemptAt(quizOf(teacher, course, 3), student);
        String large = attemptAt(quizOf(teacher, course, 60), student);

        int forSmall = statements("GET", small, 3);
        int forLarge = statements("GET", large, 60);
        assertThat(forLarge).isEqualTo(forSmall).isEqualTo(4);
        assertThat(answerStatements(large)).isEqualTo(answerStatements(small)).isEqualTo(4);
        assertThat(statements("POST", large, 60)).isEqualTo(statements("POST", small, 3));
    }

    private String quizOf(String teacher, Course course, int questions) {
        String id = quiz(teacher, course.official().id(), Map.of("title", questions + " questions")).path("id").asString();
        for (int i = 0; i < questions; i++) {
            question(teacher, id, i % 2 == 0 ? multipleChoice("Q" + i) : shortAnswer("Q" + i));
        }
        publish(teacher, id);
        return id;
    }

    private String attemptAt(String quizId, UUID student) {
        Response started = api.post("/api/v1/quizzes/" + quizId + "/attempts", student(student), null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.text("id");
    }

    /** The statements of saving one answer (the attempt, its quiz, the question, the update). */
    private int answerStatements(String attemptId) {
        String token = student(UUID.fromString(jdbc.queryForObject(
                "select student_id::text from attempt where id = ?::uuid", String.class, attemptId)));
        String question = jdbc.queryForObject("select question_order[1]::text from attempt where id = ?::uuid",
                String.class, attemptId);
        String option = jdbc.queryForObject("select id::text from question_option where question_id = ?::uuid "
                + "and position = 1", String.class, question);
        StatementCounter.Counted<Response> counted = StatementCounter.during(() -> api.put("/api/v1/attempts/"
                + attemptId + "/answers/" + question, token, Map.of("optionIds", java.util.List.of(option))));
        assertThat(counted.result().status()).as(counted.result().toString()).isEqualTo(200);
        assertThat(counted.result().json().path("selectedOptionIds")).hasSize(1);
        return counted.statements();
    }

    /** The statements of reading (GET) or submitting (POST) the attempt, after checking its questions. */
    private int statements(String method, String attemptId, int questions) {
        String path = "/api/v1/attempts/" + attemptId + (method.equals("POST") ? "/submit" : "");
        String token = student(UUID.fromString(jdbc.queryForObject(
                "select student_id::text from attempt where id = ?::uuid", String.class, attemptId)));
        StatementCounter.Counted<Response> counted = StatementCounter.during(() -> method.equals("POST")
                ? api.post(path, token, null) : api.get(path, token));
        assertThat(counted.result().status()).as(counted.result().toString()).isEqualTo(200);
        assertThat(counted.result().json().path("questions")).hasSize(questions);
        return counted.statements();
    }
}
