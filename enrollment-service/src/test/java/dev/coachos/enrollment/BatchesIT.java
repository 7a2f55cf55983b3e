package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Batches: defaults from the course, schedules, teacher clashes, and who sees which batch. */
class BatchesIT extends EnrollmentTestBase {

    @Test
    void aBatchTakesItsFeeFromTheCourseAndPublishesBatchCreated() {
        UUID course = knownCourse("JEE Physics", "18500.00", true);
        Response created = api.post("/api/v1/batches", director, Map.of("courseId", course.toString(),
                "name", "JEE Physics Jan 2027", "startDate", "2027-01-04", "endDate", "2027-06-30",
                "schedule", Map.of("mon", "10:00-12:00", "thu", "16:30-18:00"), "feeFrequency", "MONTHLY",
                "teacherCompensation", 40000, "monthlyOverheadCost", 12000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode batch = created.json();
        assertThat(batch.path("capacity").asInt()).isEqualTo(30);
        assertThat(batch.path("fee").decimalValue()).isEqualByComparingTo("18500.00");
        assertThat(batch.path("seatsLeft").asInt()).isEqualTo(30);
        assertThat(batch.path("schedule").path("thu").asString()).isEqualTo("16:30-18:00");
        String event = events("BatchCreated", batch.path("id").asString()).getFirst();
        assertThat(event).contains("\"fee\": \"18500.00\"", "\"feeFrequency\": \"MONTHLY\"", "\"teacherCompensation\": \"40000.00\"");
    }

    @Test
    void badBatchesAreRefusedNamingTheField() {
        UUID course = knownCourse("Chemistry", "1000", true);
        Map<String, Object> base = Map.of("courseId", course.toString(), "name", "B", "startDate", "2027-01-04");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "schedule", Map.of("funday", "10:00-11:00")))))
                .containsExactly("schedule.funday");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "schedule", Map.of("mon", "10-11")))))
                .containsExactly("schedule.mon");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "schedule", Map.of("mon", "12:00-11:00")))))
                .containsExactly("schedule.mon");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "schedule", Map.of("mon", "25:00-26:00")))))
                .containsExactly("schedule.mon");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "endDate", "2026-01-01"))))
                .containsExactly("endDate");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "capacity", 0)))).containsExactly("capacity");
        assertThat(fields(api.post("/api/v1/batches", director, with(base, "fee", -1)))).containsExactly("fee");
        UUID inactive = knownCourse("Old", "10", false);
        assertThat(fields(api.post("/api/v1/batches", director, Map.of("courseId", inactive.toString(), "name", "B",
                "startDate", "2027-01-04")))).containsExactly("courseId");
        assertThat(count("select count(*) from batch where course_id = ?", course)).isZero();
    }

    @Test
    void aTeacherCannotBeInTwoBatchesAtOnce() {
        UUID course = knownCourse("Maths", "1000", true);
        UUID teacher = UUID.randomUUID();
        UUID first = batch(course, "Morning", 30, teacher, null, Map.of("mon", "10:00-12:00", "wed", "10:00-12:00"));
        Response clash = api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name", "Overlap",
                "startDate", LocalDate.now().toString(), "teacherId", teacher.toString(),
                "schedule", Map.of("wed", "11:30-13:00")));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("detail")).contains("Morning", first.toString(), "Wednesday", "10:00-12:00", "11:30-13:00");
        // Back to back is fine, and so is the same hour once the first batch has ended.
        batch(course, "Noon", 30, teacher, null, Map.of("wed", "12:00-13:00"));
        Response later = api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name", "Next year",
                "startDate", "2099-01-01", "teacherId", teacher.toString(), "schedule", Map.of("mon", "10:00-12:00")));
        assertThat(later.status()).isEqualTo(409);
        assertThat(api.patch("/api/v1/batches/" + first, director, Map.of("endDate", "2098-12-31")).status()).isEqualTo(200);
        assertThat(events("BatchUpdated", first.toString()).getFirst()).contains("\"endDate\": \"2098-12-31\"");
        assertThat(api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name", "Next year",
                "startDate", "2099-01-01", "teacherId", teacher.toString(), "schedule", Map.of("mon", "10:00-12:00")))
                .status()).isEqualTo(201);
        // Moving a teacher onto a clashing batch is refused too.
        UUID other = batch(course, "Evening", 30, null, null, Map.of("mon", "11:00-12:30"));
        assertThat(api.patch("/api/v1/batches/" + other, director, Map.of("teacherId", teacher.toString())).status())
                .isEqualTo(409);
    }

    @Test
    void eachCallerSeesOnlyTheBatchesInTheirReach() {
        UUID course = knownCourse("Biology", "1000", true);
        UUID pune = UUID.randomUUID();
        UUID delhi = UUID.randomUUID();
        UUID teacherId = UUID.randomUUID();
        UUID inPune = batch(course, "Pune batch", 30, teacherId, pune, Map.of());
        UUID inDelhi = batch(course, "Delhi batch", 30, null, delhi, Map.of());
        String puneOffice = backOffice(pune);
        assertThat(ids(api.get("/api/v1/batches?courseId=" + course, puneOffice))).containsExactly(inPune.toString());
        assertThat(api.get("/api/v1/batches/" + inDelhi, puneOffice).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/batches", puneOffice, Map.of("courseId", course.toString(), "name", "X",
                "startDate", "2027-01-01", "branchId", delhi.toString())).status()).isEqualTo(403);
        Response own = api.post("/api/v1/batches", puneOffice, Map.of("courseId", course.toString(), "name", "Pune 2",
                "startDate", "2027-01-01"));
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.text("branchId")).isEqualTo(pune.toString());

        assertThat(ids(api.get("/api/v1/batches", teacher(teacherId)))).containsExactly(inPune.toString());
        assertThat(api.get("/api/v1/batches/" + inPune, teacher(teacherId)).json().path("teacherCompensation").isNull())
                .isTrue();
        UUID studentId = UUID.randomUUID();
        assertThat(ids(api.get("/api/v1/batches", student(studentId)))).isEmpty();
        assertThat(enroll(director, studentId, course, inPune).status()).isEqualTo(201);
        assertThat(ids(api.get("/api/v1/batches", student(studentId)))).containsExactly(inPune.toString());
        assertThat(api.post("/api/v1/batches", student(studentId), Map.of("courseId", course.toString(), "name", "X",
                "startDate", "2027-01-01")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/batches", null).status()).isEqualTo(401);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("content").valueStream().map(n -> n.path("id").asString()).toList();
    }

    private static List<String> fields(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.errorFields();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
