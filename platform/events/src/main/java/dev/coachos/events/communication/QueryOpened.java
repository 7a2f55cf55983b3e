package dev.coachos.events.communication;

import dev.coachos.events.DomainEvent;

/**
 * A student or teacher opened a support query. Consumers: audit, marketing (a query may become a lead's activity).
 *
 * @param queryId     the query (UUID)
 * @param requesterId who opened it (user id)
 * @param branchId    their branch (UUID), or null
 * @param subject     its subject
 * @param priority    LOW, NORMAL, HIGH or URGENT
 * @param courseId    the course it is about (UUID), or null
 * @param openedAt    when (ISO instant)
 */
public record QueryOpened(String queryId, String requesterId, String branchId, String subject, String priority,
        String courseId, String openedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return queryId;
    }
}
