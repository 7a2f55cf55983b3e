package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A student submitted (or resubmitted) work for an assignment. Consumers: audit; later
 * communication (the teacher's queue).
 *
 * @param submissionId the submission (UUID)
 * @param assignmentId its assignment (UUID)
 * @param courseId     the assignment's course (UUID)
 * @param studentId    the student's user id (UUID)
 * @param resubmission whether it replaced an earlier submission
 */
public record AssignmentSubmitted(String submissionId, String assignmentId, String courseId, String studentId,
        boolean resubmission) implements DomainEvent {

    @Override
    public String aggregateId() {
        return submissionId;
    }
}
