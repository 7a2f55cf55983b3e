package dev.coachos.events.marketing;

import dev.coachos.events.DomainEvent;

/**
 * Staff asked to turn a lead into a student of a batch: the first step of the conversion's
 * choreography. Everything identity and enrollment need travels here and onwards, so no service
 * calls another. Consumers: identity (creates or links the student's account and answers with
 * {@code LeadAccountReady} or {@code LeadAccountRefused}), audit.
 *
 * @param leadId         the lead (UUID): every step is idempotent on it
 * @param conversionId   this attempt (UUID); a lead whose attempt failed may try again with another batch
 * @param name           the person's name
 * @param email          their e-mail address (the account's login)
 * @param phone          their phone in E.164
 * @param branchId       the lead's branch (UUID), or null
 * @param batchId        the batch to enroll in (UUID)
 * @param discountType   PERCENTAGE or FIXED, or null for none
 * @param discount       the discount's value (percent or INR, decimal string), or null
 * @param requestedBy    who asked (user id)
 * @param requestedAt    when (ISO instant)
 */
public record LeadConversionRequested(String leadId, String conversionId, String name, String email, String phone,
        String branchId, String batchId, String discountType, String discount, String requestedBy,
        String requestedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
