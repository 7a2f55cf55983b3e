package dev.coachos.enrollment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/**
 * A course the read model has not heard of is asked of course-service (WireMock here): found,
 * slow, failing, and recovering after the circuit breaker opened.
 */
class CourseLookupIT extends EnrollmentTestBase {

    @BeforeEach
    void reset() {
        COURSES.resetAll();
    }

    @Test
    void anUnknownCourseIsFetchedOnceAndKept() {
        UUID course = UUID.randomUUID();
        COURSES.stubFor(get("/api/v1/courses/" + course).willReturn(json(course, true)));
        assertThat(create(course).status()).isEqualTo(201);
        assertThat(create(course).status()).isEqualTo(201);
        COURSES.verify(1, getRequestedFor(urlEqualTo("/api/v1/courses/" + course)));
        assertThat(jdbc.queryForObject("select price::text from course_view where course_id = ?", String.class, course))
                .isEqualTo("7500.00");
        UUID missing = UUID.randomUUID();
        COURSES.stubFor(get("/api/v1/courses/" + missing).willReturn(aResponse().withStatus(404)));
        Response unknown = create(missing);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("courseId");
    }

    @Test
    void aSlowOrFailingCourseServiceGivesA503AndTheBreakerStopsCallingUntilItRecovers() {
        UUID slow = UUID.randomUUID();
        // The stand-in hangs for 30 s; the service gives up after its read time-out (2 s here, 3 tries).
        COURSES.stubFor(get("/api/v1/courses/" + slow).willReturn(json(slow, true).withFixedDelay(30_000)));
        long started = System.nanoTime();
        Response timedOut = create(slow);
        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(timedOut.text("type")).isEqualTo("urn:coachos:problem:service-unavailable");
        // Far below the stand-in's 30 s, and generous enough for a loaded 2-core machine.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));

        UUID failing = UUID.randomUUID();
        COURSES.stubFor(get("/api/v1/courses/" + failing).willReturn(aResponse().withStatus(500)));
        assertThat(create(failing).status()).isEqualTo(503);
        // Every lookup is retried; after enough failures the breaker opens and calls stop reaching course-service.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            int before = COURSES.findAll(getRequestedFor(urlEqualTo("/api/v1/courses/" + failing))).size();
            Response response = create(failing);
            int after = COURSES.findAll(getRequestedFor(urlEqualTo("/api/v1/courses/" + failing))).size();
            return response.status() == 503 && after == before;
        });
        assertThat(count("select count(*) from batch where course_id = ?", failing)).isZero();

        // course-service recovers: once the breaker lets a trial call through, lookups work again.
        COURSES.stubFor(get("/api/v1/courses/" + failing).willReturn(json(failing, true)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> create(failing).status() == 201);
    }

    private Response create(UUID course) {
        return api.post("/api/v1/batches", director, Map.of("courseId", course.toString(), "name", "Lookup",
                "startDate", "2027-01-04"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(UUID course, boolean active) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"id":"%s","title":"Fetched course","slug":"fetched","price":7500.00,"level":"BEGINNER","active":%s}"""
                .formatted(course, active));
    }
}
