package dev.coachos.course.curriculum;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A curriculum with its modules, lessons and lesson resources, in order: what a reader renders. */
public record CurriculumTree(UUID id, UUID courseId, String courseTitle, UUID teacherId, boolean official,
        Curriculum.Status status, String versionName, String rejectionReason, Instant submittedAt, Instant reviewedAt,
        Instant updatedAt, List<ModuleNode> modules) {

    public record ModuleNode(UUID id, String title, int position, boolean active, String richTextContent,
            List<LessonNode> lessons) {
    }

    public record LessonNode(UUID id, UUID moduleId, String title, int position, String contentUrl,
            String richTextContent, String videoUrl, int weightage, List<ResourceNode> resources) {
    }

    /** A resource of a lesson: its own file or link, or a reference into the shared library ({@code resourceId}). */
    public record ResourceNode(UUID id, UUID resourceId, String title, String type, String url) {
    }
}
