package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.IsolatedDatabase;
import dev.coachos.testing.JwksServer;
import dev.coachos.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * course-service as it runs: a real HTTP port, its own database on the real PostgreSQL, tokens
 * signed by a key it trusts through a real JWKS endpoint. Events stay in the outbox here (the
 * tests read them there); CourseEventsIT relays them to a real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase(service = "course")
@TestPropertySource(properties = {"coachos.outbox.relay-enabled=false", "spring.kafka.admin.auto-create=false",
        "spring.kafka.listener.auto-startup=false", "eureka.client.enabled=false"})
public abstract class CourseTestBase {

    protected static final TestTokens KEYS = TestTokens.withNewKey();
    /** Shared by every test class of this JVM; its thread ends with the JVM. */
    static final JwksServer JWKS = new JwksServer(KEYS::jwksJson);

    protected static final List<String> STUDENT = List.of("read:courses");
    protected static final List<String> TEACHER = List.of("read:courses", "create:curricula");

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    protected ApiClient api;

    protected final UUID directorId = UUID.randomUUID();
    protected String director;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("coachos.security.jwk-set-uri", JWKS::url);
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
        director = KEYS.director(directorId);
    }

    protected static String teacher(UUID id) {
        return KEYS.token().subject(id).roles(List.of("TEACHER")).permissions(TEACHER)
                .teacherProfile().sign();
    }

    protected static String student(UUID id) {
        return KEYS.token().subject(id).roles(List.of("STUDENT")).permissions(STUDENT)
                .studentProfile().sign();
    }

    /** A student enrolled in the course, as enrollment-service's events would have recorded it here. */
    protected String enrolledStudent(String courseId) {
        return enrolledStudent(UUID.randomUUID(), courseId);
    }

    protected String enrolledStudent(UUID student, String courseId) {
        jdbc.update("""
                insert into enrolled_student (student_id, course_id, status, updated_at) values (?, ?::uuid, 'ACTIVE', now())
                on conflict do nothing""", student, courseId);
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

    /** The payloads of the outbox's events of one type about one aggregate, oldest first. */
    protected List<String> events(String type, String aggregateId) {
        return jdbc.queryForList("select envelope::text from outbox_event where type = ? and record_key = ? order by seq",
                String.class, type, aggregateId);
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
