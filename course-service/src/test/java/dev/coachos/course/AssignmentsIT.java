package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** Assignments, submissions until the due date, grading, and whose submissions each user sees. */
class AssignmentsIT extends CourseTestBase {

    @Test
    void studentsSubmitAndResubmitTheTeacherGradesAndEachStudentSeesOnlyTheirOwn() {
        String course = createCourse("Assignment Course", "100", "BEGINNER", true).path("id").asString();
        String official = officialCurriculum(course);
        String lesson = addLesson(addModule(official, director, "Module"), director, "Lesson", 1);
        UUID teacherId = UUID.randomUUID();
        String teacher = teacher(teacherId);
        api.put("/api/v1/courses/" + course + "/teachers/" + teacherId, director, null);

        Map<String, Object> assignment = Map.of("curriculumId", official, "lessonId", lesson, "title", "Worksheet 1",
                "instructions", "<p>Solve all</p><script>x()</script>", "dueAt",
                Instant.now().plus(7, ChronoUnit.DAYS).toString(), "maxPoints", 20);
        assertThat(api.post("/api/v1/assignments", teacher(UUID.randomUUID()), assignment).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/assignments", enrolledStudent(course), assignment).status()).isEqualTo(403);
        Response created = api.post("/api/v1/assignments", teacher, assignment);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("instructions")).isEqualTo("<p>Solve all</p>");
        String id = created.text("id");

        UUID ashaId = UUID.randomUUID();
        String asha = enrolledStudent(ashaId, course);
        String ravi = enrolledStudent(course);
        assertThat(api.post("/api/v1/assignments/" + id + "/submissions", student(UUID.randomUUID()),
                Map.of("text", "not enrolled")).status()).isEqualTo(404);
        Response first = api.post("/api/v1/assignments/" + id + "/submissions", asha, Map.of("text", "x = 2"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response second = api.post("/api/v1/assignments/" + id + "/submissions", asha,
                Map.of("text", "x = 3", "linkUrl", "https://drive.example.in/asha.pdf"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.json().path("attempts").asInt()).isEqualTo(2);
        assertThat(api.post("/api/v1/assignments/" + id + "/submissions", ravi, Map.of("text", "x = 4")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/assignments/" + id + "/submissions", ravi, Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/assignments/" + id + "/submissions", ravi, Map.of("linkUrl", "ftp://x")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/assignments/" + id + "/submissions", teacher, Map.of("text", "t")).status())
                .isEqualTo(403);

        assertThat(api.get("/api/v1/assignments/" + id + "/submissions", teacher).json().size()).isEqualTo(2);
        List<String> seenByAsha = api.get("/api/v1/assignments/" + id + "/submissions", asha).json().valueStream()
                .map(s -> s.path("studentId").asString()).toList();
        assertThat(seenByAsha).containsExactly(ashaId.toString());
        assertThat(api.get("/api/v1/submissions/" + first.text("id"), ravi).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/submissions", asha).json().path("content").size()).isEqualTo(1);

        assertThat(api.post("/api/v1/submissions/" + first.text("id") + "/grade", asha,
                Map.of("attempt", 2, "points", 20)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/submissions/" + first.text("id") + "/grade", ravi,
                Map.of("attempt", 2, "points", 20)).status()).isEqualTo(404);
        // A grade for the attempt the teacher read, when the student has resubmitted since, is refused.
        Response stale = api.post("/api/v1/submissions/" + first.text("id") + "/grade", teacher,
                Map.of("attempt", 1, "points", 5));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("attempt 2");
        assertThat(api.post("/api/v1/submissions/" + first.text("id") + "/grade", teacher, Map.of("points", 5)).status())
                .isEqualTo(400);
        Response tooMany = api.post("/api/v1/submissions/" + first.text("id") + "/grade", teacher,
                Map.of("attempt", 2, "points", 21));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorFields()).containsExactly("points");
        assertThat(events("SubmissionGraded", first.text("id"))).isEmpty();
        Response graded = api.post("/api/v1/submissions/" + first.text("id") + "/grade", teacher,
                Map.of("attempt", 2, "points", 18, "feedback", "Check step 3"));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.text("status")).isEqualTo("GRADED");
        assertThat(api.get("/api/v1/submissions/" + first.text("id"), asha).json().path("points").asInt()).isEqualTo(18);
        assertThat(api.post("/api/v1/assignments/" + id + "/submissions", asha, Map.of("text", "late change")).status())
                .isEqualTo(409);

        assertThat(events("AssignmentSubmitted", first.text("id"))).hasSize(2);
        // A teacher taken off the course no longer grades it.
        api.delete("/api/v1/courses/" + course + "/teachers/" + teacherId, director);
        String raviSubmission = api.get("/api/v1/assignments/" + id + "/submissions", ravi).json().get(0).path("id").asString();
        assertThat(api.post("/api/v1/submissions/" + raviSubmission + "/grade", teacher,
                Map.of("attempt", 1, "points", 3)).status()).isEqualTo(404);
        assertThat(events("SubmissionGraded", first.text("id")).getFirst())
                .contains(ashaId.toString(), "\"points\": 18", "\"maxPoints\": 20", "Worksheet 1");
    }

    @Test
    void nothingIsAcceptedAfterTheDueDate() {
        String course = createCourse("Deadline Course", "100", "BEGINNER", true).path("id").asString();
        String official = officialCurriculum(course);
        Response past = api.post("/api/v1/assignments", director, Map.of("curriculumId", official, "title", "Past",
                "dueAt", Instant.now().minus(1, ChronoUnit.HOURS).toString(), "maxPoints", 10));
        assertThat(past.status()).as(past.toString()).isEqualTo(201);
        Response late = api.post("/api/v1/assignments/" + past.text("id") + "/submissions", enrolledStudent(course),
                Map.of("text", "sorry"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("detail")).contains("due date");
        assertThat(count("select count(*) from submission where assignment_id = ?::uuid", past.text("id"))).isZero();

        String otherCourse = createCourse("Other Deadline", "100", "BEGINNER", true).path("id").asString();
        String foreignLesson = addLesson(addModule(officialCurriculum(otherCourse), director, "M"), director, "L", 1);
        Response wrongLesson = api.post("/api/v1/assignments", director, Map.of("curriculumId", official,
                "lessonId", foreignLesson, "title", "X", "dueAt", Instant.now().plusSeconds(60).toString(), "maxPoints", 10));
        assertThat(wrongLesson.status()).isEqualTo(400);
        assertThat(wrongLesson.errorFields()).containsExactly("lessonId");
        assertThat(api.post("/api/v1/assignments", director, Map.of("curriculumId", official, "title", "X",
                "dueAt", "tomorrow", "maxPoints", 10)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/assignments", director, Map.of("curriculumId", official, "title", "X",
                "dueAt", Instant.now().toString(), "maxPoints", 0)).status()).isEqualTo(400);
    }
}
