package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.ApiClient.Response;

/**
 * Waitlists: a full batch puts students in line, a seat given back goes to the first in line in the
 * same transaction, an offer not confirmed in time goes to the next; counts stay exact under races.
 */
@TestPropertySource(properties = "coachos.enrollment.offer-sweep=200ms")
class WaitlistIT extends EnrollmentTestBase {

    @Test
    void aFullBatchPutsStudentsInLineAndAFreedSeatGoesToTheFirst() {
        UUID course = knownCourse("Waitlisted", "5000.00", true);
        UUID batch = batchWithWaitlist(course, 1, 2);
        UUID asha = newStudent();
        UUID ravi = newStudent();
        UUID meera = newStudent();
        String ashaEnrollment = enroll(director, asha, course, batch).text("id");
        Response raviWaits = enroll(director, ravi, course, batch);
        assertThat(raviWaits.status()).isEqualTo(201);
        assertThat(raviWaits.text("status")).isEqualTo("WAITLISTED");
        String raviEnrollment = raviWaits.text("id");
        String meeraEnrollment = enroll(director, meera, course, batch).text("id");
        Response full = enroll(director, newStudent(), course, batch);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.text("type")).isEqualTo("urn:coachos:problem:batch-full");
        assertThat(full.text("detail")).contains("waitlist is full");
        assertThat(outbox.payloads("WaitlistJoined", meeraEnrollment).getFirst().path("position").asInt()).isEqualTo(2);
        // Waiting is not enrolling: nothing downstream hears of a fee or grants access yet.
        assertThat(events("EnrollmentCreated", raviEnrollment)).isEmpty();

        assertThat(status(ashaEnrollment, "DROPPED").status()).isEqualTo(200);
        Response offered = api.get("/api/v1/enrollments/" + raviEnrollment, director);
        assertThat(offered.text("status")).isEqualTo("OFFERED");
        assertThat(offered.text("offeredUntil")).isNotNull();
        assertThat(outbox.payloads("WaitlistPromoted", raviEnrollment)).hasSize(1);
        // The promotion names the staff member whose request freed the seat.
        assertThat(outbox.actors("WaitlistPromoted", raviEnrollment).getFirst().path("userId").asString())
                .isEqualTo(directorId.toString());
        assertThat(outbox.actors("WaitlistPromoted", raviEnrollment).getFirst().path("via").asString())
                .isEqualTo("request");
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(1);
        assertThat(count("select waitlisted from batch where id = ?", batch)).isEqualTo(1);

