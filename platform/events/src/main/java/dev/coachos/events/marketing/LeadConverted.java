package dev.coachos.events.marketing;

import dev.coachos.events.DomainEvent;

/**
 * A lead's conversion finished: the student has an account and an enrollment in the batch (finance
 * raises the fee plan from that enrollment's {@code EnrollmentCreated}). Consumers: audit, reports.
 *
 * @param leadId         the lead (UUID)
 * @param conversionId   the attempt that succeeded (UUID)
 * @param studentId      the student's user id (UUID)
 * @param enrollmentId   the enrollment (UUID)
 * @param name           the person's name
 * @param email          their e-mail address
 * @param phone          their phone in E.164
 * @param branchId       the lead's branch (UUID), or null
 * @param batchId        the batch (UUID)
 * @param discountType   PERCENTAGE or FIXED, or null
 * @param discount       the discount's value, or null
 * @param campaignId     the lead's campaign (UUID), or null
 * @param source         the lead's source
 * @param convertedAt    when (ISO instant)
 */
public record LeadConverted(String leadId, String conversionId, String studentId, String enrollmentId, String name,
        String email, String phone, String branchId, String batchId, String discountType, String discount,
        String campaignId, String source, String convertedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
