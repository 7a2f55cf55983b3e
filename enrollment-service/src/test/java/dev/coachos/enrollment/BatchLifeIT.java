package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** A batch's life (close, reopen, cancel, a new fee) and moving enrollments between batches. */
class BatchLifeIT extends EnrollmentTestBase {

    @Test
    void aClosedBatchTakesNoOneAndACancelledOneDropsItsEnrollments() {
        UUID course = knownCourse("Life", "3000.00", true);
        UUID batch = created(course, "Life batch", 1, 2);
        UUID asha = newStudent();
        String ashaEnrollment = enroll(director, asha, course, batch).text("id");
        String waiting = enroll(director, newStudent(), course, batch).text("id");

        Response closed = api.post("/api/v1/batches/" + batch + "/close", director, Map.of("reason", "term started"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/enrollments/" + waiting, director).text("status")).isEqualTo("DROPPED");
        assertThat(count("select waitlisted from batch where id = ?", batch)).isZero();
        Response refused = enroll(director, newStudent(), course, batch);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:coachos:problem:batch-not-open");
        assertThat(api.get("/api/v1/enrollments/" + ashaEnrollment, director).text("status")).isEqualTo("ACTIVE");

        assertThat(api.post("/api/v1/batches/" + batch + "/reopen", director, null).text("status")).isEqualTo("OPEN");
        Response cancelled = api.post("/api/v1/batches/" + batch + "/cancel", director, Map.of("reason", "teacher left"));
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/enrollments/" + ashaEnrollment, director).text("status")).isEqualTo("DROPPED");
        assertThat(outbox.payloads("EnrollmentStatusChanged", ashaEnrollment).getLast().path("reason").asString())
                .isEqualTo("teacher left");
        assertThat(count("select seats_taken from batch where id = ?", batch)).isZero();
        assertThat(outbox.payloads("BatchUpdated", batch.toString()).getLast().path("status").asString())
                .isEqualTo("CANCELLED");
        assertThat(api.post("/api/v1/batches/" + batch + "/reopen", director, null).status()).isEqualTo(409);
        assertThat(api.patch("/api/v1/batches/" + batch, director, Map.of("capacity", 5)).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/batches/" + batch + "/cancel", backOffice(UUID.randomUUID()), null).status())
                .isEqualTo(404);
    }

    @Test
    void aNewFeeAppliesToEnrollmentsFromNowOn() {
        UUID course = knownCourse("Fees", "10000.00", true);
        UUID batch = created(course, "Fee batch", 10, 0);
        String before = enroll(director, newStudent(), course, batch).text("id");
        Response changed = api.patch("/api/v1/batches/" + batch, director, Map.of("fee", new java.math.BigDecimal("12000.00"),
                "feeFrequency", "MONTHLY"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var event = outbox.payloads("BatchFeeChanged", batch.toString()).getFirst();
        assertThat(event.path("previousFee").asString()).isEqualTo("10000.00");
        assertThat(event.path("fee").asString()).isEqualTo("12000.00");
        assertThat(event.path("feeFrequency").asString()).isEqualTo("MONTHLY");
        String after = enroll(director, newStudent(), course, batch).text("id");
        assertThat(api.get("/api/v1/enrollments/" + before, director).json().path("netFee").decimalValue())
                .isEqualByComparingTo("10000.00");
        assertThat(api.get("/api/v1/enrollments/" + after, director).json().path("netFee").decimalValue())
                .isEqualByComparingTo("12000.00");
        // The same fee again is no change.
        api.patch("/api/v1/batches/" + batch, director, Map.of("fee", new java.math.BigDecimal("12000.00")));
        assertThat(outbox.count("BatchFeeChanged")).isEqualTo(1);
        assertThat(api.patch("/api/v1/batches/" + batch, director, Map.of("capacity", 1)).errorFields())
                .containsExactly("capacity");
    }

    @Test
    void anEnrollmentMovesToAnotherBatchOfItsCourseAndItsSeatGoesToTheLine() {
        UUID course = knownCourse("Moves", "2000.00", true);
        UUID from = created(course, "Morning", 1, 1);
        UUID to = created(course, "Evening", 1, 0);
        UUID asha = newStudent();
        String moving = enroll(director, asha, course, from).text("id");
        String waiting = enroll(director, newStudent(), course, from).text("id");

        Response moved = api.post("/api/v1/enrollments/" + moving + "/transfer", director,
                Map.of("batchId", to.toString(), "reason", "prefers evenings"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("batchId")).isEqualTo(to.toString());
        assertThat(api.get("/api/v1/enrollments/" + waiting, director).text("status")).isEqualTo("OFFERED");
        assertThat(count("select seats_taken from batch where id = ?", from)).isEqualTo(1);
        assertThat(count("select seats_taken from batch where id = ?", to)).isEqualTo(1);
        var event = outbox.payloads("EnrollmentTransferred", moving).getFirst();
        assertThat(event.path("fromBatchId").asString()).isEqualTo(from.toString());
        assertThat(event.path("toBatchId").asString()).isEqualTo(to.toString());

        // Into a full batch, into another course's batch, or the same batch: refused, nothing moves.
        Response full = api.post("/api/v1/enrollments/" + waiting + "/transfer", director, Map.of("batchId", to.toString()));
        assertThat(full.status()).isEqualTo(409);
        UUID otherCourse = created(knownCourse("Other", "1.00", true), "Other", 5, 0);
        assertThat(api.post("/api/v1/enrollments/" + moving + "/transfer", director,
                Map.of("batchId", otherCourse.toString())).errorFields()).containsExactly("batchId");
        assertThat(api.post("/api/v1/enrollments/" + moving + "/transfer", director,
                Map.of("batchId", to.toString())).errorFields()).containsExactly("batchId");
        assertThat(count("select seats_taken from batch where id = ?", to)).isEqualTo(1);
        UUID closed = created(course, "Closed", 5, 0);
        api.post("/api/v1/batches/" + closed + "/close", director, null);
        Response intoClosed = api.post("/api/v1/enrollments/" + moving + "/transfer", director,
                Map.of("batchId", closed.toString()));
        assertThat(intoClosed.status()).isEqualTo(409);
        assertThat(intoClosed.text("type")).isEqualTo("urn:coachos:problem:batch-not-open");
    }

    @Test
    void crossingTransfersNeitherDeadlockNorMiscount() throws Exception {
        UUID course = knownCourse("Crossing", "1000", true);
        UUID left = created(course, "Left", 20, 0);
        UUID right = created(course, "Right", 20, 0);
        List<String> lefts = new java.util.ArrayList<>();
        List<String> rights = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lefts.add(enroll(director, newStudent(), course, left).text("id"));
            rights.add(enroll(director, newStudent(), course, right).text("id"));
        }
        List<Response> moves = WaitlistIT.race(16, i -> i % 2 == 0
                ? api.post("/api/v1/enrollments/" + lefts.get(i / 2) + "/transfer", director, Map.of("batchId", right.toString()))
                : api.post("/api/v1/enrollments/" + rights.get(i / 2) + "/transfer", director, Map.of("batchId", left.toString())));
        assertThat(moves).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(count("select seats_taken from batch where id = ?", left)).isEqualTo(8);
        assertThat(count("select seats_taken from batch where id = ?", right)).isEqualTo(8);
        assertThat(count("select count(*) from enrollment where batch_id = ? and status = 'ACTIVE'", left)).isEqualTo(8);
    }

    private UUID created(UUID course, String name, int capacity, int waitlist) {
        Response created = api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name", name,
                "startDate", "2027-01-04", "capacity", capacity, "waitlistCapacity", waitlist));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }
}
