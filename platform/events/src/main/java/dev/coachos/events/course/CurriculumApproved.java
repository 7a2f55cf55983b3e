package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A teacher's curriculum version was approved: from now on it is the effective curriculum for
 * that teacher's students. Its lessons follow in a {@link LessonsChanged}. Consumers:
 * communication (tells the teacher), enrollment, audit.
 *
 * @param curriculumId the version (UUID)
 * @param courseId     its course (UUID)
 * @param courseTitle  the course's title, for messages
 * @param teacherId    the teacher's user id (UUID)
 * @param reviewerId   who approved it (user id)
 */
public record CurriculumApproved(String curriculumId, String courseId, String courseTitle, String teacherId,
        String reviewerId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return curriculumId;
    }
}
