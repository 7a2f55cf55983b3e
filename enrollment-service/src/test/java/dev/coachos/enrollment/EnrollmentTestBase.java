package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;

/**
 * enrollment-service as it runs (see {@link ServiceIntegrationTest}), with WireMock standing in
 * for course-service's HTTP API.
 */
@IsolatedDatabase(service = "enrollment")
@TestPropertySource(properties = {"coachos.courses.read-timeout=2s", "coachos.courses.wait-between-attempts=50ms",
        "coachos.courses.breaker-open-for=1s", "coachos.enrollment.directory-wait=300ms"})
public abstract class EnrollmentTestBase extends ServiceIntegrationTest {

    protected static final WireMockServer COURSES = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        COURSES.start();
        Runtime.getRuntime().addShutdownHook(new Thread(COURSES::stop));
    }

    @DynamicPropertySource
    static void courseService(DynamicPropertyRegistry registry) {
        registry.add("coachos.courses.base-url", COURSES::baseUrl);
    }

    /** A user as the directory would know them after identity-service's events; a branch fills in an unknown one. */
    protected void knownUser(UUID id, String profile, UUID branch) {
        jdbc.update("""
                insert into known_user (user_id, role, profile_type, branch_id, active, updated_at)
                values (?, ?, ?, ?, true, now())
                on conflict (user_id) do update set branch_id = coalesce(known_user.branch_id, excluded.branch_id)""",
                id, profile, profile, branch);
    }

    /** A new student the directory knows, of no branch. */
    protected UUID newStudent() {
        UUID id = UUID.randomUUID();
        knownUser(id, "STUDENT", null);
        return id;
    }

    protected static String backOffice(UUID branch) {
        return KEYS.staff("BACKOFFICE", branch, "read:courses", "manage:batches", "manage:enrollments", "read:attendance");
    }

    protected String teacher(UUID id) {
        knownUser(id, "TEACHER", null);
        return KEYS.teacher(id, "read:courses", "read:batches", "read:enrollments", "manage:attendance");
    }

    protected String student(UUID id) {
        knownUser(id, "STUDENT", null);
        return KEYS.student(id, "read:courses");
    }

    /** A course as the read model would hold it after course-service's events. */
    protected UUID knownCourse(String title, String price, boolean active) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into course_view (course_id, title, price, active, revision, updated_at) values (?, ?, ?, ?, 0, now())",
                id, title, new BigDecimal(price), active);
        return id;
    }

    /** A curriculum's lessons as the read model would hold them after LessonsChanged. */
    protected UUID knownLessons(UUID course, UUID teacher, Map<UUID, Integer> weights) {
        UUID curriculum = UUID.randomUUID();
        jdbc.update("insert into curriculum_view (curriculum_id, course_id, teacher_id, revision, updated_at) values (?, ?, ?, 1, now())",
                curriculum, course, teacher);
        int position = 1;
        for (Map.Entry<UUID, Integer> lesson : weights.entrySet()) {
            jdbc.update("insert into curriculum_lesson (curriculum_id, lesson_id, position, weightage) values (?, ?, ?, ?)",
                    curriculum, lesson.getKey(), position++, lesson.getValue());
        }
        return curriculum;
    }

    protected UUID batch(UUID course, String name, int capacity, UUID teacher, UUID branch, Map<String, String> schedule) {
        Map<String, Object> body = new HashMap<>();
        body.put("courseId", course.toString());
        body.put("name", name);
        body.put("startDate", LocalDate.now().minusDays(30).toString());
        body.put("capacity", capacity);
        body.put("schedule", schedule);
        if (teacher != null) {
            knownUser(teacher, "TEACHER", null);
            body.put("teacherId", teacher.toString());
        }
        if (branch != null) {
            body.put("branchId", branch.toString());
        }
        Response created = api.post("/api/v1/batches", director, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    /** Enrolls a student, whom the directory is made to know first (in the batch's branch). */
    protected Response enroll(String token, UUID student, UUID course, UUID batch) {
        knownUser(student, "STUDENT", jdbc.queryForObject("select branch_id from batch where id = ?", UUID.class, batch));
        return api.post("/api/v1/enrollments", token, Map.of("studentId", student.toString(), "courseId",
                course.toString(), "batchId", batch.toString()));
    }

    protected List<String> events(String type, String aggregateId) {
        return outbox.events(type, aggregateId);
    }
}
