package dev.coachos.events.communication;

import dev.coachos.events.DomainEvent;

/**
 * Someone requested leave. Consumers: audit.
 *
 * @param leaveId     the leave (UUID)
 * @param userId      whose leave (user id)
 * @param profileType STUDENT, TEACHER or STAFF
 * @param branchId    their branch (UUID), or null
 * @param fromDate    first day (ISO date)
 * @param toDate      last day (ISO date)
 * @param halfDay     AM or PM for a half day (then fromDate = toDate), or null for whole days
 * @param leaveType   the kind of leave, such as SICK or CASUAL
 */
public record LeaveRequested(String leaveId, String userId, String profileType, String branchId, String fromDate,
        String toDate, String halfDay, String leaveType) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
