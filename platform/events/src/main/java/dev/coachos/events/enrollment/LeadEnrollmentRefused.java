package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * enrollment-service could not enroll a converted lead's student. Consumers: marketing (the
 * conversion fails with the reason; staff may pick another batch).
 *
 * @param leadId         the lead (UUID)
 * @param conversionId   the attempt (UUID)
 * @param studentId      the student's user id (UUID)
 * @param batchId        the batch (UUID)
 * @param reason         BATCH_FULL (a lead never joins a waitlist), BATCH_NOT_OPEN, BATCH_NOT_FOUND,
 *                       ALREADY_ENROLLED (in another batch of the course), INVALID_DISCOUNT or STUDENT_DEACTIVATED
 * @param detail         a sentence for staff saying what is wrong
 */
public record LeadEnrollmentRefused(String leadId, String conversionId, String studentId, String batchId, String reason,
        String detail) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
