package dev.coachos.enrollment.enrollment;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.coachos.platform.web.Problems;

/**
 * What a student pays after a discount, in INR with two decimals. A percentage discount is
 * rounded once, half up to the paisa, and subtracted: 10% of 18500.00 is 1850.00, net 16650.00;
 * 12.5% of 999.99 is 124.99875, rounded 125.00, net 874.99. A fixed discount is subtracted as given.
 */
public final class NetFee {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private NetFee() {
    }

    /**
     * The fee after the discount; no discount gives the fee; a discount above the fee (or 100%), or
     * with more than two decimals, is a 400.
     */
    public static BigDecimal of(BigDecimal fee, Enrollment.DiscountType type, BigDecimal discount) {
        if ((type == null) != (discount == null)) {
            throw Problems.invalidField(type == null ? "discountType" : "discount",
                    "give discountType and discount together");
        }
        if (type == null) {
            return fee;
        }
        if (discount.signum() < 0) {
            throw Problems.invalidField("discount", "must not be negative");
        }
        // What a request's bean validation says too (at most 10 digits and 2 decimals), for discounts that come another way.
        BigDecimal digits = discount.stripTrailingZeros();
        if (digits.scale() > 2 || digits.precision() - digits.scale() > 10) {
            throw Problems.invalidField("discount", "at most 10 digits before the point and 2 after it");
        }
        return switch (type) {
            case PERCENTAGE -> {
                if (discount.compareTo(HUNDRED) > 0) {
                    throw Problems.invalidField("discount", "a percentage is at most 100");
                }
                yield fee.subtract(fee.multiply(discount).divide(HUNDRED, 2, RoundingMode.HALF_UP));
            }
            case FIXED -> {
                if (discount.compareTo(fee) > 0) {
                    throw Problems.invalidField("discount", "must not be above the fee of " + fee.toPlainString());
                }
                yield fee.subtract(discount);
            }
        };
    }
}
