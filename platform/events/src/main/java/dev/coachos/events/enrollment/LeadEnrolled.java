package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * enrollment-service enrolled a converted lead's student in the batch (or found the lead's
 * enrollment made before, or the student's active enrollment in that batch: one enrollment per
 * lead, ever). A new enrollment's {@code EnrollmentCreated} went out beside it; a found one's went
 * out when it was made. Consumers: marketing (the lead becomes CONVERTED).
 *
 * @param leadId         the lead (UUID)
 * @param conversionId   the attempt (UUID)
 * @param enrollmentId   the enrollment (UUID)
 * @param studentId      the student's user id (UUID)
 * @param batchId        the batch (UUID)
 */
public record LeadEnrolled(String leadId, String conversionId, String enrollmentId, String studentId,
        String batchId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
