package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * An installment is past its due date and not paid. The daily dues job publishes it once per
 * installment and level: level 1 on the first day overdue, then 2 and 3 at the configured
 * offsets. Consumers: communication (escalating reminders), audit.
 *
 * @param installmentId the installment (UUID)
 * @param planId        its plan (UUID)
 * @param studentId     the student's user id (UUID)
 * @param branchId      the branch (UUID), or null
 * @param courseTitle   the course, for messages
 * @param dueDate       when it was due (ISO date)
 * @param pending       what is still unpaid of it, INR decimal string
 * @param daysOverdue   days since the due date when published
 * @param level         1, 2 or 3
 */
public record InstallmentOverdue(String installmentId, String planId, String studentId, String branchId,
        String courseTitle, String dueDate, String pending, int daysOverdue, int level) implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }
}
