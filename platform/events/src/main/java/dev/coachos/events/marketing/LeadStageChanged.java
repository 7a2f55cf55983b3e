package dev.coachos.events.marketing;

import dev.coachos.events.DomainEvent;

/**
 * A lead moved along the pipeline (NEW, CONTACTED, QUALIFIED, NEGOTIATION, CONVERTED, LOST). Consumers: audit.
 *
 * @param leadId         the lead (UUID)
 * @param branchId       its branch (UUID), or null
 * @param fromStage      the stage it left
 * @param toStage        the stage it entered
 * @param lostReason     why it was lost, for LOST; otherwise null
 * @param changedBy      who moved it (user id), or null when the conversion's events moved it
 * @param changedAt      when (ISO instant)
 */
public record LeadStageChanged(String leadId, String branchId, String fromStage, String toStage, String lostReason,
        String changedBy, String changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return leadId;
    }
}
