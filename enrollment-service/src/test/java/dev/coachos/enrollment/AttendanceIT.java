package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** A teacher marks a whole session in one request; summaries per student and per batch. */
class AttendanceIT extends EnrollmentTestBase {

    @Test
    void aTeacherMarksASessionReMarkingReplacesAndSummariesCountRates() {
        UUID course = knownCourse("Attendance", "1000", true);
        UUID teacherId = UUID.randomUUID();
        UUID batch = batch(course, "Marked", 30, teacherId, null, Map.of("mon", "10:00-12:00"));
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        UUID meera = UUID.randomUUID();
        for (UUID s : List.of(asha, ravi, meera)) {
            assertThat(enroll(director, s, course, batch).status()).isEqualTo(201);
        }
        String teacher = teacher(teacherId);
        UUID lesson = UUID.randomUUID();
        knownLessons(course, null, Map.of(lesson, 1));
        String day1 = LocalDate.now().minusDays(2).toString();
        String day2 = LocalDate.now().minusDays(1).toString();
        Response marked = api.post("/api/v1/attendance", teacher, Map.of("batchId", batch.toString(), "date", day1,
                "lessonId", lesson.toString(), "records", List.of(
                        Map.of("studentId", asha.toString(), "status", "PRESENT"),
                        Map.of("studentId", ravi.toString(), "status", "ABSENT", "notes", "fever"),
                        Map.of("studentId", meera.toString(), "status", "LATE"))));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().path("records").size()).isEqualTo(3);
        // Re-marking the same session updates the record rather than adding one.
        api.post("/api/v1/attendance", teacher, Map.of("batchId", batch.toString(), "date", day1, "lessonId",
                lesson.toString(), "records", List.of(Map.of("studentId", ravi.toString(), "status", "EXCUSED",
                        "notes", "doctor's note"))));
        api.post("/api/v1/attendance", teacher, Map.of("batchId", batch.toString(), "date", day2, "records", List.of(
                Map.of("studentId", asha.toString(), "status", "PRESENT"),
                Map.of("studentId", ravi.toString(), "status", "ABSENT"))));
        assertThat(count("select count(*) from attendance where batch_id = ?", batch)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select status from attendance where student_id = ? and date = ?::date",
                String.class, ravi, day1)).isEqualTo("EXCUSED");
        assertThat(events("AttendanceMarked", batch.toString())).hasSize(3);

        JsonNode ravis = api.get("/api/v1/attendance/students/" + ravi + "/summary?from=" + day1 + "&to=" + day2,
                student(ravi)).json().path("counts");
        assertThat(ravis.path("excused").asInt()).isEqualTo(1);
        assertThat(ravis.path("absent").asInt()).isEqualTo(1);
        assertThat(ravis.path("attendanceRate").asDouble()).isEqualTo(0.0);
        JsonNode whole = api.get("/api/v1/attendance/batches/" + batch + "/summary?from=" + day1 + "&to=" + day2, teacher)
                .json();
        assertThat(whole.path("counts").path("total").asInt()).isEqualTo(5);
        assertThat(whole.path("counts").path("attendanceRate").asDouble()).isEqualTo(60.0);
        assertThat(whole.path("students").size()).isEqualTo(3);
        assertThat(api.get("/api/v1/attendance?batchId=" + batch + "&date=" + day2, teacher).json().path("records").size())
                .isEqualTo(2);
    }

    @Test
    void onlyTheBatchTeacherMarksAndOnlyEnrolledStudentsAreMarked() {
        UUID course = knownCourse("Attendance rules", "1000", true);
        UUID teacherId = UUID.randomUUID();
        UUID batch = batch(course, "Rules", 30, teacherId, null, Map.of());
        UUID asha = UUID.randomUUID();
        enroll(director, asha, course, batch);
        String yesterday = LocalDate.now().minusDays(1).toString();
        Map<String, Object> body = Map.of("batchId", batch.toString(), "date", yesterday, "records",
                List.of(Map.of("studentId", asha.toString(), "status", "PRESENT")));
        assertThat(api.post("/api/v1/attendance", teacher(UUID.randomUUID()), body).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attendance/batches/" + batch + "/summary?to=-999999999-01-01", teacher(teacherId))
                .errorFields()).containsExactly("to");
        assertThat(api.post("/api/v1/attendance", student(asha), body).status()).isEqualTo(403);
        Response stranger = api.post("/api/v1/attendance", teacher(teacherId), Map.of("batchId", batch.toString(),
                "date", yesterday, "records", List.of(Map.of("studentId", asha.toString(), "status", "PRESENT"),
                        Map.of("studentId", UUID.randomUUID().toString(), "status", "PRESENT"))));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.errorFields()).containsExactly("records[1].studentId");
        assertThat(api.post("/api/v1/attendance", teacher(teacherId), Map.of("batchId", batch.toString(),
                "date", LocalDate.now().plusDays(3).toString(), "records", List.of(Map.of("studentId", asha.toString(),
                        "status", "PRESENT")))).errorFields()).containsExactly("date");
        assertThat(api.post("/api/v1/attendance", teacher(teacherId), Map.of("batchId", batch.toString(),
                "date", yesterday, "records", List.of(Map.of("studentId", asha.toString(), "status", "SLEEPING"))))
                .status()).isEqualTo(400);
        assertThat(count("select count(*) from attendance where batch_id = ?", batch)).isZero();
        assertThat(api.get("/api/v1/attendance/students/" + asha + "/summary", student(UUID.randomUUID())).status())
                .isEqualTo(404);

        // A lesson of another course is refused; a student in two batches is marked in each, the same day.
        UUID otherCourse = knownCourse("Second course", "1000", true);
        UUID foreignLesson = UUID.randomUUID();
        knownLessons(otherCourse, null, Map.of(foreignLesson, 1));
        assertThat(api.post("/api/v1/attendance", teacher(teacherId), Map.of("batchId", batch.toString(), "date",
                yesterday, "lessonId", foreignLesson.toString(), "records", List.of(Map.of("studentId",
                        asha.toString(), "status", "PRESENT")))).errorFields()).containsExactly("lessonId");
        UUID otherTeacher = UUID.randomUUID();
        UUID otherBatch = batch(otherCourse, "Second batch", 30, otherTeacher, null, Map.of());
        enroll(director, asha, otherCourse, otherBatch);
        assertThat(api.post("/api/v1/attendance", teacher(teacherId), body).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/attendance", teacher(otherTeacher), Map.of("batchId", otherBatch.toString(),
                "date", yesterday, "records", List.of(Map.of("studentId", asha.toString(), "status", "ABSENT"))))
                .status()).isEqualTo(200);
        assertThat(count("select count(*) from attendance where student_id = ? and date = ?::date", asha, yesterday))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select status from attendance where batch_id = ? and student_id = ?",
                String.class, batch, asha)).isEqualTo("PRESENT");
    }
}
