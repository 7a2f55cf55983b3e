package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A teacher was assigned to a course: they may now keep a curriculum version of it and teach its
 * students. Consumers: assessment (who sets quizzes on the course), audit.
 *
 * @param courseId   the course (UUID)
 * @param teacherId  the teacher's user id (UUID)
 * @param assignedBy who assigned them (user id)
 */
public record CourseTeacherAssigned(String courseId, String teacherId, String assignedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return courseId;
    }
}
