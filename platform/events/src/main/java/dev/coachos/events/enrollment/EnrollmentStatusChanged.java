package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * An enrollment moved between ACTIVE, ON_HOLD, COMPLETED and DROPPED. Consumers: finance (stop
 * or resume fees), communication, audit.
 *
 * @param enrollmentId the enrollment (UUID)
 * @param studentId    the student's user id (UUID)
 * @param courseId     the course (UUID)
 * @param batchId      the batch (UUID)
 * @param previous     the status before
 * @param status       the status now
 * @param reason       why, when given (such as "student account deactivated")
 */
public record EnrollmentStatusChanged(String enrollmentId, String studentId, String courseId, String batchId,
        String previous, String status, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return enrollmentId;
    }
}
