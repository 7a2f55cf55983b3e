package dev.coachos.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.coachos.finance.money.FeeSchedule;
import dev.coachos.finance.plan.FeePlans;

/** Raises a plan for a given enrollment id, as a redelivered EnrollmentCreated would. */
final class FeePlansRaise {

    private FeePlansRaise() {
    }

    static void raise(FeePlans plans, UUID enrollment, UUID student, UUID branch, UUID batch, String fee,
            String frequency, Instant at) {
        plans.raise(new FeePlans.NewPlan(enrollment, student, UUID.randomUUID(), "JEE Physics", batch, "JEE Jan 2027",
                branch, new BigDecimal(fee), FeeSchedule.Frequency.valueOf(frequency), null, null, new BigDecimal(fee),
                at, null, null));
    }
}
