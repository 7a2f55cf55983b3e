package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * course-service as it runs (see {@link ServiceIntegrationTest}); CourseEventsIT relays its events
 * to a real broker.
 */
@IsolatedDatabase(service = "course")
public abstract class CourseTestBase extends ServiceIntegrationTest {

    protected static final List<String> STUDENT = List.of("read:courses");
    protected static final List<String> TEACHER = List.of("read:courses", "create:curricula");

    protected static String teacher(UUID id) {
        return KEYS.teacher(id, TEACHER.toArray(String[]::new));
    }

    protected static String student(UUID id) {
        return KEYS.student(id, STUDENT.toArray(String[]::new));
    }

    /** A student enrolled in the course, as enrollment-service's events would have recorded it here. */
    protected String enrolledStudent(String courseId) {
        return enrolledStudent(UUID.randomUUID(), courseId);
    }

    protected String enrolledStudent(UUID student, String courseId) {
        jdbc.update("""
                insert into course_enrollment (enrollment_id, student_id, course_id, status, updated_at)
                values (?, ?, ?::uuid, 'ACTIVE', now())""", UUID.randomUUID(), student, courseId);
        return student(student);
    }

    protected JsonNode createCourse(String title, String price, String level, boolean active) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("price", new BigDecimal(price));
        body.put("level", level);
        body.put("active", active);
        Response created = api.post("/api/v1/courses", director, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected String officialCurriculum(String courseId) {
        return jdbc.queryForObject("select id::text from curriculum where course_id = ?::uuid and teacher_id is null",
                String.class, courseId);
    }

    protected String addModule(String curriculumId, String token, String title) {
        Response module = api.post("/api/v1/curricula/" + curriculumId + "/modules", token, Map.of("title", title));
        assertThat(module.status()).as(module.toString()).isEqualTo(201);
        return module.text("id");
    }

    protected String addLesson(String moduleId, String token, String title, int weightage) {
        Response lesson = api.post("/api/v1/modules/" + moduleId + "/lessons", token,
                Map.of("title", title, "weightage", weightage, "contentUrl", "/content/" + title.replace(' ', '-') + ".mdx"));
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(201);
        return lesson.text("id");
    }

    /** The outbox's events of one type about one aggregate, oldest first. */
    protected List<String> events(String type, String aggregateId) {
        return outbox.events(type, aggregateId);
    }
}
