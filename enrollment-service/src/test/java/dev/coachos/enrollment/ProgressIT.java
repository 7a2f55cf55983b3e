package dev.coachos.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** Weighted progress over the curriculum a student follows, from the local read model. */
class ProgressIT extends EnrollmentTestBase {

    @Test
    void progressIsTheWeightedShareOfTheCurriculumTheStudentFollows() {
        UUID course = knownCourse("Progress", "1000", true);
        UUID teacherId = UUID.randomUUID();
        UUID l1 = UUID.randomUUID();
        UUID l2 = UUID.randomUUID();
        UUID l3 = UUID.randomUUID();
        Map<UUID, Integer> official = new LinkedHashMap<>();
        official.put(l1, 1);
        official.put(l2, 3);
        knownLessons(course, null, official);
        Map<UUID, Integer> teachers = new LinkedHashMap<>(official);
        teachers.put(l3, 4);
        knownLessons(course, teacherId, teachers);
        UUID withTeacher = batch(course, "Teacher's version", 30, teacherId, null, Map.of());
        UUID plain = batch(course, "Official", 30, null, null, Map.of());
        UUID asha = UUID.randomUUID();
        UUID ravi = UUID.randomUUID();
        enroll(director, asha, course, withTeacher);
        enroll(director, ravi, course, plain);

        Response first = complete(asha, course, l2);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("percent").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(complete(asha, course, l2).json().path("percent").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(events("LessonCompleted", asha.toString())).hasSize(1);
        assertThat(complete(asha, course, l3).json().path("percent").decimalValue()).isEqualByComparingTo("87.50");

        // Ravi's batch has no teacher: he follows the official curriculum, where l3 does not exist.
        Response notHis = complete(ravi, course, l3);
        assertThat(notHis.status()).isEqualTo(400);
        assertThat(notHis.errorFields()).containsExactly("lessonId");
        assertThat(complete(ravi, course, l2).json().path("percent").decimalValue()).isEqualByComparingTo("75.00");
        Response ravis = api.get("/api/v1/progress/courses/" + course, student(ravi));
        assertThat(ravis.json().path("totalLessons").asInt()).isEqualTo(2);
        assertThat(ravis.json().path("completedLessons").asInt()).isEqualTo(1);

        assertThat(api.get("/api/v1/progress/courses/" + course + "/students/" + asha, teacher(teacherId)).json()
                .path("percent").decimalValue()).isEqualByComparingTo("87.50");
        assertThat(api.get("/api/v1/progress/courses/" + course + "/students/" + ravi, teacher(teacherId)).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/progress/courses/" + UUID.randomUUID(), student(asha)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/progress/courses/" + course + "/lessons/" + l1 + "/complete", teacher(teacherId), null)
                .status()).isEqualTo(403);
    }

    private Response complete(UUID student, UUID course, UUID lesson) {
        return api.post("/api/v1/progress/courses/" + course + "/lessons/" + lesson + "/complete", student(student), null);
    }
}
