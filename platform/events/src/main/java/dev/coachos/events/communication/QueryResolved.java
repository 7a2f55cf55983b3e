package dev.coachos.events.communication;

import dev.coachos.events.DomainEvent;

/**
 * A support query was resolved. Consumers: audit, reports (resolution times).
 *
 * @param queryId          the query (UUID)
 * @param requesterId      who opened it (user id)
 * @param resolvedBy       who resolved it (user id)
 * @param branchId         the requester's branch (UUID), or null
 * @param priority         LOW, NORMAL, HIGH or URGENT
 * @param resolutionBreached whether it was resolved after its resolution target
 * @param resolvedAt       when (ISO instant)
 */
public record QueryResolved(String queryId, String requesterId, String resolvedBy, String branchId, String priority,
        boolean resolutionBreached, String resolvedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return queryId;
    }
}
