package dev.coachos.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/** Highlights and bookmarks belong to one reader and nobody else. */
class StudyNotesIT extends CourseTestBase {

    @Test
    void highlightsAndBookmarksArePrivateToTheirStudent() {
        String course = createCourse("Notes Course", "100", "BEGINNER", true).path("id").asString();
        String lesson = addLesson(addModule(officialCurriculum(course), director, "Module"), director, "Lesson", 1);
        String asha = enrolledStudent(course);
        String ravi = enrolledStudent(course);

        Response highlight = api.post("/api/v1/highlights", asha, Map.of("lessonId", lesson, "text", "F = ma",
                "startOffset", 10, "endOffset", 16, "color", "yellow", "note", "remember"));
        assertThat(highlight.status()).as(highlight.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/highlights", asha, Map.of("lessonId", lesson, "text", "x", "startOffset", 9,
                "endOffset", 2)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/highlights", asha, Map.of("lessonId", UUID.randomUUID().toString(), "text", "x"))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/highlights?lessonId=" + lesson, asha).json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/highlights?lessonId=" + lesson, ravi).json().size()).isZero();
        assertThat(api.delete("/api/v1/highlights/" + highlight.text("id"), ravi).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/highlights", asha).json().size()).isEqualTo(1);

        assertThat(api.put("/api/v1/bookmarks/" + lesson, asha, Map.of("note", "revise")).status()).isEqualTo(204);
        assertThat(api.put("/api/v1/bookmarks/" + lesson, asha, Map.of("note", "revise twice")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/bookmarks", asha).json().size()).isEqualTo(1);
        assertThat(api.get("/api/v1/bookmarks", asha).json().get(0).path("note").asString()).isEqualTo("revise twice");
        assertThat(api.get("/api/v1/bookmarks", asha).json().get(0).path("courseId").asString()).isEqualTo(course);
        assertThat(api.get("/api/v1/bookmarks", ravi).json().size()).isZero();
        assertThat(api.delete("/api/v1/bookmarks/" + lesson, ravi).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/bookmarks/" + lesson, asha).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/highlights/" + highlight.text("id"), asha).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/highlights", null).status()).isEqualTo(401);
    }
}
