package dev.coachos.events.identity;

import dev.coachos.events.DomainEvent;

/**
 * identity-service could not give a lead being converted an account. Consumers: marketing (the
 * conversion fails with the reason; the lead stays in its stage).
 *
 * @param leadId         the lead (UUID)
 * @param conversionId   the attempt (UUID)
 * @param reason         ACCOUNT_CONFLICT (the e-mail or phone belongs to someone who is not a student, to a deactivated account, or to two different students) or INVALID_DETAILS
 * @param detail         a sentence for staff saying what is wrong
 */
public record LeadAccountRefused(String leadId, String conversionId, String reason,
        String detail) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