        // Only the student offered the seat (or staff) confirms it; then the enrollment is a real one.
        assertThat(api.post("/api/v1/enrollments/" + raviEnrollment + "/confirm", student(meera), null).status())
                .isEqualTo(404);
        Response confirmed = api.post("/api/v1/enrollments/" + raviEnrollment + "/confirm", student(ravi), null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("ACTIVE");
        assertThat(events("EnrollmentCreated", raviEnrollment)).hasSize(1);
        assertThat(api.post("/api/v1/enrollments/" + raviEnrollment + "/confirm", student(ravi), null).status())
                .isEqualTo(409);

        // A raised capacity offers the new seat to the next in line; an offer left unconfirmed passes on.
        assertThat(api.patch("/api/v1/batches/" + batch, director, Map.of("capacity", 2)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enrollments/" + meeraEnrollment, director).text("status")).isEqualTo("OFFERED");
        jdbc.update("update enrollment set offered_until = now() - interval '1 minute' where id = ?::uuid", meeraEnrollment);
        // Past its deadline an offer is confirmed by nobody, staff included.
        assertThat(status(meeraEnrollment, "ACTIVE").status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DROPPED".equals(
                api.get("/api/v1/enrollments/" + meeraEnrollment, director).text("status")));
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(1);
        assertThat(count("select waitlisted from batch where id = ?", batch)).isZero();
        assertThat(outbox.payloads("EnrollmentStatusChanged", meeraEnrollment).getLast().path("reason").asString())
                .contains("not confirmed in time");
        // No person dropped it: the sweep did, and the event says so.
        assertThat(outbox.actors("EnrollmentStatusChanged", meeraEnrollment).getLast().path("via").asString())
                .isEqualTo("job:offer-expiry");
        // Leaving the line gives the place back; a dropped student may enroll again (history kept).
        UUID kiran = newStudent();
        String kiranEnrollment = enroll(director, kiran, course, batch).text("id");
        assertThat(status(kiranEnrollment, "DROPPED").status()).isEqualTo(200);
        Response again = enroll(director, asha, course, batch);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isNotEqualTo(ashaEnrollment);
        // Progress follows the live enrollment, not the dropped one.
        knownLessons(course, null, Map.of(UUID.randomUUID(), 1));
        assertThat(api.get("/api/v1/progress/courses/" + course + "/students/" + asha, director).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/progress/courses/" + course, student(asha)).status()).isEqualTo(200);
        assertThat(count("select count(*) from enrollment where student_id = ? and course_id = ?", asha, course))
                .isEqualTo(2);
        assertThat(api.put("/api/v1/enrollments/" + again.text("id") + "/status", director, Map.of("status", "OFFERED"))
                .status()).isEqualTo(409);
    }

    @Test
    void underRacesSeatsAndPlacesInLineStayExact() throws Exception {
        UUID course = knownCourse("Rush", "1000", true);
        UUID batch = batchWithWaitlist(course, 5, 5);
        List<Response> joined = race(20, i -> enroll(director, newStudent(), course, batch));
        assertThat(joined.stream().filter(r -> "ACTIVE".equals(r.text("status")))).hasSize(5);
        assertThat(joined.stream().filter(r -> "WAITLISTED".equals(r.text("status")))).hasSize(5);
        assertThat(joined.stream().filter(r -> r.status() == 409)).hasSize(10);
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(5);
        assertThat(count("select waitlisted from batch where id = ?", batch)).isEqualTo(5);

        List<String> active = joined.stream().filter(r -> "ACTIVE".equals(r.text("status"))).map(r -> r.text("id")).toList();
        List<String> inLine = jdbc.queryForList("""
                select id::text from enrollment where batch_id = ? and status = 'WAITLISTED' order by waitlisted_at, id""",
                String.class, batch);
        List<Response> dropped = race(5, i -> status(active.get(i), "DROPPED"));
        assertThat(dropped).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(jdbc.queryForList("select id::text from enrollment where batch_id = ? and status = 'OFFERED'",
                String.class, batch)).containsExactlyInAnyOrderElementsOf(inLine);
        assertThat(count("select seats_taken from batch where id = ?", batch)).isEqualTo(5);
        assertThat(count("select waitlisted from batch where id = ?", batch)).isZero();
        assertThat(count("select count(*) from enrollment where batch_id = ? and status in ('OFFERED', 'ACTIVE')", batch))
                .isEqualTo(5);
        for (String promoted : inLine) {
            assertThat(events("WaitlistPromoted", promoted)).hasSize(1);
        }
    }

    private UUID batchWithWaitlist(UUID course, int capacity, int waitlist) {
        Response created = api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name",
                "Waitlisted " + UUID.randomUUID(), "startDate", "2027-01-04", "capacity", capacity,
                "waitlistCapacity", waitlist, "offerHours", 24));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("waitlistCapacity").asInt()).isEqualTo(waitlist);
        return UUID.fromString(created.text("id"));
    }

    private Response status(String id, String status) {
        return api.put("/api/v1/enrollments/" + id + "/status", director, Map.of("status", status));
    }

    /** Runs n requests at once and returns their answers. */
    static List<Response> race(int n, java.util.function.IntFunction<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> racers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            racers.add(() -> {
                start.await();
                return request.apply(index);
            });
        }
        List<Response> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(n)) {
            List<Future<Response>> futures = racers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Response> future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }
}
