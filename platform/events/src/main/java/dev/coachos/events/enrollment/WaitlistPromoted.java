package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * A seat freed up and the first student in line was offered it: the seat is held for them until
 * {@code offeredUntil}; if they do not confirm by then it goes to the next in line. When they
 * confirm, EnrollmentCreated follows. Consumers: communication (tell the student), audit.
 *
 * @param enrollmentId the enrollment offered the seat (UUID)
 * @param studentId    the student (user id)
 * @param courseId     the course (UUID)
 * @param batchId      the batch (UUID)
 * @param batchName    its name
 * @param offeredUntil the last moment to confirm (ISO instant)
 */
public record WaitlistPromoted(String enrollmentId, String studentId, String courseId, String batchId,
        String batchName, String offeredUntil) implements DomainEvent {

    @Override
    public String aggregateId() {
        return enrollmentId;
    }
}
