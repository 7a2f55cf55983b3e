package dev.coachos.events.communication;

import dev.coachos.events.DomainEvent;

/**
 * A leave was approved, rejected or cancelled. Consumers: enrollment (an approved student leave
 * records EXCUSED for the student's sessions in the range, never over an attendance already
 * marked), audit.
 *
 * @param leaveId     the leave (UUID)
 * @param userId      whose leave (user id)
 * @param profileType STUDENT, TEACHER or STAFF
 * @param branchId    their branch (UUID), or null
 * @param fromDate    first day (ISO date)
 * @param toDate      last day (ISO date)
 * @param halfDay     AM or PM for a half day, or null
 * @param decision    APPROVED, REJECTED or CANCELLED
 * @param decidedBy   who decided (user id); the requester for CANCELLED
 * @param decidedAt   when (ISO instant)
 */
public record LeaveDecided(String leaveId, String userId, String profileType, String branchId, String fromDate,
        String toDate, String halfDay, String decision, String decidedBy, String decidedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
