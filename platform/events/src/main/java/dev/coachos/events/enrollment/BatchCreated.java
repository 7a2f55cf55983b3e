package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * A batch (cohort) of a course was opened. Consumers: identity (which batches a student profile may name), finance (teacher pay, overheads), audit.
 *
 * @param batchId              the batch (UUID)
 * @param courseId             its course (UUID)
 * @param name                 its name, such as "JEE Physics Jan 2027"
 * @param startDate            first day (ISO date)
 * @param endDate              last day (ISO date), or null
 * @param capacity             most students it takes
 * @param teacherId            its teacher's user id, or null
 * @param branchId             its branch (UUID), or null
 * @param fee                  fee per student in INR (decimal string)
 * @param feeFrequency         ONE_TIME or MONTHLY
 * @param teacherCompensation  fixed monthly pay of the teacher in INR (decimal string), or null
 * @param teacherCommission    per-student bonus in INR (decimal string), or null
 * @param monthlyOverheadCost  monthly running cost in INR (decimal string), or null
 */
public record BatchCreated(String batchId, String courseId, String name, String startDate, String endDate,
        int capacity, String teacherId, String branchId, String fee, String feeFrequency, String teacherCompensation,
        String teacherCommission, String monthlyOverheadCost) implements DomainEvent {

    @Override
    public String aggregateId() {
        return batchId;
    }
}
