package dev.coachos.events.marketing;

import dev.coachos.events.DomainEvent;

/**
 * A lead's next follow-up time has come and nobody has touched the lead since it was set; sent once
 * per follow-up. Consumers: communication (the assignee is reminded).
 *
 * @param leadId         the lead (UUID)
 * @param name           the person's name
 * @param phone          their phone in E.164
 * @param branchId       its branch (UUID), or null
 * @param assigneeId     who is reminded (user id)
 * @param stage          the lead's stage
 * @param followUpAt     the follow-up that fell due (ISO instant)
 */
public record LeadFollowUpDue(String leadId, String name, String phone, String branchId, String assigneeId,
        String stage, String followUpAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
