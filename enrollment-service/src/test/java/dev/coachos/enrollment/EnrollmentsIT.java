package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** Enrollments: seats under concurrency, discounts, idempotent retries, status rules, privacy. */
class EnrollmentsIT extends EnrollmentTestBase {

    @Test
    void twentyRequestsRaceForTheLastSeatAndExactlyOneWins() throws Exception {
        UUID course = knownCourse("Race", "1000", true);
        UUID batch = batch(course, "Almost full", 3, null, null, Map.of());
        assertThat(enroll(director, UUID.randomUUID(), course, batch).status()).isEqualTo(201);
        assertThat(enroll(director, UUID.randomUUID(), course, batch).status()).isEqualTo(201);

        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID student = UUID.randomUUID();
            racers.add(() -> {
                start.await();
                return enroll(director, student, course, batch);
            });
        }
        List<Response> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            List<Future<Response>> futures = racers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Response> future : futures) {
                results.add(future.get());
            }
        }
        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        List<Response> refused = results.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(19).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.text("type")).isEqualTo("urn:coachos:problem:batch-full");
        });
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(3);
        assertThat(count("select count(*) from enrollment where batch_id = ?", batch)).isEqualTo(3);
        assertThat(count("select count(*) from outbox_event where type = 'EnrollmentCreated' and envelope->'payload'->>'batchId' = ?",
                batch.toString())).isEqualTo(3);
    }

    @Test
    void discountsAreAppliedAndNeverExceedTheFee() {
        UUID course = knownCourse("Discounts", "10000.00", true);
        UUID batch = batch(course, "Discounted", 30, null, null, Map.of());
        UUID student = newStudent();
        Response percent = api.post("/api/v1/enrollments", director, Map.of("studentId", student.toString(),
                "courseId", course.toString(), "batchId", batch.toString(), "discountType", "PERCENTAGE", "discount", 15));
        assertThat(percent.status()).as(percent.toString()).isEqualTo(201);
        assertThat(percent.json().path("netFee").decimalValue()).isEqualByComparingTo("8500.00");
        String event = events("EnrollmentCreated", percent.text("id")).getFirst();
        assertThat(event).contains("\"netFee\": \"8500.00\"", "\"discountType\": \"PERCENTAGE\"", "\"courseTitle\": \"Discounts\"",
                "\"batchName\": \"Discounted\"", "\"studentId\": \"" + student + "\"",
                // The batch's dates travel with the enrollment (its own events are on another partition).
                "\"batchStartDate\": \"" + LocalDate.now().minusDays(30) + "\"", "\"batchEndDate\": null");

        Map<String, Object> tooMuch = Map.of("studentId", newStudent().toString(), "courseId", course.toString(),
                "batchId", batch.toString(), "discountType", "FIXED", "discount", 10000.01);
        Response refused = api.post("/api/v1/enrollments", director, tooMuch);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("discount");
        assertThat(api.post("/api/v1/enrollments", director, Map.of("studentId", newStudent().toString(),
                "courseId", course.toString(), "batchId", batch.toString(), "discountType", "PERCENTAGE", "discount", 101))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/enrollments", director, Map.of("studentId", newStudent().toString(),
                "courseId", course.toString(), "batchId", batch.toString(), "discount", 5)).errorFields())
                .containsExactly("discountType");
        Response free = api.post("/api/v1/enrollments", director, Map.of("studentId", newStudent().toString(),
                "courseId", course.toString(), "batchId", batch.toString(), "discountType", "FIXED", "discount", 10000));
        assertThat(free.json().path("netFee").decimalValue()).isEqualByComparingTo("0");
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(2);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyCreatesNothingNew() {
        UUID course = knownCourse("Retry", "1000", true);
        UUID batch = batch(course, "Retry batch", 30, null, null, Map.of());
        Map<String, Object> body = Map.of("studentId", newStudent().toString(), "courseId", course.toString(),
                "batchId", batch.toString());
        String key = "enroll-" + UUID.randomUUID();
        Response first = api.send("POST", "/api/v1/enrollments", director, body, Map.of("Idempotency-Key", key));
        Response again = api.send("POST", "/api/v1/enrollments", director, body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from enrollment where batch_id = ?", batch)).isEqualTo(1);
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(1);
        assertThat(events("EnrollmentCreated", first.text("id"))).hasSize(1);
        // Even after the course was deactivated, the retry gets the first answer rather than a refusal.
        jdbc.update("update course_view set active = false where course_id = ?", course);
        Response late = api.send("POST", "/api/v1/enrollments", director, body, Map.of("Idempotency-Key", key));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.text("id")).isEqualTo(first.text("id"));
        jdbc.update("update course_view set active = true where course_id = ?", course);

        Map<String, Object> other = Map.of("studentId", newStudent().toString(), "courseId", course.toString(),
                "batchId", batch.toString());
        Response reused = api.send("POST", "/api/v1/enrollments", director, other, Map.of("Idempotency-Key", key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("type")).isEqualTo("urn:coachos:problem:idempotency-key-reused");
        // Without a key, the same request is a duplicate enrollment.
        Response duplicate = api.post("/api/v1/enrollments", director, body);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("detail")).contains("already enrolled");
    }

    @Test
    void statusMovesOnlyAlongItsRulesAndDroppingFreesTheSeat() {
        UUID course = knownCourse("Statuses", "1000", true);
        UUID batch = batch(course, "One seat", 1, null, null, Map.of());
        UUID student = UUID.randomUUID();
        String id = enroll(director, student, course, batch).text("id");
        assertThat(enroll(director, UUID.randomUUID(), course, batch).status()).isEqualTo(409);

        assertThat(status(id, "ON_HOLD").status()).isEqualTo(200);
        assertThat(status(id, "COMPLETED").status()).isEqualTo(409);
        assertThat(status(id, "ACTIVE").status()).isEqualTo(200);
        Response completed = status(id, "COMPLETED");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("completedAt")).isNotNull();
        assertThat(status(id, "ACTIVE").status()).isEqualTo(409);
        assertThat(status(id, "DROPPED").status()).isEqualTo(200);
        assertThat(status(id, "ACTIVE").status()).isEqualTo(409);
        assertThat(count("select seats_taken from batch where id = ?", batch)).isZero();
        assertThat(enroll(director, UUID.randomUUID(), course, batch).status()).isEqualTo(201);
        assertThat(events("EnrollmentStatusChanged", id)).hasSize(4);
        assertThat(api.put("/api/v1/enrollments/" + id + "/status", director, Map.of("status", "LOST")).status())
                .isEqualTo(400);
    }

    @Test
    void studentsSeeOnlyTheirOwnAndBranchStaffOnlyTheirBranch() {
        UUID course = knownCourse("Privacy", "1000", true);
        UUID pune = UUID.randomUUID();
        UUID batch = batch(course, "Pune", 30, null, pune, Map.of());
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        String ashaEnrollment = enroll(backOffice(pune), asha, course, batch).text("id");
        enroll(director, ravi, course, batch);

        Response mine = api.get("/api/v1/enrollments", student(asha));
        assertThat(mine.json().path("content").valueStream().map(e -> e.path("studentId").asString()).toList())
                .containsExactly(asha.toString());
        assertThat(api.get("/api/v1/enrollments/" + ashaEnrollment, student(ravi)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/enrollments/" + ashaEnrollment, student(asha)).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/enrollments/" + ashaEnrollment + "/status", student(asha),
                Map.of("status", "DROPPED")).status()).isEqualTo(403);
        String delhiOffice = backOffice(UUID.randomUUID());
        assertThat(api.get("/api/v1/enrollments/" + ashaEnrollment, delhiOffice).status()).isEqualTo(404);
        assertThat(enroll(delhiOffice, UUID.randomUUID(), course, batch).errorFields()).containsExactly("batchId");
        assertThat(api.get("/api/v1/enrollments?batchId=" + batch, backOffice(pune)).json().path("page")
                .path("totalElements").asInt()).isEqualTo(2);
        // Branch staff without read:enrollments (marketing, say) see no one's enrollments, not the branch's.
        String marketing = KEYS.token().roles(List.of("DIGITAL_MARKETING")).branch(pune)
                .permissions(List.of("read:courses", "read:batches")).staffProfile()
                .sign();
        assertThat(api.get("/api/v1/enrollments?batchId=" + batch, marketing).json().path("page").path("totalElements")
                .asInt()).isZero();
        assertThat(api.get("/api/v1/enrollments/" + ashaEnrollment, marketing).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/attendance/students/" + asha + "/summary", marketing).status()).isEqualTo(404);
    }

    private Response status(String id, String status) {
        return api.put("/api/v1/enrollments/" + id + "/status", director, Map.of("status", status));
    }
}
