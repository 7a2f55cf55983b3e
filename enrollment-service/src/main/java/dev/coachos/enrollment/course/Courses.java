package dev.coachos.enrollment.course;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.coachos.platform.web.Problems;

/**
 * Courses as this service knows them: the read model fed by course events first; on a miss,
 * course-service itself (and the answer is kept). When neither can say, a 503 problem.
 */
@Service
public class Courses {

    private final JdbcClient jdbc;
    private final CourseClient client;

    Courses(JdbcClient jdbc, CourseClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** The course, which must exist and be active; 400 if it does not, 503 if nobody can tell. */
    public Course requireActive(UUID courseId, String field) {
        Optional<Course> known = jdbc.sql("select course_id, title, price, active from course_view where course_id = ?")
                .param(courseId)
                .query((rs, n) -> new Course(rs.getObject("course_id", UUID.class), rs.getString("title"),
                        rs.getBigDecimal("price"), rs.getBoolean("active")))
                .optional();
        if (known.isPresent()) {
            if (!known.get().active()) {
                throw Problems.invalidField(field, "course " + courseId + " is not active");
            }
            return known.get();
        }
        Optional<CourseClient.CourseFacts> fetched;
        try {
            fetched = client.fetch(courseId);
        } catch (CourseClient.Unavailable e) {
            throw Problems.raise(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE, "Service unavailable",
                    "Course " + courseId + " is not known here yet and course-service cannot be reached; try again shortly");
        }
        CourseClient.CourseFacts facts = fetched
                .orElseThrow(() -> Problems.invalidField(field, "no active course with id " + courseId));
        // Kept as revision -1: any event about the course replaces it.
        jdbc.sql("""
                insert into course_view (course_id, title, price, active, revision, updated_at)
                values (?, ?, ?, true, -1, ?) on conflict (course_id) do nothing""")
                .params(courseId, facts.title(), facts.price(), Timestamp.from(Instant.now())).update();
        return new Course(courseId, facts.title(), facts.price(), true);
    }

    /** A course as kept here. */
    public record Course(UUID id, String title, BigDecimal price, boolean active) {
    }
}
