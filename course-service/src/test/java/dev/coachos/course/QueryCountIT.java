package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.StatementCounter;

/**
 * No N+1: the effective-curriculum tree and a catalogue page cost the same number of SQL
 * statements whatever their size. Every statement the service prepares is counted at the
 * DataSource, so nothing it runs escapes the count.
 */
@Import(StatementCounter.class)
class QueryCountIT extends CourseTestBase {

    @Test
    void theEffectiveCurriculumTakesTheSameStatementsForOneLessonAsForSixty() {
        String small = treeOf(1, 1);
        String large = treeOf(6, 10);
        UUID studentId = UUID.randomUUID();
        enrolledStudent(studentId, small);
        String student = enrolledStudent(studentId, large);

        int forSmall = statements(() -> api.get("/api/v1/courses/" + small + "/curriculum", student), 1);
        int forLarge = statements(() -> api.get("/api/v1/courses/" + large + "/curriculum", student), 60);

        assertThat(forLarge).isEqualTo(forSmall);
        // Curriculum choice, access checks (teaching? enrolled?), then modules, lessons and lesson resources.
        assertThat(forLarge).isBetween(4, 6);
    }

    @Test
    void aCataloguePageTakesTheSameStatementsForFiveCoursesAsForFifty() {
        String marker = "Counted" + System.nanoTime();
        for (int i = 0; i < 50; i++) {
            createCourse(marker + " " + i, Integer.toString(100 + i), "BEGINNER", true);
        }
        int five = statements(() -> api.get("/api/v1/courses?size=5&q=" + marker, null), -1);
        int fifty = statements(() -> api.get("/api/v1/courses?size=50&q=" + marker, null), -1);
        assertThat(fifty).isEqualTo(five).isEqualTo(2);
    }

    private String treeOf(int modules, int lessonsPerModule) {
        String course = createCourse("Counted tree " + modules + "x" + lessonsPerModule + " " + System.nanoTime(), "100",
                "BEGINNER", true).path("id").asString();
        String curriculum = officialCurriculum(course);
        for (int m = 0; m < modules; m++) {
            String module = addModule(curriculum, director, "Module " + m);
            for (int l = 0; l < lessonsPerModule; l++) {
                String lesson = addLesson(module, director, "Lesson " + m + "." + l, 1);
                api.post("/api/v1/lessons/" + lesson + "/resources", director, Map.of("title", "Sheet", "type", "FILE",
                        "url", "https://files.example.in/" + lesson + ".pdf"));
            }
        }
        return course;
    }

    /** The statements one request prepared, after checking it answered with the expected number of lessons. */
    private int statements(java.util.function.Supplier<Response> request, int lessons) {
        StatementCounter.Counted<Response> counted = StatementCounter.during(request);
        Response response = counted.result();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        if (lessons >= 0) {
            int seen = response.json().path("modules").valueStream().mapToInt(m -> m.path("lessons").size()).sum();
            assertThat(seen).isEqualTo(lessons);
        }
        return counted.statements();
    }
}
