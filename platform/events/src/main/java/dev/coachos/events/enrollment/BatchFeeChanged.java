package dev.coachos.events.enrollment;

import dev.coachos.events.DomainEvent;

/**
 * A batch's fee changed for enrollments made from now on; enrollments made before keep the fee
 * they were given. Consumers: finance (fee schedules of new enrollments), audit.
 *
 * @param batchId              the batch (UUID)
 * @param courseId             its course (UUID)
 * @param previousFee          the fee before, INR as a decimal string such as {@code "18500.00"}
 * @param fee                  the fee now
 * @param previousFeeFrequency ONE_TIME or MONTHLY before
 * @param feeFrequency         ONE_TIME or MONTHLY now
 * @param effectiveFrom        when the new fee took effect (ISO instant)
 */
public record BatchFeeChanged(String batchId, String courseId, String previousFee, String fee,
        String previousFeeFrequency, String feeFrequency, String effectiveFrom) implements DomainEvent {

    @Override
    public String aggregateId() {
        return batchId;
    }
}
