package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * A student marked a lesson complete. Consumers: audit; later certificates.
 *
 * @param studentId the student's user id (UUID)
 * @param courseId  the course (UUID)
 * @param lessonId  the lesson (UUID)
 * @param progress  the student's weighted progress in the course afterwards, 0–100 (decimal string)
 */
public record LessonCompleted(String studentId, String courseId, String lessonId, String progress)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }
}
