package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A teacher's curriculum version was sent back with a reason; the teacher may edit and
 * resubmit it. Consumers: communication (tells the teacher), audit.
 *
 * @param curriculumId the version (UUID)
 * @param courseId     its course (UUID)
 * @param courseTitle  the course's title, for messages
 * @param teacherId    the teacher's user id (UUID)
 * @param reviewerId   who rejected it (user id)
 * @param reason       why, as the reviewer wrote it
 */
public record CurriculumRejected(String curriculumId, String courseId, String courseTitle, String teacherId,
        String reviewerId, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return curriculumId;
    }
}
