package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A teacher no longer teaches a course. Consumers: assessment (they no longer set or grade its
 * quizzes), audit.
 *
 * @param courseId     the course (UUID)
 * @param teacherId    the teacher's user id (UUID)
 * @param unassignedBy who removed them (user id)
 */
public record CourseTeacherUnassigned(String courseId, String teacherId, String unassignedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return courseId;
    }
}
