package dev.coachos.events.course;

import dev.coachos.events.DomainEvent;

/**
 * A teacher graded a submission. Consumers: communication (tells the student), audit.
 *
 * @param submissionId    the submission (UUID)
 * @param assignmentId    its assignment (UUID)
 * @param assignmentTitle the assignment's title, for messages
 * @param courseId        the assignment's course (UUID)
 * @param studentId       the student's user id (UUID)
 * @param points          the points given
 * @param maxPoints       the most the assignment gives
 * @param graderId        who graded it (user id)
 */
public record SubmissionGraded(String submissionId, String assignmentId, String assignmentTitle, String courseId,
        String studentId, int points, int maxPoints, String graderId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return submissionId;
    }
}
