package dev.coachos.events.finance;

import dev.coachos.events.DomainEvent;

/**
 * A student's fee plan was raised from their enrollment. Consumers: communication (the student
 * is told what they owe and when), marketing (a converted lead ends with a plan), audit.
 *
 * @param planId        the plan (UUID)
 * @param enrollmentId  the enrollment it was raised from (UUID)
 * @param studentId     the student's user id (UUID)
 * @param branchId      the batch's branch (UUID), or null
 * @param courseTitle   the course, for messages
 * @param batchName     the batch, for messages
 * @param frequency     ONE_TIME or MONTHLY
 * @param total         what the plan asks in all, INR as a decimal string such as {@code "18500.00"}
 * @param installments  how many installments
 * @param firstDueDate  the first installment's due date (ISO date)
 */
public record FeePlanCreated(String planId, String enrollmentId, String studentId, String branchId,
        String courseTitle, String batchName, String frequency, String total, int installments, String firstDueDate)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return studentId;
    }
}
