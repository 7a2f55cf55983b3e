package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * A student was enrolled. Everything finance needs to raise the fee schedule is here, so it
 * never has to call back. Consumers: communication (confirmation), finance, audit.
 *
 * @param enrollmentId  the enrollment (UUID)
 * @param studentId     the student's user id (UUID)
 * @param courseId      the course (UUID)
 * @param courseTitle   its title, for messages
 * @param batchId       the batch (UUID)
 * @param batchName     its name, for messages
 * @param branchId      the batch's branch (UUID), or null
 * @param fee           the batch fee in INR before discount (decimal string)
 * @param feeFrequency  ONE_TIME or MONTHLY
 * @param discountType  PERCENTAGE or FIXED, or null for none
 * @param discount      the discount's value (percent or INR, decimal string), or null
 * @param netFee        the fee after discount in INR (decimal string), never negative
 * @param enrolledAt    when (ISO instant)
 * @param batchStartDate the batch's first day (ISO date); null in events published before it was added
 * @param batchEndDate  the batch's last day (ISO date), or null when it has none (and in older events).
 *                      With the start, what a monthly plan runs between travels with the enrollment:
 *                      the batch's own events are keyed by the batch, on another partition, so a
 *                      consumer that waited for them could hold every partition it reads
 */
public record EnrollmentCreated(String enrollmentId, String studentId, String courseId, String courseTitle,
        String batchId, String batchName, String branchId, String fee, String feeFrequency, String discountType,
        String discount, String netFee, String enrolledAt, String batchStartDate, String batchEndDate)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return enrollmentId;
    }
}
