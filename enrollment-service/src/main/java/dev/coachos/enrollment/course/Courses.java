package dev.coachos.enrollment.course;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;

import dev.coachos.platform.http.ServiceClient;
import dev.coachos.platform.web.Problems;

/**
 * Courses as this service knows them: the read model fed by course events first; on a miss,
 * course-service itself through a {@link ServiceClient} (and the answer is kept). When neither can
 * say, a 503 problem.
 */
@Service
public class Courses {

    private final JdbcClient jdbc;
    private final ServiceClient courseService;

    Courses(JdbcClient jdbc, CourseClientProperties properties, ObjectProvider<LoadBalancerClient> loadBalancer,
            RestClient.Builder http) {
        this.jdbc = jdbc;
        this.courseService = new ServiceClient("course-service", properties.settings(), loadBalancer, http);
    }

    /** The course, which must exist and be active; 400 if it does not, 503 if nobody can tell. */
    public Course requireActive(UUID courseId, String field) {
        Optional<Course> known = known(courseId);
        if (known.isPresent()) {
            if (!known.get().active()) {
                throw Problems.invalidField(field, "course " + courseId + " is not active");
            }
            return known.get();
        }
        // The public catalogue answers for active courses only: an inactive one is "not found" there too.
        Optional<CourseFacts> fetched;
        try {
            fetched = courseService.find("/api/v1/courses/" + courseId, CourseFacts.class);
        } catch (ErrorResponseException unavailable) {
            throw Problems.raise(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE, "Service unavailable",
                    "Course " + courseId + " is not known here yet and course-service cannot be reached; try again shortly");
        }
        CourseFacts facts = fetched.filter(CourseFacts::active)
                .orElseThrow(() -> Problems.invalidField(field, "no active course with id " + courseId));
        // Kept as revision -1: any event about the course replaces it.
        jdbc.sql("""
                insert into course_view (course_id, title, price, active, revision, updated_at)
                values (?, ?, ?, true, -1, ?) on conflict (course_id) do nothing""")
                .params(courseId, facts.title(), facts.price(), Timestamp.from(Instant.now())).update();
        return new Course(courseId, facts.title(), facts.price(), true);
    }

    /** The course as kept here (active or not), without asking course-service. */
    public Optional<Course> known(UUID courseId) {
        return jdbc.sql("select course_id, title, price, active from course_view where course_id = ?")
                .param(courseId)
                .query((rs, n) -> new Course(rs.getObject("course_id", UUID.class), rs.getString("title"),
                        rs.getBigDecimal("price"), rs.getBoolean("active")))
                .optional();
    }

    /** The title kept for a course, or null if it is not known here. */
    public String knownTitle(UUID courseId) {
        return jdbc.sql("select title from course_view where course_id = ?").param(courseId).query(String.class)
                .optional().orElse(null);
    }

    /** The fields of course-service's course this service keeps. */
    record CourseFacts(UUID id, String title, BigDecimal price, boolean active) {
    }

    /** A course as kept here. */
    public record Course(UUID id, String title, BigDecimal price, boolean active) {
    }
}
