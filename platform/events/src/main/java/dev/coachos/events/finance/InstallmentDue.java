package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * An installment falls due soon and is not paid. Published once per installment by the daily
 * dues job. Consumers: communication (a reminder), audit.
 *
 * @param installmentId the installment (UUID)
 * @param planId        its plan (UUID)
 * @param studentId     the student's user id (UUID)
 * @param branchId      the branch (UUID), or null
 * @param courseTitle   the course, for messages
 * @param dueDate       when it is due (ISO date)
 * @param amount        the installment's amount, INR decimal string
 * @param pending       what is still unpaid of it, INR decimal string
 */
public record InstallmentDue(String installmentId, String planId, String studentId, String branchId,
        String courseTitle, String dueDate, String amount, String pending) implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }
}
