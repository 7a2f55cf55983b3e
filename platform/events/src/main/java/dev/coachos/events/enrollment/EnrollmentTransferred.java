package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * An enrollment moved to another batch of the same course: a seat taken there, the one here given
 * back (and offered to the first in line). The fee agreed at enrollment stays. Consumers:
 * communication, finance (the teacher paid for the student), audit.
 *
 * @param enrollmentId the enrollment (UUID)
 * @param studentId    the student (user id)
 * @param courseId     the course (UUID)
 * @param fromBatchId  the batch left (UUID)
 * @param toBatchId    the batch joined (UUID)
 * @param toBranchId   the branch of the batch joined (UUID), or null
 * @param reason       why, as given by staff, or null
 */
public record EnrollmentTransferred(String enrollmentId, String studentId, String courseId, String fromBatchId,
        String toBatchId, String toBranchId, String reason) implements DomainEvent {

    @Override
    public String aggregateId() {
        return enrollmentId;
    }
}
