package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * identity-service created, or linked, the student account for a lead being converted (the second
 * step of the conversion). A new account was sent its set-password link. Carries the batch and
 * discount onward. Consumers: enrollment (enrolls the student), marketing (shows the progress).
 *
 * @param leadId         the lead (UUID)
 * @param conversionId   the attempt (UUID)
 * @param studentId      the student's user id (UUID)
 * @param created        true for a new account, false when an existing student's account was linked
 * @param name           the student's name
 * @param email          the student's e-mail address
 * @param branchId       the lead's branch (UUID), or null
 * @param batchId        the batch to enroll in (UUID)
 * @param discountType   PERCENTAGE or FIXED, or null
 * @param discount       the discount's value, or null
 */
public record LeadAccountReady(String leadId, String conversionId, String studentId, boolean created, String name,
        String email, String branchId, String batchId, String discountType, String discount) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
