package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A teacher submitted their version of a course's curriculum for approval. Consumers:
 * communication (tells the directors), audit.
 *
 * @param curriculumId the version (UUID)
 * @param courseId     its course (UUID)
 * @param courseTitle  the course's title, for messages
 * @param teacherId    the teacher's user id (UUID)
 * @param versionName  the teacher's label for the version, or null
 */
public record CurriculumSubmitted(String curriculumId, String courseId, String courseTitle, String teacherId,
        String versionName) implements DomainEvent {

    @Override
    public String aggregateId() {
        return curriculumId;
    }
}
